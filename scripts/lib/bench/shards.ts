/**
 * Two search shards from one built site, for docs/scaling.md: the reports published up to a
 * year go into one Pagefind index, the later ones into another, as two independently built halves
 * of the archive would be. A reader's browser loads the first and merges the second with
 * Pagefind's multisite `mergeIndex`; the benchmark compares that with the single index.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { folderSize } from './measure.ts';

export interface Shard {
	/** Where the shard's files are on the site: `/pagefind-a/`. */
	base: string;
	/** The years it covers. */
	years: string;
	reports: number;
	files: number;
	bytes: number;
	/** Seconds to index it. */
	seconds: number;
}

interface ListedReport {
	url: string;
	published: string;
}

function assertNoErrors(step: string, errors: readonly string[]): void {
	if (errors.length) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/** Splits the site's reports by year into two halves and indexes each into `dist/pagefind-{a,b}/`. */
export async function buildShards(dist: string): Promise<Shard[]> {
	const listed = (
		JSON.parse(readFileSync(join(dist, 'reports.json'), 'utf8')) as { reports: ListedReport[] }
	).reports;
	const years = listed.map((r) => Number(r.published.slice(0, 4))).sort((a, b) => a - b);
	const split = years[Math.floor(years.length / 2)]!;
	const halves = [
		{
			base: '/pagefind-a/',
			years: `${years[0]}–${split - 1}`,
			reports: listed.filter((r) => Number(r.published.slice(0, 4)) < split),
		},
		{
			base: '/pagefind-b/',
			years: `${split}–${years.at(-1)}`,
			reports: listed.filter((r) => Number(r.published.slice(0, 4)) >= split),
		},
	];
	const shards: Shard[] = [];
	try {
		for (const half of halves) {
			const started = performance.now();
			const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
			assertNoErrors('createIndex', errors);
			if (!index) throw new Error('Pagefind createIndex returned no index');
			for (const report of half.reports) {
				const path = new URL(report.url).pathname;
				const added = await index.addHTMLFile({
					url: path,
					content: readFileSync(join(dist, path, 'index.html'), 'utf8'),
				});
				assertNoErrors(`indexing ${path}`, added.errors);
			}
			const out = join(dist, half.base);
			const written = await index.writeFiles({ outputPath: out });
			assertNoErrors('writing the index', written.errors);
			const size = folderSize(out);
			shards.push({
				base: half.base,
				years: half.years,
				reports: half.reports.length,
				...size,
				seconds: (performance.now() - started) / 1000,
			});
		}
	} finally {
		await pagefind.close();
	}
	return shards;
}
