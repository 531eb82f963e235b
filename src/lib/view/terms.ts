/**
 * What a term's pages say about it, beyond its profile: its label above the name, and the search
 * that filters by it.
 */
import type { AnyTerm } from '../archive/build-archive.ts';
import { isFacetKind, KINDS, regionLabel } from '../model/kinds.ts';
import { emptyState, searchHref } from '../search/state.ts';

/** "Armed group", "Province in Afghanistan", "Author, Rise to Peace". */
export function termLabel(term: AnyTerm): string {
	const singular = KINDS[term.kind].singular;
	if (term.kind === 'regions') return regionLabel(term.data.kind, term.parent?.name);
	if (term.kind === 'authors' && term.data.affiliation) {
		return `${singular}, ${term.data.affiliation}`;
	}
	return singular;
}

/** The search page filtered to this term, or undefined for a kind that is not a facet (authors). */
export function termSearchHref(term: AnyTerm): string | undefined {
	const kind = term.kind;
	if (!isFacetKind(kind)) return undefined;
	const state = emptyState();
	return searchHref({ ...state, facets: { ...state.facets, [KINDS[kind].facet]: [term.slug] } });
}
