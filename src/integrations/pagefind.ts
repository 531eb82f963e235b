/**
 * Builds the Pagefind search index from the finished site, through Pagefind's Node API, in
 * `astro:build:done`. Any indexing error fails the build: a site whose search silently misses
 * reports is worse than no new site. (The community astro-pagefind integration only logs them.)
 *
 * What is indexed is decided in the HTML: only pages with an element marked `data-pagefind-body`
 * (the report article) are indexed, with filters, metadata and the sort key written by
 * `src/components/SearchIndexData.astro`. Pages are handed to Pagefind in the order of their
 * paths (a few at a time: IN_FLIGHT), so the same pages always give the same index, file for file.
 *
 * Pagefind has no incremental indexing (its issue #71): any change to an indexed page means
 * indexing every page again. In an incremental build (scripts/build.ts) the index is therefore
 * left exactly as it was when no indexed page was written and none was added or removed, which
 * is the case for most edits that are not to a report (a term's profile, a listing); otherwise
 * it is made afresh from every page, and only its files that changed are written (its file
 * names are hashes of their contents, so most files of an index made afresh are the same).
 *
 * Made afresh, but not from nothing: an incremental build starts indexing the last output's
 * pages (which the stage holds) as soon as Astro starts, so that Pagefind works on the second
 * core while Astro syncs, bundles and renders (`headStart`). When the build is done and it indexes
 * the same pages, those it wrote are handed over again (whether they were read early before, while
 * or after Astro wrote them): Pagefind replaces a page of the same address where it stands
 * (`fossick_one` in pagefind/src/lib.rs), so the index is the one the pages in path order give,
 * byte for byte.
 * When pages were added or removed, the early work is dropped and every page indexed again.
 *
 * Written, in an incremental build, over the last index's fragments: about half of writing an
 * index is compressing one fragment per page, and a page the build kept has the fragment it had.
 * Pagefind writes the index into a scratch folder holding an empty placeholder for each of those,
 * which it does not write again, and the result is used only when the new index's metadata shows
 * that each placeholder stands for its own page (src/lib/node/pagefind-fragments.ts); otherwise
 * the index's files are taken whole from Pagefind, as in a build from nothing.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { inPlaceBuild } from '../lib/node/build-stage.ts';
import { pagefindTag } from '../lib/node/offline-files.ts';
import {
	holds,
	writeOverLastFragments,
	type WrittenIndex,
} from '../lib/node/pagefind-fragments.ts';
import { SEARCH_PATH, withBase } from '../lib/routes.ts';
import {
	entryFile,
	isIndexedPage,
	metaFile,
	withIndexTag,
	withPreload,
} from '../lib/search/engine.ts';

/** Where the index goes in the output. */
const BUNDLE = 'pagefind';

/**
 * How many pages are handed to Pagefind before the first is indexed: 4 made indexing 1,000
 * reports 1.1 s faster (5.2 s against 4.1 s) with the same index, byte for byte; 8 and 16 gave
 * no more.
 */
const IN_FLIGHT = 4;

/**
 * How many pages the early indexing keeps handed over ahead of Pagefind. Astro holds the event
 * loop for seconds at a time while it syncs and bundles; with only a few pages queued Pagefind
 * would then sit idle. 512 pages of about 40 KB is some 25 MB of messages waiting in the pipe,
 * and about two seconds of Pagefind's work.
 */
const EARLY_IN_FLIGHT = 512;

/** Throws when Pagefind reported errors: the build stops with Pagefind's own messages. */
function assertNoErrors(step: string, errors: readonly string[]): void {
	if (errors.length) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/** A new, empty English index; throws with Pagefind's messages when it cannot be made. */
async function newIndex(): Promise<PagefindIndex> {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
	assertNoErrors('createIndex', errors);
	if (!index) throw new Error('Pagefind createIndex returned no index');
	return index;
}

/**
 * Hands pages to an index in the order given, several in flight at once: while Pagefind indexes
 * one, the next is read and encoded. The order is still the pages' order: the service reads its
 * messages from one pipe and handles them one at a time as they arrive
 * (pagefind/src/service/mod.rs in Pagefind 1.6), and each call writes its message before it
 * returns. The incremental proof would see an index that depends on timing: it compares one made
 * so with a cold build's. Returns Pagefind's complaints, each naming its page.
 */
async function addInOrder(
	index: PagefindIndex,
	pages: readonly string[],
	content: (page: string) => string,
	ahead = IN_FLIGHT,
	signal?: AbortSignal,
): Promise<string[]> {
	const problems: string[] = [];
	const inFlight = new Set<Promise<void>>();
	for (const page of pages) {
		if (signal?.aborted) break;
		const job: Promise<void> = index
			.addHTMLFile({ sourcePath: page, content: content(page) })
			.then(
				(added) => void problems.push(...added.errors.map((e) => `${page}: ${e}`)),
				(error: unknown) => void problems.push(`${page}: ${String(error)}`),
			)
			.finally(() => inFlight.delete(job));
		inFlight.add(job);
		if (inFlight.size >= ahead) await Promise.race(inFlight);
	}
	await Promise.all(inFlight);
	return problems;
}

/** Pages indexed before Astro built the new ones, from the last output: the index and its pages. */
interface HeadStart {
	index: PagefindIndex;
	pages: readonly string[];
}

/**
 * Starts indexing the last output's indexed pages, in their order, from the stage that holds
 * them. Resolves to undefined when anything went wrong (a page missing, Pagefind complaining): the
 * build then indexes every page afresh, as it would without a head start. A page Astro writes
 * while it is read is handed over again at the end, as is every page this build wrote. Stopped
 * by `signal` when the build keeps the last index as it was: no page is handed over after that,
 * and the service is closed under the pages in flight.
 */
async function headStart(
	site: string,
	pages: readonly string[],
	signal: AbortSignal,
): Promise<HeadStart | undefined> {
	try {
		const index = await newIndex();
		const read = (page: string) => readFileSync(join(site, page), 'utf8');
		const problems = await addInOrder(index, pages, read, EARLY_IN_FLIGHT, signal);
		if (signal.aborted) return undefined;
		if (problems.length === 0) return { index, pages };
		await index.deleteIndex();
	} catch {
		// Dropped: every page is indexed afresh.
	}
	return undefined;
}

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
	let early: Promise<HeadStart | undefined> | undefined;
	const stopEarly = new AbortController();
	return {
		name: 'brief-archive:pagefind',
		hooks: {
			'astro:config:setup': ({ config, command }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				// An incremental build: the stage holds the last output, whose pages are indexed while
				// Astro works, on the other core.
				const last = command === 'build' ? inPlaceBuild()?.previous.search : undefined;
				if (last) early = headStart(fileURLToPath(config.outDir), last.pages, stopEarly.signal);
			},
			'astro:build:done': async ({ dir, logger }) => {
				try {
					await indexSite(fileURLToPath(dir), base, early, logger, options.whileWriting);
				} finally {
					// Early work the build did not use (the index was kept as it was, or indexing failed)
					// is stopped, not waited for: closing the service ends the pages in flight.
					stopEarly.abort();
					await pagefind.close();
					await early;
				}
			},
		},
	};
}

/** Indexes the finished site (see the top of this file), using what was indexed early if it can. */
async function indexSite(
	site: string,
	base: string,
	early: Promise<HeadStart | undefined> | undefined,
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

	// The early index serves when it holds the same pages in the same order; then the pages this
	// build wrote are handed over again (a page of the same content replaces itself unchanged).
	const head = await early;
	const usable = head !== undefined && samePages(head.pages, indexed);
	if (head && !usable) await head.index.deleteIndex();
	const index = usable ? head.index : await newIndex();
	const again = usable ? indexed.filter((p) => written.has(p)) : indexed;
	assertNoErrors('indexing', await addInOrder(index, again, readPage));
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
	const result = typeof reuse === 'string' ? await takeFiles(index, site, startWriting) : reuse;
	finishSearchPage(site, base);
	const paths = result.paths;
	stage?.report('pagefind', {
		outputs: paths.map((f) => `${BUNDLE}/${f}`),
		state: { search: { pages: indexed, files: paths } },
	});
	const seconds = (t: number) => ((t - started) / 1000).toFixed(1);
	const how = usable
		? `${again.length} indexed again, the rest while the site was built,`
		: 'indexed';
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

/** Writes into the output those of the index's files that differ from what it holds. */
async function takeFiles(
	index: PagefindIndex,
	site: string,
	startWriting: () => void,
): Promise<WrittenIndex> {
	const writing = index.getFiles();
	startWriting();
	const { files, errors } = await writing;
	assertNoErrors('writing the index', errors);
	let changed = 0;
	for (const file of files) {
		const target = join(site, BUNDLE, file.path);
		if (holds(target, file.content)) continue;
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, file.content);
		changed++;
	}
	const paths = files.map((f) => f.path.split(sep).join('/')).sort();
	return { paths, changed, reused: 0 };
}
