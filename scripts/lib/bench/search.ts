/**
 * Search cost in Chromium against a built site served on 127.0.0.1, for a fixed query set.
 *
 * - cold: a fresh browser context (empty HTTP cache); the clock starts when the query is made and
 *   includes loading Pagefind's engine and index, as a reader's first search does.
 * - warm: one page in which the engine is already loaded (outside the clock); each query is timed
 *   the first time it runs there, as a reader's next searches are.
 *
 * The whole reader's path (the site's search page, cold and typed, on two network profiles) is
 * measured by ./reader.ts.
 *
 * "Results" means the first ten results' data (URL, title, excerpt), as the results page shows.
 * Bytes are as transferred: the benchmark's server gzips text as any static host does.
 */
import {
	chromium,
	type Browser,
	type BrowserContext,
	type Page,
	type Request,
} from '@playwright/test';
import { chromiumLaunchOptions } from '../../../tests/support/chromium.ts';
import { PLANTED_PHRASE, RARE_WORD } from '../corpus.ts';
import { BLANK_PATH } from './static-server.ts';

export interface Query {
	label: string;
	/** The words typed, or null for filters alone. */
	q: string;
	/** Pagefind filters, by slug, as the site indexes them. */
	filters?: Record<string, string[]>;
	/** The same filters as search-page URL parameters (slugs). */
	params?: Record<string, string>;
}

/** The query set: common words, rare words, a phrase, an alias and a facet filter. */
export const QUERIES: readonly Query[] = [
	{ label: 'common word', q: 'security' },
	{ label: 'common words', q: 'recruitment networks' },
	{ label: 'rare word', q: RARE_WORD },
	{ label: 'phrase', q: `"${PLANTED_PHRASE}"` },
	{ label: 'alias', q: 'ISKP' },
	{
		label: 'facet filter',
		q: 'attack',
		filters: { group: ['taliban'] },
		params: { group: 'taliban' },
	},
];

export interface QueryResult {
	label: string;
	q: string;
	results: number;
	/** The first ten results' URLs, in order. */
	top: string[];
	ms: number;
	bytes: number;
	requests: number;
}

interface InPage {
	ms: number;
	results: number;
	top: string[];
}

/** Runs in the page: loads Pagefind (from `base`, merging `merge`) unless loaded, then searches. */
async function searchInPage(args: {
	base: string;
	merge: string[];
	q: string;
	filters?: Record<string, string[]> | undefined;
	preload: boolean;
}): Promise<InPage> {
	type Result = { data: () => Promise<{ url: string }> };
	type Engine = {
		options(o: Record<string, unknown>): Promise<void>;
		init(): Promise<void>;
		mergeIndex(url: string): Promise<void>;
		search(q: string, o: Record<string, unknown>): Promise<{ results: Result[] }>;
	};
	const w = window as unknown as { __pf?: Engine };
	const load = async (): Promise<Engine> => {
		if (w.__pf) return w.__pf;
		const pf = (await import(/* @vite-ignore */ `${args.base}pagefind.js`)) as Engine;
		await pf.options({ excerptLength: 28 });
		for (const url of args.merge) await pf.mergeIndex(url);
		w.__pf = pf;
		return pf;
	};
	if (args.preload) {
		const pf = await load();
		await pf.init();
	}
	const start = performance.now();
	const pf = await load();
	const response = await pf.search(args.q, args.filters ? { filters: args.filters } : {});
	const data = await Promise.all(response.results.slice(0, 10).map((r) => r.data()));
	return {
		ms: performance.now() - start,
		results: response.results.length,
		top: data.map((d) => new URL(d.url, location.href).pathname),
	};
}

interface Meter {
	bytes: number;
	requests: number;
	/** Stops counting and waits for the sizes of the requests already finished. */
	stop(): Promise<void>;
}

/** Counts the bytes a context transfers from now on (bodies as encoded, and headers). */
function meter(context: BrowserContext): Meter {
	const pending: Promise<void>[] = [];
	const onFinished = (request: Request) => {
		pending.push(
			request.sizes().then(
				(s) => {
					m.bytes += s.responseBodySize + s.responseHeadersSize;
					m.requests++;
				},
				() => undefined,
			),
		);
	};
	const m: Meter = {
		bytes: 0,
		requests: 0,
		async stop() {
			context.off('requestfinished', onFinished);
			await Promise.all(pending);
		},
	};
	context.on('requestfinished', onFinished);
	return m;
}

/** Runs one query in `page`, counting what `context` fetches meanwhile. */
async function timed(
	page: Page,
	context: BrowserContext,
	query: Query,
	index: { base: string; merge: string[] },
	settle: boolean,
): Promise<QueryResult> {
	const m = meter(context);
	const r = await page.evaluate(searchInPage, {
		...index,
		q: query.q,
		filters: query.filters,
		preload: false,
	});
	// Cold: let the engine's own background requests finish, as they count against the reader.
	if (settle) await page.waitForLoadState('networkidle');
	await m.stop();
	return { label: query.label, q: query.q, ...r, bytes: m.bytes, requests: m.requests };
}

export interface SearchRun {
	cold: QueryResult[];
	warm: QueryResult[];
}

export interface SearchOptions {
	/** The site's origin, e.g. http://127.0.0.1:4000 */
	origin: string;
	/** Where Pagefind's files are (default `/pagefind/`). */
	base?: string;
	/** Other indexes to merge into it (Pagefind's multisite search). */
	merge?: string[];
	/** The queries (default: all of QUERIES). */
	queries?: readonly Query[];
}

/** Runs the query set cold, warm and (optionally) through the search page. */
export async function benchSearch(options: SearchOptions, browser?: Browser): Promise<SearchRun> {
	const own = !browser;
	browser ??= await chromium.launch(chromiumLaunchOptions());
	const base = options.base ?? '/pagefind/';
	const merge = options.merge ?? [];
	// A page that loads nothing itself, so only the search's own requests are counted.
	const blank = `${options.origin}${BLANK_PATH}`;
	const run: SearchRun = { cold: [], warm: [] };
	const queries = options.queries ?? QUERIES;
	try {
		for (const query of queries) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(blank);
			run.cold.push(await timed(page, context, query, { base, merge }, true));
			await context.close();
		}
		{
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(blank);
			await page.evaluate(searchInPage, { base, merge, q: 'zzzz', preload: true });
			for (const query of queries) {
				run.warm.push(await timed(page, context, query, { base, merge }, false));
			}
			await context.close();
		}
	} finally {
		if (own) await browser.close();
	}
	return run;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
