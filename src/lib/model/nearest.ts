/**
 * Did-you-mean suggestions for a mistyped value among the values that are allowed: report types,
 * field names, slugs, heading ids.
 */
import { distance } from 'fastest-levenshtein';

export interface NearestOptions {
	/** At most this many suggestions (3). */
	max?: number;
	/**
	 * Always suggest the nearest value, however far (true, for a small closed set such as report
	 * types); or only plausible misspellings (false, for slugs and field names).
	 */
	always?: boolean;
	/**
	 * How far a plausible misspelling may be: edits per character of the longer value (0.5). The
	 * search page's answer card asks for closer matches (one edit in four).
	 */
	within?: number;
}

/**
 * The allowed values nearest to `value`, best first: the nearest one (if `always`, or if it is
 * plausible), then others while they are close enough to be plausible misspellings. Comparison
 * ignores case.
 */
export function nearest(
	value: string,
	allowed: Iterable<string>,
	{ max = 3, always = true, within = 0.5 }: NearestOptions = {},
): string[] {
	const key = value.toLowerCase();
	const scored = [...new Set(allowed)].map((candidate) => {
		const other = candidate.toLowerCase();
		return { candidate, score: distance(key, other) / Math.max(key.length, other.length, 1) };
	});
	scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
	return scored
		.filter((s, i) => (always && i === 0) || s.score <= within)
		.slice(0, max)
		.map((s) => s.candidate);
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
