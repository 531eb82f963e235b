/**
 * The network benchmark's figures as a table, and the targets of the offline issue checked
 * against them: on 2G, a report's text readable within 2.5 s of the request, and the first search
 * results within 6 s, cold.
 */
import type { Load, PageToLoad } from './network.ts';

export interface NetworkRun {
	date: string;
	dist: string;
	runs: number;
	results: { profile: string; page: PageToLoad; median: Load }[];
}

export const NETWORK_TARGETS = { reportReadableMs: 2500, searchResultsMs: 6000 } as const;

const s = (ms: number | undefined) =>
	ms === undefined || Number.isNaN(ms) ? '' : `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A Markdown table: one row per profile and page. */
export function formatNetwork(run: NetworkRun): string {
	const rows = [
		'| profile | page | first contentful paint | readable text | first search results | transferred | requests |',
		'| ------- | ---- | ---------------------: | ------------: | -------------------: | ----------: | -------: |',
	];
	for (const r of run.results) {
		const m = r.median;
		rows.push(
			`| ${r.profile} | ${r.page.label} \`${r.page.path}\` | ${s(m.fcp)} | ${s(m.readable)} | ${s(m.results)} | ${kb(m.bytes)} | ${m.requests} |`,
		);
	}
	return [
		`Median of ${run.runs} cold loads each (empty cache, no service worker yet), timed from the request.`,
		'',
		...rows,
	].join('\n');
}

/** Each target, with the figure it was checked against. */
export function networkTargets(run: NetworkRun): { holds: boolean; text: string }[] {
	const on2g = (label: string) =>
		run.results.find((r) => r.profile === '2G' && r.page.label === label);
	const out: { holds: boolean; text: string }[] = [];
	const report = on2g('report');
	if (report) {
		out.push({
			holds: report.median.readable <= NETWORK_TARGETS.reportReadableMs,
			text: `on 2G, a report's text readable within 2.5 s of the request: ${s(report.median.readable)} (${report.page.path})`,
		});
	}
	const search = on2g('search');
	if (search) {
		const ms = search.median.results ?? Number.POSITIVE_INFINITY;
		out.push({
			holds: ms <= NETWORK_TARGETS.searchResultsMs,
			text: `on 2G, the first search results within 6 s, cold: ${s(search.median.results)} (${search.page.path})`,
		});
	}
	return out;
}
