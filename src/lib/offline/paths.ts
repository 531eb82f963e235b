/**
 * What the service worker and the offline controls need to know about the site's paths: which
 * files never change under their name, which belong to the search engine, which files go with a
 * report page, and the headers stored with each kept copy. Browser-safe.
 */
import {
	OFFLINE_PATH,
	parseSitePath,
	reportFilePath,
	SEARCH_PATH,
	SEARCH_TERMS_PATH,
} from '../routes.ts';

/**
 * The citation files beside each report page (`src/lib/citation/files.ts` makes them; a unit test
 * checks the two lists agree). Kept with the page, so that a report read offline can be cited.
 */
export const CITATION_FILE_NAMES = ['cite.bib', 'cite.ris', 'cite.json'] as const;

/** When a copy was stored on the device (ISO date-time): shown as "the copy from …". */
export const SAVED_HEADER = 'x-brief-saved';
/** The content hash of a file saved in a collection, to reuse it when it has not changed. */
export const HASH_HEADER = 'x-brief-hash';

/** The slug of a report page's path (`/reports/a/` → `a`); undefined for any other path. */
export function reportSlugOf(path: string): string | undefined {
	const p = parseSitePath(path);
	if (p?.section !== 'reports' || !p.slug || !p.slash || p.rest !== '') return undefined;
	// `/reports/2022/` is a year's page: report slugs are never digits alone.
	return /^\d+$/.test(p.slug) ? undefined : p.slug;
}

/** The files kept with a page when it is kept: a report's citation files. */
export function companionsOf(path: string): string[] {
	const slug = reportSlugOf(path);
	return slug ? CITATION_FILE_NAMES.map((f) => reportFilePath(slug, f)) : [];
}

/**
 * A file the search page searches with: Pagefind's engine and index, and the table of names and
 * their spellings (`/search/terms.json`). Saved whole in each collection, never kept from a visit.
 */
export function isSearchFile(path: string): boolean {
	return path.startsWith('/pagefind/') || path === SEARCH_TERMS_PATH;
}

/**
 * Whether a file's name changes whenever its content does, so that any copy of it, however old,
 * is right: Astro's hashed styles and scripts, and Pagefind's content-hashed index files and the
 * entry file requested with the index's tag.
 */
export function isImmutable(path: string, search = ''): boolean {
	return (
		path.startsWith('/_astro/') ||
		/^\/pagefind\/(index|fragment|filter)\//.test(path) ||
		/^\/pagefind\/pagefind\.[^/]+\.pf_meta$/.test(path) ||
		(path === '/pagefind/pagefind-entry.json' && /^\?ts=./.test(search))
	);
}

/**
 * Pages the worker does not keep from a visit: the search page works offline only from a saved
 * collection (which holds the whole index it searches), and the offline page is installed with
 * the worker.
 */
export function keptOnVisit(path: string): boolean {
	return path !== SEARCH_PATH && path !== OFFLINE_PATH;
}
