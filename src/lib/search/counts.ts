/**
 * Facet counts for a search that ran as several queries (one per spelling, `expand.ts`). Pagefind
 * counts one query's results; a report found by two spellings must count once. The union of the
 * queries' results is counted by inclusion and exclusion, |A ∪ B| = |A| + |B| − |A ∩ B|, and
 * Pagefind counts A ∩ B itself: its words combine with AND, so the query "A B" finds exactly the
 * reports that both find. Queries that add no report to the union (a query whose reports another
 * query found too) are left out first, so that the number of intersections stays small.
 *
 * The rule for each facet is Pagefind's own, disjunctive: a facet with a selection is counted
 * without its own filter, so each count says what ticking that box would give.
 */

/** At most this many queries are counted together (2^4 − 1 = 15 Pagefind searches). */
export const MAX_COUNTED = 4;

/**
 * The queries whose results make up the union, by index, largest first: a query whose result set
 * lies within another's (or repeats an earlier one) adds nothing and is left out. At most
 * MAX_COUNTED; beyond that the smallest are left out too, so counts can then be short.
 */
export function countedQueries(sets: readonly ReadonlySet<string>[]): number[] {
	const order = sets
		.map((set, i) => ({ set, i }))
		.filter((x) => x.set.size > 0)
		.sort((a, b) => b.set.size - a.set.size || a.i - b.i);
	const kept: { set: ReadonlySet<string>; i: number }[] = [];
	for (const x of order) {
		const within = kept.some((k) => {
			for (const id of x.set) if (!k.set.has(id)) return false;
			return true;
		});
		if (!within) kept.push(x);
	}
	return kept.slice(0, MAX_COUNTED).map((k) => k.i);
}

/** Every non-empty combination of `n` queries, as lists of indices (singles first). */
export function combinations(n: number): number[][] {
	const out: number[][] = [];
	for (let mask = 1; mask < 1 << n; mask++) {
		out.push([...Array(n).keys()].filter((i) => mask & (1 << i)));
	}
	return out.sort((a, b) => a.length - b.length);
}

/** One combination's counts: which queries it intersects, and Pagefind's counts for it. */
export interface Counted {
	members: readonly number[];
	counts: Readonly<Record<string, number>> | undefined;
}

/** The counts of the union of the queries, from the counts of every combination of them. */
export function unionCounts(combos: readonly Counted[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const { members, counts } of combos) {
		const sign = members.length % 2 === 1 ? 1 : -1;
		for (const [value, n] of Object.entries(counts ?? {}))
			out[value] = (out[value] ?? 0) + sign * n;
	}
	return out;
}
