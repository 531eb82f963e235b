/**
 * Related reports, computed once per build for every report.
 *
 * Two reports are related by the terms they share. A shared group weighs most, then a shared
 * region, then a shared topic, and a rare term counts more than one that nearly every report
 * carries (inverse document frequency), so "both are about Afghanistan" matters less than "both are
 * about Kunduz". Reports an author lists in `related` come first, in the author's order.
 */

import { KINDS, RELATED_KINDS, type RelatedKind } from '../model/kinds.ts';

/**
 * A report as related reports see it: its slug, its term slugs by kind, the author's choice, and
 * whether it may be suggested at all (`false` for a report that no longer stands: superseded or
 * withdrawn; it still gets related reports of its own).
 */
export type RelatableReport = {
	slug: string;
	related: readonly string[];
	suggestable?: boolean;
} & Record<RelatedKind, readonly string[]>;

/** How much a shared term of each kind counts: a group most, then a region, then a topic. */
export const RELATED_WEIGHTS = Object.fromEntries(
	RELATED_KINDS.map((kind) => [kind, KINDS[kind].relatedWeight]),
) as Record<RelatedKind, number>;

/**
 * @param reports in the site's sort order (newest first): ties keep that order.
 * @returns for each slug, up to `limit` related slugs, best first.
 */
export function computeRelated(
	reports: readonly RelatableReport[],
	limit = 3,
): Map<string, string[]> {
	const position = new Map(reports.map((r, i) => [r.slug, i]));
	const postings = new Map<string, number[]>();
	reports.forEach((report, i) => {
		for (const kind of RELATED_KINDS) {
			for (const term of report[kind]) {
				const key = `${kind}:${term}`;
				let list = postings.get(key);
				if (!list) postings.set(key, (list = []));
				list.push(i);
			}
		}
	});
	const n = reports.length;
	const result = new Map<string, string[]>();
	// One score per report, reused from report to report: only the entries a report touched are
	// read and reset, and the best are picked in one pass instead of sorting every candidate. A
	// common term (a group in a quarter of the archive) makes thousands of candidates per report;
	// sorting them all was most of the cost at 10,000 reports.
	const scores = new Float64Array(n);
	const touched: number[] = [];
	reports.forEach((report, i) => {
		touched.length = 0;
		for (const kind of RELATED_KINDS) {
			for (const term of report[kind]) {
				const list = postings.get(`${kind}:${term}`)!;
				const weight = RELATED_WEIGHTS[kind] * (1 + Math.log(n / list.length));
				for (const j of list) {
					if (j === i || reports[j]!.suggestable === false) continue;
					const score = scores[j]!;
					if (score === 0) touched.push(j);
					scores[j] = score + weight;
				}
			}
		}
		const chosen = [
			...new Set(
				report.related.filter(
					(s) =>
						s !== report.slug &&
						position.has(s) &&
						reports[position.get(s)!]!.suggestable !== false,
				),
			),
		];
		// The best `limit + chosen.length` by score, ties to the newer (lower index): enough to
		// fill the list after the chosen ones are taken out.
		const best = topBy(touched, limit + chosen.length, (a, b) => scores[b]! - scores[a]! || a - b);
		for (const j of touched) scores[j] = 0;
		const ranked = best.map((j) => reports[j]!.slug).filter((s) => !chosen.includes(s));
		result.set(report.slug, chosen.concat(ranked).slice(0, limit));
	});
	return result;
}

/** The first `k` items of `items` in `order`, without sorting them all (k is small). */
export function topBy<T>(items: readonly T[], k: number, order: (a: T, b: T) => number): T[] {
	const best: T[] = [];
	if (k <= 0) return best;
	for (const item of items) {
		if (best.length === k && order(item, best[k - 1]!) >= 0) continue;
		let at = best.length === k ? k - 1 : best.length;
		while (at > 0 && order(item, best[at - 1]!) < 0) {
			best[at] = best[at - 1]!;
			at--;
		}
		best[at] = item;
	}
	return best;
}
