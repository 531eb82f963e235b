/**
 * Builds the Pagefind search index from the finished site, through Pagefind's Node API, in
 * `astro:build:done`. Any indexing error fails the build: a site whose search silently misses
 * reports is worse than no new site. (The community astro-pagefind integration only logs them.)
 *
 * What is indexed is decided in the HTML: only elements marked `data-pagefind-body` (the report
 * article) are indexed, with filters, metadata and the sort key written by
 * `src/components/SearchIndexData.astro`.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { SEARCH_PATH } from '../lib/routes.ts';
import { metaFile, withPreload } from '../lib/search/engine.ts';

/** Throws when Pagefind reported errors: the build stops with Pagefind's own messages. */
function assertNoErrors(step: string, errors: readonly string[]): void {
	if (errors.length) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/**
 * Adds to the built search page a preload of the index's metadata file, whose name exists only
 * now (src/lib/search/engine.ts): one round trip less before a reader's first results.
 */
function preloadIndexMeta(site: string): void {
	const page = join(site, SEARCH_PATH, 'index.html');
	const entry = join(site, 'pagefind', 'pagefind-entry.json');
	if (!existsSync(page) || !existsSync(entry)) return;
	const meta = metaFile(JSON.parse(readFileSync(entry, 'utf8')));
	if (!meta) throw new Error(`Pagefind wrote an entry file without the English index: ${entry}`);
	writeFileSync(page, withPreload(readFileSync(page, 'utf8'), meta));
}

export function pagefindIndex(): AstroIntegration {
	return {
		name: 'brief-archive:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				const started = performance.now();
				try {
					const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
					assertNoErrors('createIndex', errors);
					if (!index) throw new Error('Pagefind createIndex returned no index');
					const added = await index.addDirectory({ path: site });
					assertNoErrors('indexing', added.errors);
					const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
					assertNoErrors('writing the index', written.errors);
					// Counted on disk: asking Pagefind for its files (getFiles) would build the whole
					// index a second time in memory and send it over, doubling the indexing time.
					const records = readdirSync(`${site}/pagefind/fragment`).length;
					preloadIndexMeta(site);
					const seconds = ((performance.now() - started) / 1000).toFixed(1);
					logger.info(
						`search index: ${records} reports from ${added.page_count} pages read in ${seconds} s`,
					);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}
