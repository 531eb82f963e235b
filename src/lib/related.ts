/**
 * Related reports, computed once per build for every report.
 *
 * Two reports are related by the terms they share. A shared group weighs most, then a shared
 * region, then a shared topic, and a rare term counts more than one that nearly every report
 * carries (inverse document frequency), so "both are about Afghanistan" matters less than "both are
 * about Kunduz". Reports an author lists in `related` come first, in the author's order.
 */

export interface RelatableReport {
	slug: string;
	/** Term slugs by kind. */
	groups: readonly string[];
	regions: readonly string[];
	topics: readonly string[];
	/** Slugs the author chose, first in the result when they exist. */
	related: readonly string[];
}

export const RELATED_WEIGHTS = { groups: 3, regions: 2, topics: 1 } as const;

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
		for (const kind of ['groups', 'regions', 'topics'] as const) {
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
	reports.forEach((report, i) => {
		const scores = new Map<number, number>();
		for (const kind of ['groups', 'regions', 'topics'] as const) {
			for (const term of report[kind]) {
				const list = postings.get(`${kind}:${term}`)!;
				const weight = RELATED_WEIGHTS[kind] * (1 + Math.log(n / list.length));
				for (const j of list) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + weight);
			}
		}
		const chosen = report.related.filter((s) => s !== report.slug && position.has(s));
		const ranked = [...scores]
			.sort((a, b) => b[1] - a[1] || a[0] - b[0])
			.map(([j]) => reports[j]!.slug)
			.filter((s) => !chosen.includes(s));
		result.set(report.slug, [...new Set(chosen)].concat(ranked).slice(0, limit));
	});
	return result;
}
