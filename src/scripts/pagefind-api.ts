/**
 * The parts of Pagefind's browser API (`/pagefind/pagefind.js`, written by the build) that the
 * site uses. The module does not exist until the site is built, so it is loaded by URL at run time.
 */
import type { PagefindFilters } from '../lib/search/state.ts';

export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	anchor?: { element: string; id: string; text: string; location: number };
}

export interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	sub_results: PagefindSubResult[];
}

export interface PagefindSearchResponse {
	results: { id: string; score: number; data: () => Promise<PagefindResultData> }[];
	unfilteredResultCount: number;
	filters: Record<string, Record<string, number>>;
	totalFilters: Record<string, Record<string, number>>;
}

export interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	search(
		term: string | null,
		options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> },
	): Promise<PagefindSearchResponse | null>;
}

/** Where the build puts Pagefind's files, under the path the site is served at (Astro's `base`). */
export const PAGEFIND_BASE = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/`;

/** Loads a module of Pagefind's by URL; the path is a variable so the bundler leaves it alone. */
export async function loadPagefindModule<T>(file: string): Promise<T> {
	const path = `${PAGEFIND_BASE}${file}`;
	return (await import(/* @vite-ignore */ path)) as T;
}

export const loadPagefind = () => loadPagefindModule<Pagefind>('pagefind.js');
