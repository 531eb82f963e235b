/**
 * Did-you-mean, in one place: the allowed values (report types, field names, slugs, heading ids)
 * or the terms (by any of their spellings, in `./terms.ts`) nearest to a mistyped one.
 *
 * Nearness is the Levenshtein distance relative to the longer of the two spellings, so a score
 * of 0.5 means half the letters differ: the limit of a plausible misspelling.
 */
import { distance } from 'fastest-levenshtein';

/** A score at or below this is a plausible misspelling. */
export const PLAUSIBLE = 0.5;

export interface NearestOptions {
	/** At most this many suggestions (3). */
	max?: number;
	/**
	 * Always suggest the nearest value, however far (true, for a small closed set such as report
	 * types); or only plausible misspellings (false, for slugs and field names).
	 */
	always?: boolean;
	/**
	 * How near a plausible misspelling must be (PLAUSIBLE). The search page's answer card asks
	 * for closer ones: one edit in four letters.
	 */
	within?: number;
}

/** How to compare the spellings of items that `nearestItems` ranks. */
export interface NearestItemsOptions<T> extends NearestOptions {
	/** Every spelling an item answers to; its best one counts. */
	spellings: (item: T) => Iterable<string>;
	/** The form spellings are compared in (default: lower case). */
	key?: (spelling: string) => string;
	/** Breaks ties between equally near items: the one whose label sorts first wins. */
	label: (item: T) => string;
}

/** How far `key` is from `other`: 0 for the same, 1 for nothing in common. */
export function nearness(key: string, other: string): number {
	return distance(key, other) / Math.max(key.length, other.length, 1);
}

/**
 * The items nearest to `value` by any of their spellings, best first, each once: the nearest
 * one (if `always`, or if it is plausible), then others while they are plausible misspellings.
 */
export function nearestItems<T>(
	value: string,
	items: Iterable<T>,
	{
		max = 3,
		always = true,
		spellings,
		key = (s) => s.toLowerCase(),
		label,
		within = PLAUSIBLE,
	}: NearestItemsOptions<T>,
): T[] {
	const target = key(value);
	const scored: { item: T; score: number }[] = [];
	for (const item of items) {
		let score = Infinity;
		for (const spelling of spellings(item)) {
			const k = key(spelling);
			if (k) score = Math.min(score, nearness(target, k));
		}
		if (score < Infinity) scored.push({ item, score });
	}
	scored.sort((a, b) => a.score - b.score || label(a.item).localeCompare(label(b.item)));
	return scored
		.filter((s, i) => (always && i === 0) || s.score <= within)
		.slice(0, max)
		.map((s) => s.item);
}

/**
 * The allowed values nearest to `value`, best first: the nearest one (if `always`, or if it is
 * plausible), then others while they are close enough to be plausible misspellings. Comparison
 * ignores case.
 */
export function nearest(
	value: string,
	allowed: Iterable<string>,
	options: NearestOptions = {},
): string[] {
	return nearestItems(value, new Set(allowed), {
		...options,
		spellings: (s) => [s],
		label: (s) => s,
	});
}

/** `did you mean "a" or "b"?`, or an empty string when nothing is allowed. */
export function didYouMean(
	value: string,
	allowed: Iterable<string>,
	options: NearestOptions = {},
): string {
	const found = nearest(value, allowed, options).map((s) => `"${s}"`);
	if (found.length === 0) return '';
	const list =
		found.length === 1 ? found[0] : `${found.slice(0, -1).join(', ')} or ${found.at(-1)}`;
	return `did you mean ${list}?`;
}
