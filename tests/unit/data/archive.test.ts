/**
 * The archive is built once per build, however many pages ask for it: every page, feed and
 * endpoint calls getArchive(), and rebuilding it per page would make the build O(N²).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportEntry } from '../../support/fixture-archive.ts';

const calls = vi.hoisted(() => ({ getCollection: 0, buildArchive: 0, computeRelated: 0 }));

vi.mock('astro:content', () => ({
	getCollection: (name: string) => {
		calls.getCollection++;
		return Promise.resolve(
			name === 'reports'
				? Array.from({ length: 50 }, (_, i) =>
						reportEntry(`report-${i}`, { published: '2022-05-07', groups: ['taliban'] }),
					)
				: name === 'groups'
					? [
							{
								id: 'taliban',
								filePath: 'content/groups/taliban.md',
								data: { name: 'Taliban', aliases: [] },
							},
						]
					: [],
		);
	},
}));

vi.mock('../../../src/lib/archive/build-archive.ts', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../../src/lib/archive/build-archive.ts')>();
	return {
		...real,
		buildArchive: (...args: Parameters<typeof real.buildArchive>) => {
			calls.buildArchive++;
			return real.buildArchive(...args);
		},
	};
});

vi.mock('../../../src/lib/archive/related.ts', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../../src/lib/archive/related.ts')>();
	return {
		...real,
		computeRelated: (...args: Parameters<typeof real.computeRelated>) => {
			calls.computeRelated++;
			return real.computeRelated(...args);
		},
	};
});

const caches = mkdtempSync(join(tmpdir(), 'brief-archive-cache-'));
afterAll(() => {
	vi.unstubAllEnvs();
	rmSync(caches, { recursive: true, force: true });
});

describe('getArchive', () => {
	beforeEach(() => {
		vi.resetModules();
		calls.getCollection = calls.buildArchive = calls.computeRelated = 0;
		// A cache folder of its own for each test: related reports are kept there between builds.
		vi.stubEnv('BRIEF_CACHE_DIR', mkdtempSync(join(caches, 'test-')));
	});

	it('reads each collection once, builds the archive once and computes related reports once, for any number of pages', async () => {
		const { getArchive, getReportEntry } = await import('../../../src/data/archive.ts');
		// As 50 report pages rendering at once, and then the listings, feeds and endpoints.
		const archives = await Promise.all(Array.from({ length: 200 }, () => getArchive()));
		await Promise.all(Array.from({ length: 50 }, (_, i) => getReportEntry(`report-${i}`)));
		expect(new Set(archives).size).toBe(1);
		expect(archives[0]!.reports).toHaveLength(50);
		// Five collections; content/ keeps no earlier version, so that collection is not asked for.
		expect(calls).toEqual({ getCollection: 5, buildArchive: 1, computeRelated: 1 });
	});

	it('gives every report its related reports from that one computation', async () => {
		const { getArchive } = await import('../../../src/data/archive.ts');
		const archive = await getArchive();
		expect(archive.reports.every((r) => r.related.length > 0)).toBe(true);
		expect(calls.computeRelated).toBe(1);
	});

	it('takes the next build’s related reports from the cache folder when the reports are the same', async () => {
		const first = await (await import('../../../src/data/archive.ts')).getArchive();
		vi.resetModules();
		const next = await (await import('../../../src/data/archive.ts')).getArchive();
		expect(calls.computeRelated).toBe(1);
		const related = (a: typeof first) => a.reports.map((r) => r.related.map((x) => x.slug));
		expect(related(next)).toEqual(related(first));
		expect(related(next).flat().length).toBeGreaterThan(0);
	});
});
