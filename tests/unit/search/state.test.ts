import { describe, expect, it } from 'vitest';
import {
	activeFilters,
	describeResults,
	isFiltered,
	withFilter,
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

	it('reads a link that names values as the page once did, by display name in any case', () => {
		expect(
			parse('group=Taliban&group=islamic+state+khorasan+province&type=Analysis').facets,
		).toEqual(state({ facets: { group: ['taliban', 'is-k'], type: ['analysis'] } }).facets);
		expect(toSearchParams(parse('group=Taliban&region=KUNDUZ')).toString()).toBe(
			'group=taliban&region=kunduz',
		);
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

	it('combines values of one facet with OR (any) and facets with AND, by slug as the index files them', () => {
		expect(pagefindFilters(s)).toEqual({
			group: { any: ['is-k', 'taliban'] },
			region: { any: ['kunduz'] },
		});
	});

	it('leaves one facet out, for that facet’s own counts', () => {
		expect(pagefindFilters(s, 'group')).toEqual({ region: { any: ['kunduz'] } });
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
		expect(describeResults(1234, state({ q: 'x' }))).toBe('1,234 reports for “x”');
	});

	it('quotes a phrase once, not in doubled quotes', () => {
		expect(describeResults(1, state({ q: '"largest military hospital"' }))).toBe(
			'1 report for “largest military hospital”',
		);
	});
});

describe('filters as the chips show them', () => {
	it('lists each active filter with its display name, in facet order', () => {
		const s2 = state({ facets: { year: ['2021'], group: ['is-k'] } });
		expect(activeFilters(s2, vocabulary)).toEqual([
			{ facet: 'group', value: 'is-k', name: 'Islamic State Khorasan Province' },
			{ facet: 'year', value: '2021', name: '2021' },
		]);
	});

	it('adds and removes one value, leaving the rest of the state alone', () => {
		const s2 = state({ q: 'x', facets: { group: ['is-k', 'taliban'] } });
		expect(withFilter(s2, 'group', 'is-k', false)).toEqual(
			state({ q: 'x', facets: { group: ['taliban'] } }),
		);
		expect(withFilter(s2, 'region', 'kunduz').facets.region).toEqual(['kunduz']);
		expect(isFiltered(emptyState())).toBe(false);
	});
});
