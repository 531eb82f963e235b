/**
 * A region includes the places within it: a report on Kunduz is also a report on Afghanistan.
 * The archive files reports under every place that contains theirs, and the search index filters
 * them so, both through `placesOf`.
 */

/** A region with its containing region, as the archive links them. */
export interface Place<T> {
	parent: T | undefined;
}

/** A region and the regions that contain it, nearest first (a loop is walked once). */
export function withAncestors<T extends Place<T>>(region: T): T[] {
	const chain: T[] = [];
	for (let r: T | undefined = region; r && !chain.includes(r); r = r.parent) chain.push(r);
	return chain;
}

/** Every place a report on `regions` is about: each region and the regions containing it, once. */
export function placesOf<T extends Place<T>>(regions: readonly T[]): T[] {
	const places: T[] = [];
	for (const region of regions) {
		for (const r of withAncestors(region)) if (!places.includes(r)) places.push(r);
	}
	return places;
}
