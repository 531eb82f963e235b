import { describe, expect, it } from 'vitest';
import { astroSeconds, phases } from '../../../scripts/lib/bench/measure.ts';
import { formatDocs, verdicts, type BenchRun } from '../../../scripts/lib/bench/report.ts';

describe('astroSeconds', () => {
	it('reads the three ways Astro prints a duration', () => {
		expect(astroSeconds('512ms')).toBe(0.512);
		expect(astroSeconds('12.34s')).toBe(12.34);
		expect(astroSeconds('5m 3s')).toBe(303);
	});

	it('gives nothing for text that is not a duration', () => {
		expect(astroSeconds('soon')).toBeUndefined();
	});
});

describe('formatDocs', () => {
	const run: BenchRun = {
		date: '2026-11-28T12:00:00Z',
		machine: { cpu: '2 × test' },
		command: 'npm run bench -- --n 10',
		results: [
			{
				n: 10,
				seed: 1,
				corpus: { files: 20, bytes: 1000, seconds: 0.1 },
				site: {
					cold: { wall: 10, cpu: 12, peakRss: 2 ** 30 },
					warm: { wall: 2, cpu: 2, peakRss: 2 ** 30 },
					output: { files: 100, bytes: 1e6 },
					pagefind: { files: 10, bytes: 1e5 },
					heaviest: { path: '/reports/', gzip: 5000, pages: 20 },
				},
			},
		],
	};

	it('replaces only what is between the markers, keeping the prose around them', () => {
		const doc =
			'Intro.\n\n<!-- bench:results -->\nold figures\n<!-- /bench:results -->\n\nAfter.\n';
		const out = formatDocs(doc, run);
		expect(out.startsWith('Intro.\n\n<!-- bench:results -->\n')).toBe(true);
		expect(out.endsWith('<!-- /bench:results -->\n\nAfter.\n')).toBe(true);
		expect(out).not.toContain('old figures');
		expect(out).toContain('`npm run bench -- --n 10`');
		expect(out).toMatch(/\| 10 \| 10\.0 s \(12\.0 s CPU\) \|/);
		expect(out).toContain(
			'✅ holds: no HTML page over 100 KB gzipped: heaviest 4.9 KB (/reports/)',
		);
	});

	it('refuses a document without the markers rather than losing its text', () => {
		expect(() => formatDocs('No markers here.', run)).toThrow(/markers/);
	});

	const reader = (profile: 'loopback' | 'throttled', coldMs: number, typedMs: number) => ({
		label: 'rare word',
		q: 'zerkavanite',
		profile,
		status: '5 reports for “zerkavanite”',
		coldMs,
		coldBytes: 200 * 1024,
		totalBytes: 300 * 1024,
		requests: 20,
		typedMs,
		typedBytes: 10_000,
	});
	const reused: BenchRun = {
		...run,
		command: 'npm run bench -- --n 10 --work /tmp/b --reuse',
		results: [
			{ n: 10, seed: 1, reader: [reader('loopback', 900, 120), reader('throttled', 3000, 400)] },
		],
	};
	const both =
		'<!-- bench:results -->\nbuild figures\n<!-- /bench:results -->\n\n<!-- bench:search -->\nold search\n<!-- /bench:search -->\n';

	it('writes a search-only run (a reused build) into the search block, leaving the build’s figures', () => {
		const out = formatDocs(both, reused);
		expect(out).toContain('build figures');
		expect(out).not.toContain('old search');
		expect(out).toContain(
			'| rare word: `zerkavanite` | 5 | 900 | 200.0 | 300.0 | 20 | 120 | 3000 | 400 |',
		);
		expect(out).toContain(
			"✅ holds: reader's path: cold page to results under 1000 ms (median, N = 10, loopback): 900 ms",
		);
		expect(out).toContain(
			"✅ holds: reader's path: a typed query to its results under 150 ms (median, N = 10, loopback): 120 ms",
		);
	});
});

describe('phases', () => {
	it('reads the phases of a build from its log, minutes included', () => {
		const log = [
			'12:00:00 [brief-archive:content-check] 10155 content files checked in 106.2 s: no problems',
			'12:02:00 [content] Synced content',
			'12:06:00 [build] ✓ Completed in 5m 3s.',
			' generating static routes ',
			'12:16:00 ✓ Completed in 9m 58s.',
			'12:17:00 [brief-archive:pagefind] search index: 9914 reports from 11041 pages read in 64.9 s',
		].join('\n');
		expect(phases(log)).toEqual({
			'content checks': 106.2,
			'content sync': 303,
			pages: 598,
			'search index': 64.9,
		});
	});
});

describe('verdicts', () => {
	const result = (n: number, warm: number) => ({
		n,
		seed: 1,
		corpus: { files: n, bytes: 1000, seconds: 0.1 },
		site: {
			cold: { wall: Number.NaN },
			warm: { wall: warm, cpu: warm / 2 },
			warmTitle: { wall: warm * 2 },
			output: { files: 100, bytes: 1e6 },
			pagefind: { files: 10, bytes: 1e5 },
			heaviest: { path: '/reports/', gzip: 5000, pages: 20 },
		},
	});

	it('judges a run of 1,000 reports by the 1,000-report target only, not by those set at 10,000', () => {
		const targets = verdicts([result(1000, 9)]).map((v) => `${v.holds} ${v.target}: ${v.figures}`);
		expect(targets).toContain(
			'false rebuild after one body edit within 8 s at N = 1,000: 9.0 s (4.5 s CPU)',
		);
		expect(targets.join('\n')).not.toMatch(/within (60|120) s/);
	});

	it('judges the body and title edits at 10,000 reports by their targets', () => {
		const targets = verdicts([result(1000, 5), result(10_000, 50)]).map(
			(v) => `${v.holds} ${v.target}: ${v.figures}`,
		);
		expect(targets).toEqual(
			expect.arrayContaining([
				'true rebuild after one body edit within 60 s at N = 10,000 (the goal: 15 s): 50.0 s',
				'true rebuild after one title edit within 120 s at N = 10,000: 100 s',
				'true rebuild after one body edit within 8 s at N = 1,000: 5.0 s (2.5 s CPU)',
			]),
		);
	});
});
