/**
 * Facet counts for a search that ran as several queries (one per spelling, `expand.ts`). Pagefind
 * counts each query's results, but a report found by two spellings would be counted twice, so the
 * counts of a merged search are made here, from which reports carry which value (`Members`, one
 * filter-only search per value, made once per page) and the merged results without filters.
 *
 * The rule is Pagefind's own, disjunctive: a facet's counts are taken with every filter but its
 * own, so each count says what ticking that box would give.
 */
import { FACETS, type Facet } from './record.ts';
import type { SearchState } from './state.ts';

/** For each facet and value, the pages that carry it. */
export type Members = Record<Facet, ReadonlyMap<string, ReadonlySet<string>>>;

/** Does a page pass the state's filters, leaving out one facet's? */
function passes(id: string, state: SearchState, members: Members, except?: Facet): boolean {
	return FACETS.every(
		(facet) =>
			facet === except ||
			state.facets[facet].length === 0 ||
			state.facets[facet].some((value) => members[facet].get(value)?.has(id)),
	);
}

/**
 * Each facet value's count among `ids` (the merged results of the query without filters): for a
 * facet with a selection, among the pages that pass the other facets' filters; for the others,
 * among those that pass them all.
 */
export function countFacets(
	ids: readonly string[],
	state: SearchState,
	members: Members,
): Record<Facet, Record<string, number>> {
	const counts = {} as Record<Facet, Record<string, number>>;
	for (const facet of FACETS) {
		const except = state.facets[facet].length > 0 ? facet : undefined;
		const base = ids.filter((id) => passes(id, state, members, except));
		const own: Record<string, number> = {};
		for (const [value, pages] of members[facet]) {
			let n = 0;
			for (const id of base) if (pages.has(id)) n++;
			own[value] = n;
		}
		counts[facet] = own;
	}
	return counts;
}
