/**
 * The search page's state and its URL, both ways: `?q=…&group=…&region=…&topic=…&type=…&year=…
 * &sort=newest`. Facet values in the URL are stable slugs (`group=is-k`); Pagefind filters by
 * display names, so a vocabulary maps one to the other. Unknown parameters are ignored and unknown
 * values dropped, so an old or hand-edited link still opens a working search.
 *
 * Also here: how the state becomes Pagefind filters. Values within one facet combine with OR,
 * facets combine with AND, and each facet's counts are taken with every filter but its own
 * ("disjunctive faceting"), so a count says how many results ticking that box would add.
 */
import { SEARCH_PATH } from '../routes.ts';
import { FACETS, type Facet } from './record.ts';

export const SORTS = ['relevance', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
	q: string;
	facets: Record<Facet, string[]>;
	sort: Sort;
}

/** For each facet, the allowed URL values (slugs) and the display name Pagefind knows each by. */
export type Vocabulary = Record<Facet, ReadonlyMap<string, string>>;

/** Longest query kept from a URL; longer ones are cut, not rejected. */
export const MAX_QUERY_LENGTH = 200;

export function emptyState(): SearchState {
	return {
		q: '',
		facets: { group: [], region: [], topic: [], type: [], year: [] },
		sort: 'relevance',
	};
}

/** Reads a state from URL parameters, keeping only known facet values, each once. */
export function parseSearchParams(params: URLSearchParams, vocabulary: Vocabulary): SearchState {
	const state = emptyState();
	state.q = (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH);
	for (const facet of FACETS) {
		const allowed = vocabulary[facet];
		const values = params.getAll(facet).flatMap((v) => v.split(','));
		state.facets[facet] = [...new Set(values.map((v) => v.trim()))].filter((v) => allowed.has(v));
	}
	const sort = params.get('sort');
	state.sort = sort === 'newest' ? 'newest' : 'relevance';
	return state;
}

/**
 * Writes a state as URL parameters in a fixed order, leaving out what is empty or default, so
 * that one state always has one URL.
 */
export function toSearchParams(state: SearchState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.q.trim()) params.set('q', state.q.trim());
	for (const facet of FACETS) for (const v of state.facets[facet]) params.append(facet, v);
	if (state.sort !== 'relevance') params.set('sort', state.sort);
	return params;
}

/** The search URL of a state: `/search/?…`. */
export function searchHref(state: SearchState): string {
	const query = toSearchParams(state).toString();
	return `${SEARCH_PATH}${query ? `?${query}` : ''}`;
}

/** True when there is nothing to search for: no words and no filter. */
export function isBlank(state: SearchState): boolean {
	return !state.q.trim() && FACETS.every((f) => state.facets[f].length === 0);
}

/** Pagefind's filter object for a state: OR within a facet, AND across facets. */
export type PagefindFilters = Partial<Record<Facet, { any: string[] }>>;

export function pagefindFilters(
	state: SearchState,
	vocabulary: Vocabulary,
	except?: Facet,
): PagefindFilters {
	const filters: PagefindFilters = {};
	for (const facet of FACETS) {
		if (facet === except || state.facets[facet].length === 0) continue;
		filters[facet] = { any: state.facets[facet].map((v) => vocabulary[facet].get(v)!) };
	}
	return filters;
}

/**
 * The facets whose counts need a search of their own: those with a selection, counted without it.
 * Every other facet's counts come from the main search.
 */
export function facetsNeedingOwnCounts(state: SearchState): Facet[] {
	return FACETS.filter((facet) => state.facets[facet].length > 0);
}

/** A short description of the state for the live region: `3 reports for “isis” in IS-K`. */
export function describeResults(count: number, state: SearchState): string {
	const n = count === 1 ? '1 report' : `${count === 0 ? 'No' : count} reports`;
	const q = state.q.trim();
	const filtered = FACETS.some((f) => state.facets[f].length > 0);
	return `${n}${q ? ` for “${q}”` : ''}${filtered ? ' with the chosen filters' : ''}`;
}
