/**
 * APA 7 and Chicago 17 (notes and bibliography) for the seed reports, a signed, a desk-signed and
 * an unsigned one, through citeproc-js and the official CSL styles. Every expected string was
 * written by hand from the style guides' rules, then compared with what the code prints:
 *
 * - APA 7, reports and grey literature (§10.4): Author. (Year). *Title in sentence case*
 *   (Report No. n). Publisher. URL. A report is dated by its year alone. A desk byline is a group
 *   author as written; an unsigned report's publisher is its group author (§9.11), and is then not
 *   repeated as publisher (§9.24). A DOI replaces the URL (§9.34). A version is "(Version n)"
 *   after the title, as APA numbers versions of other works. "Brief Archive." names the archive
 *   holding the copy, as a database or archive is named before the URL.
 * - Chicago 17, bibliography (14.115, 14.84): Author (a person inverted; an organisation as
 *   author). "Title in Headline Style." Report type and number. Publisher, date as precisely as
 *   known. Archive. URL.
 * - Chicago 17, full note (14.20): Author (a person in normal order), "Title" (Publisher, date),
 *   Archive, URL. The type and number, or a version, follow the title after a comma.
 * - Chicago 17, short note (14.29–30): the author's surname, or an organisation's name, and the
 *   title cut to its key words: four words or fewer, no initial article, no subtitle.
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
	styleItems,
	type CitationFormatter,
} from '../../../src/lib/citation/styles.ts';
import { cslDateParts, type CitationName, type CslItem } from '../../../src/lib/citation/record.ts';
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
	it('are the official APA 7th edition and Chicago 17th edition (full note and note) styles', () => {
		expect(CSL_STYLES.apa).toContain('<title>APA Style 7th edition</title>');
		expect(CSL_STYLES.apa).toContain('<id>http://www.zotero.org/styles/apa</id>');
		expect(CSL_STYLES.chicago).toContain(
			'<title>Chicago Manual of Style 17th edition (full note)</title>',
		);
		expect(CSL_STYLES.chicago).toContain(
			'<id>http://www.zotero.org/styles/chicago-fullnote-bibliography</id>',
		);
		expect(CSL_STYLES.chicagoShort).toContain(
			'<title>Chicago Manual of Style 17th edition (note)</title>',
		);
		expect(CSL_STYLES.chicagoShort).toContain(
			'<id>http://www.zotero.org/styles/chicago-note-bibliography</id>',
		);
	});
});

const SIGNED = 'rise-of-the-islamic-state-in-afghanistan';
const DESK = 'is-k-seeks-to-undermine-the-taliban';
const UNSIGNED = 'emergence-and-expansion-of-isis-k-and-the-taliban';

describe('APA 7', () => {
	it('cites a signed report: inverted name with initials, the year, a capital after the colon', () => {
		const apa = formatter.format(item(SIGNED)).apa;
		expect(apa.text).toBe(
			`Mohibi, A. S. (2020). Special report: The rise of the Islamic State in Afghanistan. Rise to Peace. Brief Archive. ${URL}${SIGNED}/`,
		);
		expect(apa.html).toContain(
			'<i>Special report: The rise of the Islamic State in Afghanistan</i>',
		);
	});

	it('cites a desk byline as a group author, with the year and an italic sentence-case title', () => {
		const apa = formatter.format(item(DESK)).apa;
		expect(apa.text).toBe(
			`Rise to Peace Counter-Terrorism Research Fellow. (2022). IS-K seeks to undermine the Taliban. Rise to Peace. Brief Archive. ${URL}${DESK}/`,
		);
		expect(apa.html).toContain('<i>IS-K seeks to undermine the Taliban</i>');
	});

	it('cites an unsigned report under its publisher as group author, not repeated as publisher', () => {
		expect(formatter.format(item(UNSIGNED)).apa.text).toBe(
			`Rise to Peace. (2021). The emergence and expansion of ISIS-K and the Taliban. Brief Archive. ${URL}${UNSIGNED}/`,
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

	it('gives the type and number, the series with volume and issue, and the DOI for the URL', () => {
		expect(formatter.format(numbered()).apa.text).toBe(
			'Rise to Peace Counter-Terrorism Research Fellow. (2022). IS-K seeks to undermine the Taliban (Brief No. 12; Khorasan Papers, Vol. 2, Issue 3). Rise to Peace. Brief Archive. https://doi.org/10.1234/brief.12',
		);
	});

	it('cites an earlier version by its number and its own address', () => {
		expect(formatter.format(version1()).apa.text).toBe(
			`Mohibi, A. S. (2020). Special report: The rise of the Islamic State in Afghanistan (Version 1). Rise to Peace. Brief Archive. ${URL}${SIGNED}/v1/`,
		);
	});
});

describe('Chicago 17, bibliography', () => {
	it('inverts a person’s name and gives the month and year when the month is known', () => {
		expect(formatter.format(item(SIGNED)).chicago.text).toBe(
			`Mohibi, Ahmad Shah. “Special Report: The Rise of the Islamic State in Afghanistan.” Rise to Peace, December 2020. Brief Archive. ${URL}${SIGNED}/.`,
		);
	});

	it('gives a desk byline as written and the year alone when only the year is known', () => {
		expect(formatter.format(item(DESK)).chicago.text).toBe(
			`Rise to Peace Counter-Terrorism Research Fellow. “IS-K Seeks to Undermine the Taliban.” Rise to Peace, 2022. Brief Archive. ${URL}${DESK}/.`,
		);
	});

	it('lists an unsigned report under its publisher as author, and again as publisher', () => {
		expect(formatter.format(item(UNSIGNED)).chicago.text).toBe(
			`Rise to Peace. “The Emergence and Expansion of ISIS-K and the Taliban.” Rise to Peace, November 2021. Brief Archive. ${URL}${UNSIGNED}/.`,
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
		const base = item(DESK);
		const at = (text: string) =>
			formatter.format({ ...base, issued: cslDateParts(parsePartialDate(text) as PartialDate) })
				.chicago.text;
		expect(at('2022-05-07')).toContain('Rise to Peace, May 7, 2022.');
		expect(at('2022-05')).toContain('Rise to Peace, May 2022.');
		expect(at('2022')).toContain('Rise to Peace, 2022.');
	});

	it('gives the type with its number, the series with volume and issue, and the DOI', () => {
		expect(formatter.format(numbered()).chicago.text).toBe(
			'Rise to Peace Counter-Terrorism Research Fellow. “IS-K Seeks to Undermine the Taliban.” Brief 12. Khorasan Papers, vol. 2, no. 3. Rise to Peace, 2022. Brief Archive. https://doi.org/10.1234/brief.12.',
		);
	});

	it('cites an earlier version by its number and its own address', () => {
		expect(formatter.format(version1()).chicago.text).toBe(
			`Mohibi, Ahmad Shah. “Special Report: The Rise of the Islamic State in Afghanistan.” Version 1. Rise to Peace, December 2020. Brief Archive. ${URL}${SIGNED}/v1/.`,
		);
	});
});

describe('Chicago 17, full note', () => {
	it('gives a person’s name in normal order, then the title, publisher and date in parentheses', () => {
		expect(formatter.format(item(SIGNED)).chicagoNote.text).toBe(
			`Ahmad Shah Mohibi, “Special Report: The Rise of the Islamic State in Afghanistan” (Rise to Peace, December 2020), Brief Archive, ${URL}${SIGNED}/.`,
		);
	});

	it('gives a desk byline as written', () => {
		expect(formatter.format(item(DESK)).chicagoNote.text).toBe(
			`Rise to Peace Counter-Terrorism Research Fellow, “IS-K Seeks to Undermine the Taliban” (Rise to Peace, 2022), Brief Archive, ${URL}${DESK}/.`,
		);
	});

	it('gives an unsigned report under its publisher', () => {
		expect(formatter.format(item(UNSIGNED)).chicagoNote.text).toBe(
			`Rise to Peace, “The Emergence and Expansion of ISIS-K and the Taliban” (Rise to Peace, November 2021), Brief Archive, ${URL}${UNSIGNED}/.`,
		);
	});

	it('puts the type and number after the title, and a version likewise', () => {
		expect(formatter.format(numbered()).chicagoNote.text).toBe(
			'Rise to Peace Counter-Terrorism Research Fellow, “IS-K Seeks to Undermine the Taliban,” Brief 12, Khorasan Papers, vol. 2, no. 3 (Rise to Peace, 2022), Brief Archive, https://doi.org/10.1234/brief.12.',
		);
		expect(formatter.format(version1()).chicagoNote.text).toBe(
			`Ahmad Shah Mohibi, “Special Report: The Rise of the Islamic State in Afghanistan,” version 1 (Rise to Peace, December 2020), Brief Archive, ${URL}${SIGNED}/v1/.`,
		);
	});
});

describe('Chicago 17, short note', () => {
	it('gives the surname and the key words of the title, without the type label', () => {
		expect(formatter.format(item(SIGNED)).chicagoShortNote.text).toBe(
			'Mohibi, “Rise of the Islamic State.”',
		);
	});

	it('cuts a desk-signed report’s title to four words', () => {
		expect(formatter.format(item(DESK)).chicagoShortNote.text).toBe(
			'Rise to Peace Counter-Terrorism Research Fellow, “IS-K Seeks to Undermine.”',
		);
	});

	it('gives an unsigned report’s publisher and drops the initial article and a trailing “of”', () => {
		expect(formatter.format(item(UNSIGNED)).chicagoShortNote.text).toBe(
			'Rise to Peace, “Emergence and Expansion.”',
		);
	});

	it('uses the author’s own short title when the report gives one', () => {
		expect(
			formatter.format(item('afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells'))
				.chicagoShortNote.text,
		).toBe('Rise to Peace Counter-Terrorism Research Fellow, “Afghanistan’s Economic Crisis.”');
	});
});

describe('styleItems', () => {
	it('leaves the CSL item alone where the styles need nothing changed', () => {
		const plain = item(DESK);
		expect(styleItems(plain)).toEqual({ apa: plain, chicago: plain });
	});

	it('drops the publisher for APA only when it is the sole group author', () => {
		const { apa, chicago } = styleItems(item(UNSIGNED));
		expect(apa).not.toHaveProperty('publisher');
		expect(chicago.publisher).toBe('Rise to Peace');
	});
});

/** The desk-signed seed with a report number, a numbered series and a DOI. */
const numbered = () =>
	toCslItem(
		citationRecord(
			{
				...archive.bySlug.get(DESK)!,
				number: '12',
				series: { name: 'Khorasan Papers', volume: '2', issue: '3' },
				doi: '10.1234/brief.12',
			},
			ctx,
		),
	);

/** Version 1 of the signed seed, as if its text had since changed once. */
const version1 = () => {
	const report = archive.bySlug.get(SIGNED)!;
	return toCslItem(
		citationRecord({ ...report, versions: [{}] }, ctx, {
			number: 1,
			title: report.title,
			titleSentenceCase: undefined,
			titleShort: undefined,
			published: report.published,
			authors: report.authors,
		}),
	);
};

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

/**
 * Varied CSL items: 0 to 25 authors (past APA's and Chicago's et-al. thresholds), people and
 * organisations, authors who share a surname, titles with quotes, colons and markup, partial dates,
 * numbers, series, DOIs, versions and notes. Deterministic: the same items on every run.
 */
function variedItems(count: number): CslItem[] {
	let state = 20_261_202;
	const next = () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const people: CitationName[] = [
		{ family: 'Mohibi', given: 'Ahmad Shah' },
		{ family: 'Smith', given: 'Jane' },
		{ family: 'Smith', given: 'John' },
		{ family: 'de la Cruz', given: 'María' },
		{ family: 'Khan' },
		{ family: 'O’Neil', given: 'A. B.' },
		{ literal: 'Rise to Peace' },
		{ literal: 'Counter-Terrorism Research Fellow' },
	];
	const words = [
		'IS-K',
		'Taliban',
		'the',
		'economic',
		'crisis:',
		'in',
		'Kunduz',
		'“jihad”',
		'why',
		'a',
		'new',
		'front',
		'of',
		'<i>war</i>',
		'Afghanistan’s',
		'al-Qaeda',
		'&',
		'growth?',
	];
	return Array.from({ length: count }, (_, i) => {
		const authors = Array.from({ length: next() < 0.1 ? 25 : Math.floor(next() * 5) }, () =>
			pick(people),
		);
		const title = Array.from({ length: 3 + Math.floor(next() * 10) }, () => pick(words)).join(' ');
		const day = next() < 0.3 ? [1 + Math.floor(next() * 28)] : [];
		const month = next() < 0.6 ? [1 + Math.floor(next() * 12), ...day] : [];
		const item: CslItem = {
			id: `varied-${i}`,
			type: 'report',
			title,
			issued: { 'date-parts': [[2018 + Math.floor(next() * 3), ...month]] },
			publisher: pick(['Rise to Peace', 'Brief Archive', 'Khorasan Institute']),
			URL: `https://archive.example.org/reports/varied-${i}/`,
			language: pick(['en', 'en-US', 'fr']),
		};
		if (authors.length) item.author = authors;
		if (next() < 0.3) item['title-short'] = title.split(' ').slice(0, 3).join(' ');
		if (next() < 0.4) Object.assign(item, { genre: pick(['Brief', 'Report']), number: `${i}` });
		if (next() < 0.3) item['collection-title'] = pick(['Khorasan Papers', 'Security Notes']);
		if (next() < 0.2) item.volume = String(1 + Math.floor(next() * 5));
		if (next() < 0.2) item.issue = String(1 + Math.floor(next() * 5));
		if (next() < 0.2) item.DOI = `10.1234/ba.${i}`;
		if (next() < 0.2) item.version = String(2 + Math.floor(next() * 3));
		if (next() < 0.5) item.archive = 'Brief Archive';
		if (next() < 0.2) item.note = 'Originally published elsewhere.';
		return item;
	});
}

describe('the lone-item shortcut (citeproc’s sort keys and disambiguation skipped)', () => {
	it('formats every style exactly as citeproc’s full registry update does, on 120 varied items and the seeds', () => {
		const items = [
			...variedItems(120),
			...archive.reports.map((r) => toCslItem(citationRecord(r, ctx))),
		];
		const full = createCitationFormatter({ fullUpdate: true });
		const differences = items.flatMap((i) => {
			const [expected, got] = [full.format(i), formatter.format(i)];
			return JSON.stringify(got) === JSON.stringify(expected) ? [] : [{ id: i.id, expected, got }];
		});
		expect(differences).toEqual([]);
		// The items are varied where it matters: et al. in APA and Chicago, markup kept as text.
		const some = items.slice(0, 120).map((i) => formatter.format(i));
		expect(some.filter((f) => f.apa.text.includes(', … ')).length).toBeGreaterThan(3);
		expect(some.filter((f) => f.chicago.text.includes('et al.')).length).toBeGreaterThan(3);
		expect(some.filter((f) => f.chicagoNote.text.includes('<i>war</i>')).length).toBeGreaterThan(3);
	}, 120_000);
});
