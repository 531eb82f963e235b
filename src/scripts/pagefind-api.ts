/**
 * The parts of Pagefind's browser API (`/pagefind/pagefind.js`, written by the build) that the
 * site uses. The module does not exist until the site is built, so it is loaded by URL at run time.
 */
import { PAGEFIND_PATH } from '../lib/routes.ts';
import type { PagefindFilters } from '../lib/search/state.ts';
import type { Anchor } from '../lib/search/excerpt.ts';
import { sitePath } from './site-base.ts';

/** Where the build puts Pagefind's files, under the site's base (a sub-path, if any). */
const PAGEFIND_URL = sitePath(PAGEFIND_PATH);

export interface PagefindResultData {
	url: string;
	/** The indexed text: title, summary and body. */
	content: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
	anchors: Anchor[];
}

export interface PagefindResult {
	id: string;
	score: number;
	/** Positions of the matched words in the page's text. */
	words: number[];
	data: () => Promise<PagefindResultData>;
}

export interface PagefindSearchResponse {
	results: PagefindResult[];
	unfilteredResultCount: number;
	filters: Record<string, Record<string, number>>;
	totalFilters: Record<string, Record<string, number>>;
}

export interface SearchOptions {
	filters?: PagefindFilters;
	sort?: Record<string, 'asc' | 'desc'>;
}

/** One Pagefind instance (`createInstance`). */
export interface Pagefind {
	init(): Promise<void>;
	search(term: string | null, options?: SearchOptions): Promise<PagefindSearchResponse | null>;
	preload(term: string, options?: SearchOptions): Promise<void>;
}

interface PagefindModule {
	createInstance(options: Record<string, unknown>): Pagefind;
}

/** Loads a module of Pagefind's by URL; the path is a variable so the bundler leaves it alone. */
async function loadPagefindModule<T>(file: string): Promise<T> {
	const path = `${PAGEFIND_URL}${file}`;
	return (await import(/* @vite-ignore */ path)) as T;
}

/**
 * Loads the engine and starts its index loading at once.
 *
 * - In the page, not in Pagefind's worker: the worker is one more script to fetch before the
 *   index (a round trip on the critical path), and each search's results would be copied to the
 *   page; the page's own fetches also use what it preloaded (the WebAssembly, the entry file).
 * - `metaCacheTag`: the index's entry file is fetched as `pagefind-entry.json?ts=<tag>`, where
 *   the tag is a hash of the index's content (written into the page after indexing), so the page
 *   can preload it and a collection saved for offline holds it under the name the page asks for
 *   (Pagefind's default adds the time of each visit); a new index gets a new name.
 * - `basePath` under the site's base; Pagefind takes the results' base URL from it.
 * - Pagefind's own excerpts are not used (src/lib/search/excerpt.ts makes them): none is asked.
 */
export async function loadPagefind(indexTag: string): Promise<Pagefind> {
	const module = await loadPagefindModule<PagefindModule>('pagefind.js');
	const pagefind = module.createInstance({
		basePath: PAGEFIND_URL,
		excerptLength: 0,
		noWorker: true,
		metaCacheTag: indexTag,
	});
	void pagefind.init();
	return pagefind;
}
