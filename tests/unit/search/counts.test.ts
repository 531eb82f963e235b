import { describe, expect, it } from 'vitest';
import { countFacets, type Members } from '../../../src/lib/search/counts.ts';
import { emptyState, type SearchState } from '../../../src/lib/search/state.ts';

// Four reports: a and b on IS-K, c on the Taliban, d on both; a and c briefs, b and d analyses.
const members: Members = {
	group: new Map([
		['is-k', new Set(['a', 'b', 'd'])],
		['taliban', new Set(['c', 'd'])],
	]),
	region: new Map([['kunduz', new Set(['a', 'c'])]]),
	topic: new Map(),
	type: new Map([
		['brief', new Set(['a', 'c'])],
		['analysis', new Set(['b', 'd'])],
	]),
	year: new Map(),
};

function state(facets: Partial<SearchState['facets']>): SearchState {
	const s = emptyState();
	return { ...s, facets: { ...s.facets, ...facets } };
}

describe('facet counts of a search merged from several spellings', () => {
	it('counts each report once, however many spellings found it', () => {
		// "Kunduz" found a and c; "Kundoz" found a again: the merged ids hold a once.
		const counts = countFacets(['a', 'c'], emptyState(), members);
		expect(counts.group).toEqual({ 'is-k': 1, taliban: 1 });
		expect(counts.type).toEqual({ brief: 2, analysis: 0 });
	});

	it('counts a facet with a selection without its own filter, the others with every filter', () => {
		const counts = countFacets(['a', 'b', 'c', 'd'], state({ type: ['brief'] }), members);
		// Ticking "analysis" as well would add b and d: the type counts ignore the type filter.
		expect(counts.type).toEqual({ brief: 2, analysis: 2 });
		// Groups are counted among the briefs only.
		expect(counts.group).toEqual({ 'is-k': 1, taliban: 1 });
		expect(counts.region).toEqual({ kunduz: 2 });
	});

	it('combines values within a facet with OR and facets with AND', () => {
		const s = state({ group: ['is-k', 'taliban'], type: ['analysis'] });
		const counts = countFacets(['a', 'b', 'c', 'd'], s, members);
		expect(counts.region).toEqual({ kunduz: 0 });
		expect(counts.group).toEqual({ 'is-k': 2, taliban: 1 });
	});
});
