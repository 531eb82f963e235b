/**
 * APA 7 and Chicago 17 (notes and bibliography) for the seed reports, through citeproc-js and the
 * official CSL styles. The expected strings were checked by hand against the style guides:
 *
 * - APA 7, reports and grey literature: Author. (Year). *Title in sentence case*. Publisher. URL.
 *   A report is dated by year alone; a group or desk byline stands as written; an unsigned work
 *   moves its title to the author position. "Brief Archive." names the archive holding the copy.
 * - Chicago 17, bibliography: Author (inverted for a person). "Title in Headline Style." Publisher,
 *   date as precisely as known. Archive. URL. Short note: Author's short name, "Title."
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
	citationRecord,
	properNouns,
	toCslItem,
	type CitationContext,
} from '../../../src/lib/citation/record.ts';
import {
	CSL_STYLES,
	createCitationFormatter,
	htmlToText,
	withoutInlineStyles,
	type CitationFormatter,
} from '../../../src/lib/citation/styles.ts';
import { cslDateParts } from '../../../src/lib/citation/record.ts';
import { parsePartialDate, type PartialDate } from '../../../src/lib/model/dates.ts';
import { seedArchive } from '../../support/seed-archive.ts';

const archive = seedArchive();
const ctx: CitationContext = {
	site: 'https://archive.example.org',
	archive: 'Brief Archive',
	language: 'en',
	properNouns: properNouns([...archive.groups, ...archive.regions]),
};
const item = (slug: string) => toCslItem(citationRecord(archive.bySlug.get(slug)!, ctx));
const URL = 'https://archive.example.org/reports/';

let formatter: CitationFormatter;
beforeAll(() => {
	formatter = createCitationFormatter();
	// The first call starts both engines (seconds on a busy machine).
	formatter.format(item('is-k-seeks-to-undermine-the-taliban'));
}, 120_000);

describe('the CSL styles in use', () => {
	it('are the official APA 7th edition and Chicago 17th edition (note) styles', () => {
		expect(CSL_STYLES.apa).toContain('<title>APA Style 7th edition</title>');
		expect(CSL_STYLES.apa).toContain('<id>http://www.zotero.org/styles/apa</id>');
		expect(CSL_STYLES.chicago).toContain(
			'<title>Chicago Manual of Style 17th edition (note)</title>',
		);
		expect(CSL_STYLES.chicago).toContain(
			'<id>http://www.zotero.org/styles/chicago-note-bibliography</id>',
		);
	});
});

describe('APA 7', () => {
	it('cites a desk byline as a group author, with the year and an italic sentence-case title', () => {
		const apa = formatter.format(item('is-k-seeks-to-undermine-the-taliban')).apa;
		expect(apa.text).toBe(
			`Rise to Peace Counter-Terrorism Research Fellow. (2022). IS-K seeks to undermine the Taliban. Rise to Peace. Brief Archive. ${URL}is-k-seeks-to-undermine-the-taliban/`,
		);
		expect(apa.html).toContain('<i>IS-K seeks to undermine the Taliban</i>');
	});

	it('moves the title of an unsigned report to the author position', () => {
		expect(
			formatter.format(item('emergence-and-expansion-of-isis-k-and-the-taliban')).apa.text,
		).toBe(
			`The emergence and expansion of ISIS-K and the Taliban. (2021). Rise to Peace. Brief Archive. ${URL}emergence-and-expansion-of-isis-k-and-the-taliban/`,
		);
	});

	it('inverts a person’s name with initials and capitalises the subtitle', () => {
		expect(formatter.format(item('rise-of-the-islamic-state-in-afghanistan')).apa.text).toBe(
			`Mohibi, A. S. (2020). Special report: The rise of the Islamic State in Afghanistan. Rise to Peace. Brief Archive. ${URL}rise-of-the-islamic-state-in-afghanistan/`,
		);
	});

	it('dates a report by its year alone, whatever the precision known', () => {
		const slug = 'afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells';
		expect(formatter.format(item(slug)).apa.text).toBe(
			`Rise to Peace Counter-Terrorism Research Fellow. (2022). Afghanistan’s economic crisis means rapid growth for terrorist cells. Rise to Peace. Brief Archive. ${URL}${slug}/`,
		);
		const day = {
			...item(slug),
			issued: cslDateParts(parsePartialDate('2022-05-07') as PartialDate),
		};
		expect(formatter.format(day).apa.text).toContain('(2022).');
	});
});

describe('Chicago 17, notes and bibliography', () => {
	it('gives the year alone when only the year is known', () => {
		const out = formatter.format(item('is-k-seeks-to-undermine-the-taliban'));
		expect(out.chicago.text).toBe(
			`Rise to Peace Counter-Terrorism Research Fellow. “IS-K Seeks to Undermine the Taliban.” Rise to Peace, 2022. Brief Archive. ${URL}is-k-seeks-to-undermine-the-taliban/.`,
		);
		expect(out.chicagoNote.text).toBe(
			'Rise to Peace Counter-Terrorism Research Fellow, “IS-K Seeks to Undermine the Taliban.”',
		);
	});

	it('gives month and year when the month is known, and begins with the title when unsigned', () => {
		const out = formatter.format(item('emergence-and-expansion-of-isis-k-and-the-taliban'));
		expect(out.chicago.text).toBe(
			`“The Emergence and Expansion of ISIS-K and the Taliban.” Rise to Peace, November 2021. Brief Archive. ${URL}emergence-and-expansion-of-isis-k-and-the-taliban/.`,
		);
		expect(out.chicagoNote.text).toBe('“The Emergence and Expansion of ISIS-K and the Taliban.”');
	});

	it('inverts a person’s name in the bibliography and shortens it to the surname in the note', () => {
		const out = formatter.format(item('rise-of-the-islamic-state-in-afghanistan'));
		expect(out.chicago.text).toBe(
			`Mohibi, Ahmad Shah. “Special Report: The Rise of the Islamic State in Afghanistan.” Rise to Peace, December 2020. Brief Archive. ${URL}rise-of-the-islamic-state-in-afghanistan/.`,
		);
		expect(out.chicagoNote.text).toBe(
			'Mohibi, “Special Report: The Rise of the Islamic State in Afghanistan.”',
		);
	});

	it('restores the published headline capitals from the sentence-case CSL title', () => {
		const out = formatter.format(
			item('afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells'),
		);
		expect(out.chicago.text).toContain(
			'“Afghanistan’s Economic Crisis Means Rapid Growth for Terrorist Cells.” Rise to Peace, May 2022.',
		);
	});

	it('gives the full date only when the day is known, and never invents one', () => {
		const base = item('is-k-seeks-to-undermine-the-taliban');
		const at = (text: string) =>
			formatter.format({ ...base, issued: cslDateParts(parsePartialDate(text) as PartialDate) })
				.chicago.text;
		expect(at('2022-05-07')).toContain('Rise to Peace, May 7, 2022.');
		expect(at('2022-05')).toContain('Rise to Peace, May 2022.');
		expect(at('2022')).toContain('Rise to Peace, 2022.');
	});
});

describe('htmlToText', () => {
	it('drops tags and decodes the character references citeproc writes', () => {
		expect(htmlToText('<i>R&#38;D</i> &#60;x&#62; &amp; “q”')).toBe('R&D <x> & “q”');
	});

	it('decodes each reference once: "&#38;amp;" is the text "&amp;", not "&"', () => {
		expect(htmlToText('Tom &#38;amp; Jerry')).toBe('Tom &amp; Jerry');
	});
});

describe('markup in the fields of a report', () => {
	const marked = {
		...item('is-k-seeks-to-undermine-the-taliban'),
		id: 'marked-up',
		title:
			'Why <i>jihad</i>? <span style="font-variant:small-caps;">IS-K</span> & <b>the</b> Taliban',
	};

	it('stays text in every style: a title with <i> is not set in italics, no tag of the title reaches the page', () => {
		const f = formatter.format(marked);
		for (const entry of [f.apa, f.chicago, f.chicagoNote]) {
			expect(entry.html).toContain('&lt;i&#62;jihad&lt;/');
			expect(entry.html).not.toMatch(/<(?:b|span style|i>jihad)/);
			expect(entry.text).toContain('<i>jihad</');
		}
	});

	it('leaves no inline style in the HTML: citeproc’s formatting becomes classes', () => {
		const f = formatter.format(marked);
		for (const entry of [f.apa, f.chicago, f.chicagoNote])
			expect(entry.html).not.toMatch(/<[a-z]+\s[^>]*style=/);
		expect(withoutInlineStyles('<i>A <span style="font-style:normal;">b</span></i>')).toBe(
			'<i>A <span class="csl-roman">b</span></i>',
		);
		expect(withoutInlineStyles('<span style="color:red">x</span>')).toBe('<span>x</span>');
	});
});
