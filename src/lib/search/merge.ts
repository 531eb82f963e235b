/**
 * Merging the results of the queries one search expands into (`expand.ts`): a report found by
 * several spellings is one result, with its best score and every word any of them matched, so
 * its excerpt can mark "Kunduz" and "Kundoz" alike.
 */

/** One result of one Pagefind query: the page, its score, the positions of the matched words. */
export interface Hit {
	id: string;
	score: number;
	/** Word positions in the page's text, as Pagefind counts them. */
	words: readonly number[];
}

/**
 * The union of several result lists, best score first (ties keep the order of first sight, so
 * the reader's own query wins). A single list comes back in its own order.
 */
export function mergeHits(lists: readonly (readonly Hit[])[]): Hit[] {
	if (lists.length === 1) return [...lists[0]!];
	const merged = new Map<string, { hit: Hit; order: number }>();
	let order = 0;
	for (const list of lists) {
		for (const hit of list) {
			const seen = merged.get(hit.id);
			if (!seen) {
				merged.set(hit.id, { hit: { ...hit, words: [...hit.words] }, order: order++ });
				continue;
			}
			const words = new Set([...seen.hit.words, ...hit.words]);
			seen.hit = {
				id: hit.id,
				score: Math.max(seen.hit.score, hit.score),
				words: [...words].sort((a, b) => a - b),
			};
		}
	}
	return [...merged.values()]
		.sort((a, b) => b.hit.score - a.hit.score || a.order - b.order)
		.map((m) => m.hit);
}

/**
 * Orders hits by a rank (smaller first): their position in the date order, for "newest first"
 * over merged lists, whose own orders cannot be interleaved without the dates. Hits the rank does
 * not know go last, in their order.
 */
export function orderByRank(hits: readonly Hit[], rank: ReadonlyMap<string, number>): Hit[] {
	const at = (h: Hit) => rank.get(h.id) ?? Number.POSITIVE_INFINITY;
	return hits
		.map((hit, i) => ({ hit, i }))
		.sort((a, b) => at(a.hit) - at(b.hit) || a.i - b.i)
		.map((x) => x.hit);
}
