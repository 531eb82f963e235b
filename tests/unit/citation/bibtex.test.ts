import { describe, expect, it } from 'vitest';
import {
	citationRecord,
	properNouns,
	type CitationContext,
} from '../../../src/lib/citation/record.ts';
import { escapeBibtex, toBibtex } from '../../../src/lib/citation/bibtex.ts';
import { parsePartialDate, type PartialDate } from '../../../src/lib/model/dates.ts';
import { seedArchive } from '../../support/seed-archive.ts';

const archive = seedArchive();
const ctx: CitationContext = {
	site: 'https://archive.example.org',
	archive: 'Brief Archive',
	language: 'en',
	properNouns: properNouns([...archive.groups, ...archive.regions]),
};
const record = (slug: string) => citationRecord(archive.bySlug.get(slug)!, ctx);

describe('toBibtex', () => {
	it('cites the desk-signed, year-precision seed with a braced institutional author and no month', () => {
		expect(toBibtex(record('is-k-seeks-to-undermine-the-taliban'))).toBe(
			`@techreport{is-k-seeks-to-undermine-the-taliban,
	author = {{Rise to Peace Counter-Terrorism Research Fellow}},
	title = {{IS-K} Seeks to Undermine the {Taliban}},
	type = {Brief},
	institution = {Rise to Peace},
	year = {2022},
	date = {2022},
	url = {https://archive.example.org/reports/is-k-seeks-to-undermine-the-taliban/},
	note = {Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.},
	langid = {english}
}
`,
		);
	});

	it('cites the unsigned, month-precision seed with its publisher as group author and the month macro', () => {
		expect(toBibtex(record('emergence-and-expansion-of-isis-k-and-the-taliban'))).toBe(
			`@techreport{emergence-and-expansion-of-isis-k-and-the-taliban,
	author = {{Rise to Peace}},
	title = {The Emergence and Expansion of {ISIS-K} and the {Taliban}},
	type = {Analysis},
	institution = {Rise to Peace},
	year = {2021},
	month = nov,
	date = {2021-11},
	url = {https://archive.example.org/reports/emergence-and-expansion-of-isis-k-and-the-taliban/},
	note = {Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.},
	langid = {english}
}
`,
		);
	});

	it('cites a person as "Family, Given" and protects every word of a multi-word group name', () => {
		expect(toBibtex(record('rise-of-the-islamic-state-in-afghanistan'))).toBe(
			`@techreport{rise-of-the-islamic-state-in-afghanistan,
	author = {Mohibi, Ahmad Shah},
	title = {Special Report: The Rise of the {Islamic} {State} in {Afghanistan}},
	type = {Special report},
	institution = {Rise to Peace},
	year = {2020},
	month = dec,
	date = {2020-12},
	url = {https://archive.example.org/reports/rise-of-the-islamic-state-in-afghanistan/},
	note = {Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.},
	langid = {english}
}
`,
		);
	});

	it('braces a possessive proper noun without its ending', () => {
		expect(
			toBibtex(record('afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells')),
		).toBe(
			`@techreport{afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells,
	author = {{Rise to Peace Counter-Terrorism Research Fellow}},
	title = {{Afghanistan}’s Economic Crisis Means Rapid Growth for Terrorist Cells},
	type = {Brief},
	institution = {Rise to Peace},
	year = {2022},
	month = may,
	date = {2022-05},
	url = {https://archive.example.org/reports/afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells/},
	note = {Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.},
	langid = {english}
}
`,
		);
	});

	it('gives a day-precision date as month macro and full ISO date, never a padded one', () => {
		const rec = record('is-k-seeks-to-undermine-the-taliban');
		const bib = toBibtex({ ...rec, issued: parsePartialDate('2022-05-07') as PartialDate });
		expect(bib).toContain('\tyear = {2022},\n\tmonth = may,\n\tdate = {2022-05-07},\n');
	});

	it('gives the report number, series with volume and issue, version and DOI their own fields', () => {
		const bib = toBibtex({
			...record('is-k-seeks-to-undermine-the-taliban'),
			number: '12',
			series: { name: 'Khorasan Papers', volume: '2', issue: '3' },
			doi: '10.1234/brief.12',
			version: 2,
		});
		for (const field of [
			'\tnumber = {12},',
			'\tseries = {Khorasan Papers},',
			'\tvolume = {2},',
			'\tissue = {3},',
			'\tversion = {2},',
			'\tdoi = {10.1234/brief.12},',
		]) {
			expect(bib).toContain(field);
		}
	});

	it('escapes the characters that BibTeX treats as special', () => {
		expect(escapeBibtex('R&D at 50% {draft} #1 a_b ~ ^')).toBe(
			'R\\&D at 50\\% \\{draft\\} \\#1 a\\_b \\textasciitilde{} \\textasciicircum{}',
		);
	});
});
