import { describe, expect, it } from 'vitest';
import {
	formatNetwork,
	networkTargets,
	type NetworkRun,
} from '../../../scripts/lib/bench/network-report.ts';

const load = (readable: number, results?: number) => ({
	fcp: 900,
	readable,
	results,
	bytes: 17 * 1024,
	requests: 5,
});

function run(report: number, search: number): NetworkRun {
	return {
		date: '2026-03-01T00:00:00Z',
		dist: 'dist',
		runs: 3,
		results: [
			{ profile: '2G', page: { label: 'report', path: '/reports/a/' }, median: load(report) },
			{
				profile: '2G',
				page: { label: 'search', path: '/search/?q=x', search: true },
				median: load(search, search),
			},
			{ profile: 'Slow 4G', page: { label: 'report', path: '/reports/a/' }, median: load(400) },
		],
	};
}

describe('the network benchmark’s report', () => {
	it('prints one row per profile and page, in seconds and kilobytes', () => {
		const table = formatNetwork(run(1260, 8420));
		expect(table).toContain('Median of 3 cold loads each');
		expect(table).toContain('| 2G | report `/reports/a/` | 0.90 s | 1.26 s |  | 17.0 KB | 5 |');
		expect(table).toContain(
			'| 2G | search `/search/?q=x` | 0.90 s | 8.42 s | 8.42 s | 17.0 KB | 5 |',
		);
	});

	it('says which targets hold on 2G, with the figure each was checked against', () => {
		expect(networkTargets(run(1260, 8420))).toEqual([
			{
				holds: true,
				text: "on 2G, a report's text readable within 2.5 s of the request: 1.26 s (/reports/a/)",
			},
			{
				holds: false,
				text: 'on 2G, the first search results within 6 s, cold: 8.42 s (/search/?q=x)',
			},
		]);
		expect(networkTargets(run(2600, 5900)).map((t) => t.holds)).toEqual([false, true]);
	});
});
