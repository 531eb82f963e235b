import { describe, expect, it } from 'vitest';
import {
	citationName,
	citationRecord,
	cslDateParts,
	properNouns,
	toCslItem,
	toCslJson,
	type CitationContext,
} from '../../src/lib/citation.ts';
import { parsePartialDate, type PartialDate } from '../../src/lib/dates.ts';
import { seedArchive } from './helpers/seed-archive.ts';

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
	it('keeps a desk byline whole, as a CSL literal name', () => {
		expect(
			citationName({
				name: 'Rise to Peace Counter-Terrorism Research Fellow',
				data: { kind: 'desk' },
			}),
		).toEqual({ literal: 'Rise to Peace Counter-Terrorism Research Fellow' });
	});

	it('splits a person’s name at the last word unless the author file names the family', () => {
		expect(citationName({ name: 'Ahmad Shah Mohibi', data: { kind: 'person' } })).toEqual({
			family: 'Mohibi',
			given: 'Ahmad Shah',
		});
		expect(
			citationName({ name: 'Anna van der Berg', data: { kind: 'person', family: 'van der Berg' } }),
		).toEqual({ family: 'van der Berg', given: 'Anna' });
		expect(citationName({ name: 'Zarifa', data: { kind: 'person' } })).toEqual({
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

	it('gives an unsigned report no author at all', () => {
		const record = citationRecord(seed('emergence-and-expansion-of-isis-k-and-the-taliban'), ctx);
		expect(record.authors).toEqual([]);
		expect(toCslItem(record)).not.toHaveProperty('author');
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

	it('writes a year-precision date as [[2022]] and a person as family and given names', () => {
		const isk = JSON.parse(
			toCslJson(citationRecord(seed('is-k-seeks-to-undermine-the-taliban'), ctx)),
		) as { issued: unknown }[];
		expect(isk[0]!.issued).toEqual({ 'date-parts': [[2022]] });
		const special = JSON.parse(
			toCslJson(citationRecord(seed('rise-of-the-islamic-state-in-afghanistan'), ctx)),
		) as { author: unknown; issued: unknown }[];
		expect(special[0]!.author).toEqual([{ family: 'Mohibi', given: 'Ahmad Shah' }]);
		expect(special[0]!.issued).toEqual({ 'date-parts': [[2020, 12]] });
	});
});
