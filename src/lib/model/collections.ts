/**
 * The layout of the content folder, in one place: which collections there are, and which files
 * in each are entries. `src/content.config.ts` loads them with Astro's glob loader; the content
 * checks read the same files.
 */

import { perKind, TAXONOMY_KINDS, type TaxonomyKind } from './kinds.ts';

/** The collections, each a folder under the content directory: the reports and each taxonomy. */
export type CollectionName = 'reports' | TaxonomyKind;
export const COLLECTIONS: readonly CollectionName[] = ['reports', ...TAXONOMY_KINDS];

/** The file extensions of entries: reports may be MDX (components); the taxonomies are Markdown. */
export const ENTRY_EXTENSIONS: Readonly<Record<CollectionName, readonly string[]>> = {
	reports: ['md', 'mdx'],
	...perKind(() => ['md']),
};

/** The content directory when `BRIEF_CONTENT_DIR` does not name another. */
export const DEFAULT_CONTENT_DIR = './content';

/** The content directory: `BRIEF_CONTENT_DIR` (test fixtures, the benchmark corpus) or `./content`. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
	return env.BRIEF_CONTENT_DIR || DEFAULT_CONTENT_DIR;
}

/**
 * The glob pattern of a collection's entries: files directly in its folder, with an entry
 * extension, whose name does not start with `_` (a partial or a note).
 */
export function entryPattern(collection: CollectionName): string {
	const ext = ENTRY_EXTENSIONS[collection];
	return `[^_]*.${ext.length === 1 ? ext[0] : `{${ext.join(',')}}`}`;
}

/**
 * Whether a path, relative to the collection's folder, is an entry: the files `entryPattern`
 * matches (the glob skips dot-files too).
 */
export function isEntryPath(collection: CollectionName, path: string): boolean {
	if (path.includes('/') || path.startsWith('_') || path.startsWith('.')) return false;
	const dot = path.lastIndexOf('.');
	return dot > 0 && ENTRY_EXTENSIONS[collection].includes(path.slice(dot + 1));
}

/** The entry's file name without its extension: the slug, when the name is a valid one. */
export function entryName(path: string): string {
	return path.replace(/^.*\//, '').replace(/\.[^.]*$/, '');
}

/**
 * Kept earlier versions of reports live apart from the collections above, one folder per report:
 * `versions/<slug>/<n>.md` (or `.mdx`), `n` counting from 1. The glob pattern of their files,
 * relative to `versions/`.
 */
export const VERSIONS_FOLDER = 'versions';
/**
 * Exactly the paths `versionFileOf` accepts (a slug folder not starting with `_` or `.`, a number
 * from 1 without leading zeros): a file the loader read but the checks did not would be compiled
 * unchecked, MDX included.
 */
export const VERSION_PATTERN = '[^_.]*/[1-9]*([0-9]).{md,mdx}';

/** The report slug and version number of a path relative to `versions/`, if it is a version file. */
export function versionFileOf(path: string): { slug: string; number: number } | undefined {
	const m = /^([^/_.][^/]*)\/([1-9]\d*)\.mdx?$/.exec(path);
	return m ? { slug: m[1]!, number: Number(m[2]) } : undefined;
}
