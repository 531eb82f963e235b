import { describe, expect, it } from 'vitest';
import { answerAction } from '../../../src/lib/search/answer.ts';
import { expandQuery } from '../../../src/lib/search/expand.ts';
import {
	parseSearchParams,
	vocabularyOf,
	type SearchState,
} from '../../../src/lib/search/state.ts';
import { createTermIndex } from '../../../src/lib/search/term-index.ts';
import { TERMS } from './terms-fixture.ts';

const index = createTermIndex(TERMS);
// The search page's checkboxes: every group, region and topic of the fixture.
const FACET = { groups: 'group', regions: 'region', topics: 'topic' } as const;
const vocabulary = vocabularyOf(
	TERMS.flatMap((t) =>
		t.kind in FACET
			? [{ facet: FACET[t.kind as keyof typeof FACET], value: t.slug, name: t.name }]
			: [],
	),
);
const stateOf = (query: string): SearchState =>
	parseSearchParams(new URLSearchParams(query), vocabulary);
const actionFor = (query: string, savedOnly = false) => {
	const state = stateOf(query);
	return answerAction(expandQuery(state.q, index), state, vocabulary, savedOnly);
};

describe('what the answer card offers', () => {
	it('promises the term’s count when its filter alone will show every report filed under it', () => {
		const action = actionFor('q=iskp');
		expect(action).toMatchObject({ kind: 'filter', label: 'Show the 4 reports filed under IS-K' });
		expect(action?.kind === 'filter' && action.count).toBeFalsy();
		// The name left the query and became the filter.
		expect(action?.kind === 'filter' && action.next).toMatchObject({ q: '' });
		expect(action?.kind === 'filter' && action.next.facets.group).toEqual(['is-k']);
	});

	it('offers the filter without promising a count when other words or filters will narrow it', () => {
		const withWords = actionFor('q=iskp+recruitment');
		expect(withWords).toMatchObject({
			kind: 'filter',
			label: 'Filter by this group',
			count: '4 reports in the archive',
		});
		expect(withWords?.kind === 'filter' && withWords.next.q).toBe('recruitment');
		const withFilter = actionFor('q=kunduz&group=taliban');
		expect(withFilter).toMatchObject({
			kind: 'filter',
			label: 'Filter by this region',
			count: '1 report in the archive',
		});
		expect(withFilter?.kind === 'filter' && withFilter.next.facets).toMatchObject({
			group: ['taliban'],
			region: ['kunduz'],
		});
	});

	it('never promises the archive’s count offline, where only the saved reports can show', () => {
		expect(actionFor('q=iskp', true)).toMatchObject({
			kind: 'filter',
			label: 'Filter by this group',
			count: '4 reports in the archive',
		});
	});

	it('links an author’s count to their page, and a filter already on to the term’s page', () => {
		expect(actionFor('q=ahmad+shah+mohibi')).toEqual({ kind: 'page', lead: '1 report by ' });
		expect(actionFor('q=iskp&group=is-k')).toEqual({
			kind: 'page',
			lead: '4 reports filed under ',
		});
	});

	it('offers nothing when the query names no term', () => {
		expect(actionFor('q=economy')).toBeUndefined();
	});
});
