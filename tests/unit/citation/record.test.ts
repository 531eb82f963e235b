import { describe, expect, it } from 'vitest';
import {
	citationName,
	citationRecord,
	cslDateParts,
	properNouns,
	toCslItem,
	toCslJson,
	type CitationContext,
} from '../../../src/lib/citation/record.ts';
import { parsePartialDate, type PartialDate } from '../../../src/lib/model/dates.ts';
import { seedArchive } from '../../support/seed-archive.ts';

const archive = seedArchive();
const ctx: CitationContext = {
	site: 'https://archive.example.org',
	archive: 'Brief Archive',
	language: 'en',
	properNouns: properNouns([...archive.groups, ...archive.regions]),
};
const seed = (slug: string) => archive.bySlug.get(slug)!;
const date = (text: string) => parsePartialDate(text) as PartialDate;

describe('citationName', () => {
	it('keeps a desk byline and a publisher credited as group author whole, as CSL literal names', () => {
		expect(
			citationName({ name: 'Rise to Peace Counter-Terrorism Research Fellow', kind: 'desk' }),
		).toEqual({ literal: 'Rise to Peace Counter-Terrorism Research Fellow' });
		expect(citationName({ name: 'Rise to Peace', kind: 'organisation' })).toEqual({
			literal: 'Rise to Peace',
		});
	});

	it('splits a person’s name at the last word unless the author file names the family', () => {
		expect(citationName({ name: 'Ahmad Shah Mohibi', kind: 'person' })).toEqual({
			family: 'Mohibi',
			given: 'Ahmad Shah',
		});
		expect(
			citationName({ name: 'Anna van der Berg', kind: 'person', family: 'van der Berg' }),
		).toEqual({ family: 'van der Berg', given: 'Anna' });
		expect(citationName({ name: 'Zarifa', kind: 'person' })).toEqual({
			family: 'Zarifa',
		});
	});
});

describe('cslDateParts', () => {
	it('gives only the parts that are known: year, year and month, or a full date', () => {
		expect(cslDateParts(date('2022'))).toEqual({ 'date-parts': [[2022]] });
		expect(cslDateParts(date('2022-05'))).toEqual({ 'date-parts': [[2022, 5]] });
		expect(cslDateParts(date('2022-05-07'))).toEqual({ 'date-parts': [[2022, 5, 7]] });
	});
});

describe('citationRecord', () => {
	it('names the original publisher, links to the archived copy and notes the original URL', () => {
		const record = citationRecord(seed('is-k-seeks-to-undermine-the-taliban'), ctx);
		expect(record).toMatchObject({
			id: 'is-k-seeks-to-undermine-the-taliban',
			genre: 'Brief',
			authors: [{ literal: 'Rise to Peace Counter-Terrorism Research Fellow' }],
			publisher: 'Rise to Peace',
			originalUrl: 'https://www.risetopeace.org/',
			url: 'https://archive.example.org/reports/is-k-seeks-to-undermine-the-taliban/',
			archive: 'Brief Archive',
			note: 'Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.',
		});
		expect(record.title.sentence).toBe('IS-K seeks to undermine the Taliban');
	});

	it('credits an unsigned report to its publisher as group author, as every output does', () => {
		const record = citationRecord(seed('emergence-and-expansion-of-isis-k-and-the-taliban'), ctx);
		expect(record.authors).toEqual([{ literal: 'Rise to Peace' }]);
		expect(toCslItem(record).author).toEqual([{ literal: 'Rise to Peace' }]);
	});

	it('carries the report number (with its type), series, volume, issue and DOI into CSL', () => {
		const record = citationRecord(
			{
				...seed('is-k-seeks-to-undermine-the-taliban'),
				number: '12',
				series: { name: 'Khorasan Papers', volume: '2', issue: '3' },
				doi: '10.1234/brief.12',
			},
			ctx,
		);
		expect(toCslItem(record)).toMatchObject({
			genre: 'Brief',
			number: '12',
			'collection-title': 'Khorasan Papers',
			volume: '2',
			issue: '3',
			DOI: '10.1234/brief.12',
		});
		expect(
			toCslItem(citationRecord(seed('is-k-seeks-to-undermine-the-taliban'), ctx)),
		).not.toHaveProperty('genre');
	});

	it('cites an earlier version with its own title, byline, number and permanent URL', () => {
		const report = { ...seed('is-k-seeks-to-undermine-the-taliban'), versions: [{}] };
		const v1 = citationRecord(report, ctx, {
			number: 1,
			title: 'IS-K Seeks to Weaken the Taliban',
			titleSentenceCase: undefined,
			titleShort: undefined,
			published: date('2022'),
			authors: [],
		});
		expect(v1).toMatchObject({
			id: 'is-k-seeks-to-undermine-the-taliban-v1',
			version: 1,
			authors: [{ literal: 'Rise to Peace' }],
			url: 'https://archive.example.org/reports/is-k-seeks-to-undermine-the-taliban/v1/',
		});
		expect(v1.title.published).toBe('IS-K Seeks to Weaken the Taliban');
		// The current text of a report with one earlier version is version 2, at the report's URL.
		expect(citationRecord(report, ctx)).toMatchObject({
			version: 2,
			url: 'https://archive.example.org/reports/is-k-seeks-to-undermine-the-taliban/',
		});
		expect(
			citationRecord(seed('is-k-seeks-to-undermine-the-taliban'), ctx).version,
		).toBeUndefined();
	});

	it('makes the archive the publisher of a report first published here, with no archive note', () => {
		const record = citationRecord(
			{ ...seed('is-k-seeks-to-undermine-the-taliban'), source: undefined },
			ctx,
		);
		expect(record.publisher).toBe('Brief Archive');
		expect(record.archive).toBeUndefined();
		expect(record.note).toBeUndefined();
	});
});

describe('toCslJson', () => {
	it('writes the month-precision seed report as a CSL-JSON array with [[2022,5]] date parts', () => {
		const record = citationRecord(
			seed('afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells'),
			ctx,
		);
		expect(toCslJson(record)).toBe(`[
  {
    "id": "afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells",
    "type": "report",
    "title": "Afghanistan’s economic crisis means rapid growth for terrorist cells",
    "title-short": "Afghanistan’s economic crisis",
    "author": [
      {
        "literal": "Rise to Peace Counter-Terrorism Research Fellow"
      }
    ],
    "issued": {
      "date-parts": [[2022,5]]
    },
    "publisher": "Rise to Peace",
    "URL": "https://archive.example.org/reports/afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells/",
    "archive": "Brief Archive",
    "note": "Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.",
    "language": "en"
  }
]
`);
	});

	it('writes every seed report with its own date parts, author and sentence-case title', () => {
		const csl = (slug: string) =>
			(JSON.parse(toCslJson(citationRecord(seed(slug), ctx))) as Record<string, unknown>[])[0];
		expect(csl('is-k-seeks-to-undermine-the-taliban')).toEqual({
			id: 'is-k-seeks-to-undermine-the-taliban',
			type: 'report',
			title: 'IS-K seeks to undermine the Taliban',
			'title-short': 'IS-K seeks to undermine',
			author: [{ literal: 'Rise to Peace Counter-Terrorism Research Fellow' }],
			issued: { 'date-parts': [[2022]] },
			publisher: 'Rise to Peace',
			URL: 'https://archive.example.org/reports/is-k-seeks-to-undermine-the-taliban/',
			archive: 'Brief Archive',
			note: 'Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.',
			language: 'en',
		});
		expect(csl('emergence-and-expansion-of-isis-k-and-the-taliban')).toEqual({
			id: 'emergence-and-expansion-of-isis-k-and-the-taliban',
			type: 'report',
			title: 'The emergence and expansion of ISIS-K and the Taliban',
			'title-short': 'Emergence and expansion',
			author: [{ literal: 'Rise to Peace' }],
			issued: { 'date-parts': [[2021, 11]] },
			publisher: 'Rise to Peace',
			URL: 'https://archive.example.org/reports/emergence-and-expansion-of-isis-k-and-the-taliban/',
			archive: 'Brief Archive',
			note: 'Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.',
			language: 'en',
		});
		expect(csl('rise-of-the-islamic-state-in-afghanistan')).toEqual({
			id: 'rise-of-the-islamic-state-in-afghanistan',
			type: 'report',
			title: 'Special report: The rise of the Islamic State in Afghanistan',
			'title-short': 'Rise of the Islamic State',
			author: [{ family: 'Mohibi', given: 'Ahmad Shah' }],
			issued: { 'date-parts': [[2020, 12]] },
			publisher: 'Rise to Peace',
			URL: 'https://archive.example.org/reports/rise-of-the-islamic-state-in-afghanistan/',
			archive: 'Brief Archive',
			note: 'Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.',
			language: 'en',
		});
	});
});
