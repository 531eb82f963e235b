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
 * "Newest first" over several queries: each list comes from Pagefind sorted by date, newest
 * first, and the lists are merged by their reports' dates (ISO as written, which sort as the site
 * sorts: "2022" before "2022-05" before "2022-05-07"). Dates are read for the next `n` of every
 * list at once, so a page of results costs one round of loads, not one per result.
 */
export interface DateMerge {
	/** The next `n` results, or fewer at the end. */
	next(n: number): Promise<Hit[]>;
}

export function mergeByDate(
	lists: readonly (readonly Hit[])[],
	dateOf: (id: string) => Promise<string>,
	merged: ReadonlyMap<string, Hit> = new Map(),
): DateMerge {
	const at = lists.map(() => 0);
	const seen = new Set<string>();
	const dates = new Map<string, string>();
	const head = (i: number): Hit | undefined => {
		const list = lists[i]!;
		while (at[i]! < list.length && seen.has(list[at[i]!]!.id)) at[i]!++;
		return list[at[i]!];
	};
	const reading = new Map<string, Promise<void>>();
	const read = (i: number, n: number) =>
		lists[i]!.slice(at[i], at[i]! + n).map((h) => {
			let r = reading.get(h.id);
			if (!r) {
				r = dateOf(h.id).then((d) => void dates.set(h.id, d));
				reading.set(h.id, r);
			}
			return r;
		});
	return {
		async next(n) {
			await Promise.all(lists.flatMap((_, i) => read(i, n)));
			const out: Hit[] = [];
			while (out.length < n) {
				const unread = lists
					.map((_, i) => i)
					.filter((i) => {
						const h = head(i);
						return h !== undefined && !dates.has(h.id);
					});
				if (unread.length) {
					await Promise.all(unread.flatMap((i) => read(i, n - out.length)));
					continue;
				}
				let best = -1;
				for (let i = 0; i < lists.length; i++) {
					const h = head(i);
					if (!h) continue;
					if (best < 0 || dates.get(h.id)! > dates.get(head(best)!.id)!) best = i;
				}
				if (best < 0) break;
				const hit = head(best)!;
				seen.add(hit.id);
				at[best]!++;
				out.push(merged.get(hit.id) ?? hit);
			}
			return out;
		},
	};
}
