/**
 * What the answer card offers for the term a query names (src/scripts/search-view.ts draws it):
 * a control that turns the name into its facet filter, or, where there is no filter to offer (an
 * author, or the filter is on already), the term's count as a link to its page. Browser-safe.
 */
import { isFacetKind, KINDS } from '../model/kinds.ts';
import { countLabel } from '../view/count.ts';
import { withoutName, type Expansion } from './expand.ts';
import type { Facet } from './record.ts';
import { activeFilters, withFilter, type SearchState, type Vocabulary } from './state.ts';

export type AnswerAction =
	| {
			kind: 'filter';
			/** The search the control runs: the name's words out of the query, its filter on. */
			next: SearchState;
			/** The control's text. */
			label: string;
			/** The line that gives the count when the control does not: "4 reports in the archive". */
			count?: string;
	  }
	| {
			kind: 'page';
			/** The link's text before the term's name: "1 report by ", "4 reports filed under ". */
			lead: string;
	  };

/**
 * @param savedOnly results come only from the reports saved on this device (offline), so the
 *   archive's count is not the number the filter will show.
 */
export function answerAction(
	expansion: Expansion,
	state: SearchState,
	vocabulary: Vocabulary,
	savedOnly = false,
): AnswerAction | undefined {
	const term = expansion.answer?.term;
	if (!term) return undefined;
	const reports = countLabel(term.count, 'report');
	const facet = isFacetKind(term.kind) ? (KINDS[term.kind].facet as Facet) : undefined;
	if (facet && !state.facets[facet].includes(term.slug) && vocabulary[facet].has(term.slug)) {
		// The name becomes a filter, so every report filed under it shows, whether or not it writes
		// the name. Its words leave the query; the rest stays. The control promises the term's
		// count only when nothing else will narrow it, and never offline, where only the saved
		// reports among them can show.
		const named = expansion.names.find((n) => n.term === term);
		const next = withFilter(
			{ ...state, q: named ? withoutName(state.q, named.typed) : '' },
			facet,
			term.slug,
		);
		const alone = !savedOnly && !next.q && activeFilters(next, vocabulary).length === 1;
		return alone
			? {
					kind: 'filter',
					next,
					label: `Show the ${reports} filed under ${term.short ?? term.name}`,
				}
			: {
					kind: 'filter',
					next,
					label: `Filter by this ${KINDS[term.kind].noun}`,
					count: `${reports} in the archive`,
				};
	}
	return { kind: 'page', lead: `${reports} ${term.kind === 'authors' ? 'by' : 'filed under'} ` };
}
