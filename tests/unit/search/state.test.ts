import { describe, expect, it } from 'vitest';
import {
	describeResults,
	emptyState,
	facetsNeedingOwnCounts,
	isBlank,
	MAX_QUERY_LENGTH,
	pagefindFilters,
	parseSearchParams,
	searchHref,
	toSearchParams,
	type SearchState,
	type Vocabulary,
} from '../../../src/lib/search/state.ts';

const vocabulary: Vocabulary = {
	group: new Map([
		['is-k', 'Islamic State Khorasan Province'],
		['taliban', 'Taliban'],
		['al-qaeda', 'Al-Qaeda'],
	]),
	region: new Map([
		['afghanistan', 'Afghanistan'],
		['kunduz', 'Kunduz'],
	]),
	topic: new Map([['recruitment', 'Recruitment and radicalisation']]),
	type: new Map([
		['brief', 'Brief'],
		['analysis', 'Analysis'],
	]),
	year: new Map([
		['2022', '2022'],
		['2021', '2021'],
	]),
};

const parse = (query: string) => parseSearchParams(new URLSearchParams(query), vocabulary);

function state(
	partial: Partial<Omit<SearchState, 'facets'>> & { facets?: Partial<SearchState['facets']> },
) {
	const s = emptyState();
	return { ...s, ...partial, facets: { ...s.facets, ...partial.facets } };
}

describe('search state in the URL', () => {
	it('reads the query, every facet and the sort', () => {
		expect(
			parse('q=isis+kabul&group=is-k&group=taliban&region=kunduz&type=brief&year=2022&sort=newest'),
		).toEqual(
			state({
				q: 'isis kabul',
				facets: { group: ['is-k', 'taliban'], region: ['kunduz'], type: ['brief'], year: ['2022'] },
				sort: 'newest',
			}),
		);
	});

	it('round-trips: writing a state and reading it back gives the same state', () => {
		const s = state({
			q: '"military hospital"',
			facets: { group: ['taliban', 'is-k'], topic: ['recruitment'], year: ['2021'] },
			sort: 'newest',
		});
		expect(parse(toSearchParams(s).toString())).toEqual(s);
	});

	it('ignores unknown parameters and drops unknown or repeated values', () => {
		expect(
			parse('q=x&utm_source=mail&group=nobody&group=taliban&group=taliban&year=1999&colour=red'),
		).toEqual(state({ q: 'x', facets: { group: ['taliban'] } }));
	});

	it('falls back to relevance for an unknown sort', () => {
		expect(parse('q=x&sort=oldest').sort).toBe('relevance');
	});

	it('accepts comma-separated values as well as repeated parameters', () => {
		expect(parse('group=is-k,taliban').facets.group).toEqual(['is-k', 'taliban']);
	});

	it('trims the query and cuts an overlong one', () => {
		expect(parse('q=%20%20kabul%20').q).toBe('kabul');
		expect(parse(`q=${'a'.repeat(500)}`).q).toHaveLength(MAX_QUERY_LENGTH);
	});

	it('writes one canonical URL per state, leaving out empty values and the default sort', () => {
		expect(toSearchParams(emptyState()).toString()).toBe('');
		expect(searchHref(emptyState())).toBe('/search/');
		expect(searchHref(state({ facets: { region: ['kunduz'], group: ['is-k'] } }))).toBe(
			'/search/?group=is-k&region=kunduz',
		);
		expect(searchHref(state({ q: ' x ', sort: 'newest' }))).toBe('/search/?q=x&sort=newest');
	});
});

describe('search state to Pagefind filters', () => {
	const s = state({ facets: { group: ['is-k', 'taliban'], region: ['kunduz'] } });

	it('combines values of one facet with OR (any) and facets with AND, by display name', () => {
		expect(pagefindFilters(s, vocabulary)).toEqual({
			group: { any: ['Islamic State Khorasan Province', 'Taliban'] },
			region: { any: ['Kunduz'] },
		});
	});

	it('leaves one facet out, for that facet’s own counts', () => {
		expect(pagefindFilters(s, vocabulary, 'group')).toEqual({ region: { any: ['Kunduz'] } });
	});

	it('needs a separate count search only for facets with a selection', () => {
		expect(facetsNeedingOwnCounts(s)).toEqual(['group', 'region']);
		expect(facetsNeedingOwnCounts(emptyState())).toEqual([]);
	});

	it('treats a state with neither words nor filters as blank', () => {
		expect(isBlank(emptyState())).toBe(true);
		expect(isBlank(state({ q: '   ' }))).toBe(true);
		expect(isBlank(state({ facets: { year: ['2021'] } }))).toBe(false);
		expect(isBlank(state({ q: 'kabul' }))).toBe(false);
	});
});

describe('describeResults', () => {
	it('announces the count, the words and whether filters apply', () => {
		expect(describeResults(0, state({ q: 'xyz' }))).toBe('No reports for “xyz”');
		expect(describeResults(1, state({ q: 'kabul' }))).toBe('1 report for “kabul”');
		expect(describeResults(3, state({ facets: { group: ['is-k'] } }))).toBe(
			'3 reports with the chosen filters',
		);
	});
});
