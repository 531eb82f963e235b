/**
 * The search page's state and its URL, both ways: `?q=…&group=…&region=…&topic=…&type=…&year=…
 * &sort=newest`. Facet values are stable slugs (`group=is-k`), which are also the values the
 * index files reports under (`record.ts`). A link that names a value as the page once did, by its
 * display name in any case (`?group=Taliban`, `?type=Special+report`), still works: it is read as
 * the slug, and the page rewrites its address to the slug form. Unknown parameters are ignored
 * and unknown values dropped, so an old or hand-edited link still opens a working search.
 *
 * Also here: how the state becomes Pagefind filters. Values within one facet combine with OR,
 * facets combine with AND, and each facet's counts are taken with every filter but its own
 * ("disjunctive faceting"), so a count says how many results ticking that box would give.
 */
import { termKey } from '../model/terms.ts';
import { SEARCH_PATH } from '../routes.ts';
import { FACETS, type Facet } from './record.ts';
import { countLabel } from '../view/count.ts';

export const SORTS = ['relevance', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
	q: string;
	facets: Record<Facet, string[]>;
	sort: Sort;
}

/** For each facet, its values (slugs) and the display name of each. */
export type Vocabulary = Record<Facet, ReadonlyMap<string, string>>;

/** Longest query kept from a URL; longer ones are cut, not rejected. */
export const MAX_QUERY_LENGTH = 200;

function facetRecord<T>(make: (facet: Facet) => T): Record<Facet, T> {
	return Object.fromEntries(FACETS.map((f) => [f, make(f)])) as Record<Facet, T>;
}

export function emptyState(): SearchState {
	return { q: '', facets: facetRecord(() => []), sort: 'relevance' };
}

/** A vocabulary from `[facet, slug, name]` triples (the checkboxes of the page). */
export function vocabularyOf(
	options: Iterable<{ facet: Facet; value: string; name: string }>,
): Vocabulary {
	const vocabulary = facetRecord(() => new Map<string, string>());
	for (const { facet, value, name } of options) vocabulary[facet].set(value, name);
	return vocabulary;
}

/** The slug a URL value stands for: the slug itself, or a display name in any case or punctuation. */
function slugFor(values: ReadonlyMap<string, string>, raw: string): string | undefined {
	if (values.has(raw)) return raw;
	const key = termKey(raw);
	if (!key) return undefined;
	for (const [slug, name] of values)
		if (termKey(slug) === key || termKey(name) === key) return slug;
	return undefined;
}

/** Reads a state from URL parameters, keeping only known facet values, each once, as slugs. */
export function parseSearchParams(params: URLSearchParams, vocabulary: Vocabulary): SearchState {
	const state = emptyState();
	state.q = (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH);
	for (const facet of FACETS) {
		const values = params.getAll(facet).flatMap((v) => v.split(','));
		const slugs = values.map((v) => slugFor(vocabulary[facet], v.trim()));
		state.facets[facet] = [...new Set(slugs)].filter((s): s is string => s !== undefined);
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
	return !state.q.trim() && !isFiltered(state);
}

/** True when some filter is on. */
export function isFiltered(state: SearchState): boolean {
	return FACETS.some((f) => state.facets[f].length > 0);
}

/** The state with one filter value added, or taken away. */
export function withFilter(
	state: SearchState,
	facet: Facet,
	value: string,
	on = true,
): SearchState {
	const values = state.facets[facet].filter((v) => v !== value);
	return { ...state, facets: { ...state.facets, [facet]: on ? [...values, value] : values } };
}

/** Pagefind's filter object for a state: OR within a facet, AND across facets. */
export type PagefindFilters = Partial<Record<Facet, { any: string[] }>>;

export function pagefindFilters(state: SearchState, except?: Facet): PagefindFilters {
	const filters: PagefindFilters = {};
	for (const facet of FACETS) {
		if (facet === except || state.facets[facet].length === 0) continue;
		filters[facet] = { any: [...state.facets[facet]] };
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

/** The active filters, in facet order, with their display names: what the chips show. */
export function activeFilters(
	state: SearchState,
	vocabulary: Vocabulary,
): { facet: Facet; value: string; name: string }[] {
	return FACETS.flatMap((facet) =>
		state.facets[facet].map((value) => ({
			facet,
			value,
			name: vocabulary[facet].get(value) ?? value,
		})),
	);
}

/** The query as the status quotes it: a quoted phrase keeps one pair of quotes, curly. */
export function quoted(q: string): string {
	return `“${q.trim().replace(/^"(.*)"$/, '$1')}”`;
}

/** A short description of the state for the live region: `3 reports for “isis” with the chosen filters`. */
export function describeResults(count: number, state: SearchState): string {
	const n = count === 0 ? 'No reports' : countLabel(count, 'report');
	const q = state.q.trim();
	return `${n}${q ? ` for ${quoted(q)}` : ''}${isFiltered(state) ? ' with the chosen filters' : ''}`;
}
