/**
 * Builds the Pagefind search index from the finished site, through Pagefind's Node API, in
 * `astro:build:done`. Any indexing error fails the build: a site whose search silently misses
 * reports is worse than no new site. (The community astro-pagefind integration only logs them.)
 *
 * What is indexed is decided in the HTML: only pages with an element marked `data-pagefind-body`
 * (the report article) are indexed, with filters, metadata and the sort key written by
 * `src/components/SearchIndexData.astro`. Pages are handed to Pagefind in the order of their
 * paths (a few at a time: src/lib/node/pagefind-feed.ts), so the same pages always give the same
 * index, file for file.
 *
 * Pagefind has no incremental indexing (its issue #71): any change to an indexed page means
 * indexing every page again. In an incremental build (scripts/build.ts) the index is therefore
 * left exactly as it was when no indexed page was written and none was added or removed, which
 * is the case for most edits that are not to a report (a term's profile, a listing); otherwise
 * it is made afresh from every page, and only its files that changed are written (its file
 * names are hashes of their contents, so most files of an index made afresh are the same).
 *
 * Made afresh, but not from nothing: an incremental build starts indexing the last output's
 * pages (which the stage holds) as soon as Astro starts, in a worker thread with its own Pagefind
 * service (src/lib/node/early-index.ts), so that Pagefind works on the second core while Astro
 * syncs, bundles and renders, however long Astro holds this thread. When the build is done and it
 * indexes the same pages, those it wrote are handed over again (whether they were read early before, while
 * or after Astro wrote them): Pagefind replaces a page of the same address where it stands
 * (`fossick_one` in pagefind/src/lib.rs), so the index is the one the pages in path order give,
 * byte for byte.
 * When pages were added or removed, the early work is dropped and every page indexed again.
 * A build from nothing (`--full`) begins it too, in `astro:config:done`, with the report pages it
 * expects to write, each read as soon as Astro has written it; the index is then written by
 * Pagefind straight into the output, which holds none.
 *
 * Written, in an incremental build, over the last index's fragments: Pagefind compresses one
 * fragment per page at gzip's highest level, about a tenth of writing an index of 10,000 reports,
 * and a page the build kept has the fragment it had.
 * Pagefind writes the index into a scratch folder holding an empty placeholder for each of those,
 * which it does not write again, and the result is used only when the new index's metadata shows
 * that each placeholder stands for its own page (src/lib/node/pagefind-fragments.ts); otherwise
 * the index's files are taken whole from Pagefind, as in a build from nothing.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { inPlaceBuild } from '../lib/node/build-stage.ts';
import { startEarlyIndex, type EarlyIndex, type SiteIndex } from '../lib/node/early-index.ts';
import { pagefindTag } from '../lib/node/offline-files.ts';
import { writeOverLastFragments, type WrittenIndex } from '../lib/node/pagefind-fragments.ts';
import { putFile } from '../lib/node/put-file.ts';
import { addInOrder, assertNoErrors, newIndex } from '../lib/node/pagefind-feed.ts';
import { inPathOrder, reportPagePath, SEARCH_PATH, withBase } from '../lib/routes.ts';
import { includedReports, publishModeOf } from './publish-mode.ts';
import {
	entryFile,
	isIndexedPage,
	metaFile,
	withIndexTag,
	withPreload,
} from '../lib/search/engine.ts';

/** Where the index goes in the output. */
const BUNDLE = 'pagefind';

/** Whether two lists hold the same pages in the same order. */
const samePages = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((page, i) => page === b[i]);

/** Every HTML page of the output outside the index, relative to it with `/`, in path order. */
function htmlPages(site: string): string[] {
	return readdirSync(site, { recursive: true, encoding: 'utf8' })
		.map((f) => f.split(sep).join('/'))
		.filter((f) => f.endsWith('.html') && !f.startsWith(`${BUNDLE}/`))
		.sort();
}

/**
 * Finishes the built search page with what exists only once the index is written
 * (src/lib/search/engine.ts): the index's tag (a hash of its content, Pagefind's `metaCacheTag`,
 * which collections saved for offline use too), and preloads of the entry file under that tag
 * and of the index's metadata file: one round trip less before a reader's first results. The
 * addresses get the site's base here, as the middleware never sees them.
 */
function finishSearchPage(site: string, base: string): void {
	const page = join(site, SEARCH_PATH, 'index.html');
	const entry = join(site, BUNDLE, 'pagefind-entry.json');
	if (!existsSync(page) || !existsSync(entry)) return;
	const meta = metaFile(JSON.parse(readFileSync(entry, 'utf8')));
	if (!meta) throw new Error(`Pagefind wrote an entry file without the English index: ${entry}`);
	const tag = pagefindTag(site);
	let html = withIndexTag(readFileSync(page, 'utf8'), tag);
	for (const href of [entryFile(tag), meta]) html = withPreload(html, withBase(href, base));
	writeFileSync(page, html);
}

export interface PagefindOptions {
	/**
	 * Called once the index is being written (Pagefind builds it in its own process, which takes
	 * seconds to minutes at scale, with this thread idle), or kept as it was: other work on the
	 * finished site may start then, on the thread Pagefind no longer needs.
	 */
	whileWriting?: (site: string) => void;
}

export function pagefindIndex(options: PagefindOptions = {}): AstroIntegration {
	let base = '/';
	let early: EarlyIndex | undefined;
	return {
		name: 'brief-archive:pagefind',
		hooks: {
			'astro:config:setup': ({ config, command }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				// An incremental build: the stage holds the last output, whose pages are indexed while
				// Astro works, on the other core.
				const last = command === 'build' ? inPlaceBuild()?.previous.search : undefined;
				if (last) {
					const worker = join(fileURLToPath(config.root), 'src/workers/early-index-worker.ts');
					early = startEarlyIndex(worker, fileURLToPath(config.outDir), last.pages);
				}
			},
			// A build from nothing (scripts/build.ts --full): the report pages it will write are
			// indexed, on the other core, as Astro writes them (src/pages/reports/[slug].astro renders
			// them in the order of their paths, the order they are indexed in).
			'astro:config:done': ({ config }) => {
				const stage = early === undefined ? inPlaceBuild() : undefined;
				if (!stage?.fresh) return;
				const root = fileURLToPath(config.root);
				const expected = inPathOrder(includedReports(root, publishModeOf('build'))).map((r) =>
					reportPagePath(r.slug),
				);
				const worker = join(root, 'src/workers/early-index-worker.ts');
				early = startEarlyIndex(worker, fileURLToPath(config.outDir), expected, {
					waitForPages: true,
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				try {
					await indexSite(fileURLToPath(dir), base, early, logger, options.whileWriting);
				} finally {
					// Early work the build did not use (the index was kept as it was, or indexing failed)
					// is stopped, not waited for: closing its service ends the pages in flight.
					await early?.stop();
					await pagefind.close();
				}
			},
		},
	};
}

/** An index made in this thread, as the build finishes it. */
function indexHere(index: PagefindIndex, read: (page: string) => string): SiteIndex {
	return {
		add: (pages) => addInOrder(index, pages, read),
		writeFiles: (options) => index.writeFiles(options),
		getFiles: () => index.getFiles(),
	};
}

/** Indexes the finished site (see the top of this file), using what was indexed early if it can. */
async function indexSite(
	site: string,
	base: string,
	early: EarlyIndex | undefined,
	logger: { info: (message: string) => void },
	whileWriting: PagefindOptions['whileWriting'],
): Promise<void> {
	const started = performance.now();
	const stage = inPlaceBuild();
	const previous = stage?.previous.search;

	// The pages of this build: all of them, or in an incremental build those it wrote and those
	// Astro kept (the rest are left over from the last output, and removed after).
	const written = new Set<string>();
	const pages: string[] = [];
	const indexedBefore = new Set(previous?.pages ?? []);
	for (const page of htmlPages(site)) {
		if (!stage || stage.wrote(join(site, page))) {
			written.add(page);
			pages.push(page);
		} else if (stage.kept(page)) pages.push(page);
	}
	const readPage = (page: string) => readFileSync(join(site, page), 'utf8');
	// Kept pages are as the last output had them: indexed then if and only if now.
	const indexed = pages.filter((p) =>
		written.has(p) ? isIndexedPage(readPage(p)) : indexedBefore.has(p),
	);

	const unchanged =
		previous !== undefined &&
		indexed.every((p) => !written.has(p)) &&
		indexed.length === previous.pages.length &&
		previous.files.every((f) => existsSync(join(site, BUNDLE, f)));
	if (unchanged) {
		stage?.report('pagefind', {
			outputs: previous.files.map((f) => `${BUNDLE}/${f}`),
			state: { search: previous },
		});
		// The search page is rendered afresh on every build: it needs its tag and preloads again.
		finishSearchPage(site, base);
		whileWriting?.(site);
		logger.info(
			`search index: ${indexed.length} reports, none changed: the index is kept as it was${early ? ' (the indexing begun early is stopped)' : ''}`,
		);
		return;
	}

	// The early index serves when it holds the same pages in the same order; then those of the
	// pages this build wrote whose content is not what it read of them are handed over again (a
	// page of the same content would replace itself unchanged).
	const sameOrder = early !== undefined && samePages(early.pages, indexed);
	// Every page is written now: one the early index still waits for is read as it is.
	if (sameOrder) early?.complete();
	const usable = sameOrder && early !== undefined && (await early.ready);
	if (early && !usable) await early.stop();
	let index: SiteIndex;
	let again: number;
	if (usable) {
		index = early;
		const refreshed = await early.refresh(indexed.filter((p) => written.has(p)));
		assertNoErrors('indexing', refreshed.problems);
		again = refreshed.again;
	} else {
		index = indexHere(await newIndex(), readPage);
		assertNoErrors('indexing', await index.add(indexed));
		again = indexed.length;
	}
	const read = performance.now();
	let writing = false;
	const startWriting = () => {
		if (!writing) whileWriting?.(site);
		writing = true;
	};
	// Written over the last fragments of the pages this build kept when it can be
	// (src/lib/node/pagefind-fragments.ts); otherwise, or when that is not the index Pagefind
	// would write afresh, taken whole from Pagefind.
	const reuse =
		stage && previous
			? await writeOverLastFragments(index, {
					bundle: join(site, BUNDLE),
					scratch: join(stage.stateDir, 'pagefind-next'),
					last: previous,
					indexed,
					written,
					started: startWriting,
				})
			: 'a build from nothing';
	const result =
		typeof reuse !== 'string'
			? reuse
			: existsSync(join(site, BUNDLE))
				? await takeFiles(index, site, startWriting)
				: await writeWhole(index, site, startWriting);
	finishSearchPage(site, base);
	const paths = result.paths;
	stage?.report('pagefind', {
		outputs: paths.map((f) => `${BUNDLE}/${f}`),
		state: { search: { pages: indexed, files: paths } },
	});
	const seconds = (t: number) => ((t - started) / 1000).toFixed(1);
	const how = usable ? `${again} indexed again, the rest while the site was built,` : 'indexed';
	const fragments =
		typeof reuse === 'string'
			? stage && previous
				? `; no fragment kept: ${reuse}`
				: ''
			: `, ${reuse.reused} fragments kept as they were`;
	logger.info(
		`search index: ${indexed.length} reports from ${pages.length} pages ${how} in ${seconds(read)} s, ${paths.length} files (${result.changed} written${fragments}) in ${seconds(performance.now())} s`,
	);
}

/**
 * Has Pagefind write the index into the output, which holds none (a build from nothing): no
 * file's content passes through this thread.
 */
async function writeWhole(
	index: SiteIndex,
	site: string,
	startWriting: () => void,
): Promise<WrittenIndex> {
	const bundle = join(site, BUNDLE);
	const writing = index.writeFiles({ outputPath: bundle });
	startWriting();
	assertNoErrors('writing the index', (await writing).errors);
	const paths = readdirSync(bundle, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(bundle, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
	return { paths, changed: paths.length, reused: 0 };
}

/** Writes into the output those of the index's files that differ from what it holds. */
async function takeFiles(
	index: SiteIndex,
	site: string,
	startWriting: () => void,
): Promise<WrittenIndex> {
	const writing = index.getFiles();
	startWriting();
	const { files, errors } = await writing;
	assertNoErrors('writing the index', errors);
	const changed = files.filter((file) =>
		putFile(join(site, BUNDLE, file.path), file.content),
	).length;
	const paths = files.map((f) => f.path.split(sep).join('/')).sort();
	return { paths, changed, reused: 0 };
}
