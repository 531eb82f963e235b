/**
 * Pagefind's files that every search needs before its index: the engine's script and its
 * WebAssembly, and the index's entry file under the index's tag (the other files of the index
 * have names that change with every build). The search page preloads them, the header prefetches
 * the first two while a reader types a query.
 *
 * The tag is a hash of the index's content (`src/lib/node/offline-files.ts`, `pagefindTag`), known
 * only once the index is written: `src/integrations/pagefind.ts` writes it into the built search
 * page (`withIndexTag`) and adds the preloads of the entry and metadata files. The same tag names
 * the entry file in every collection saved for offline, so a saved search finds it; a new index
 * gets a new tag, so no reader is ever given an old entry file from a cache.
 */
import { PAGEFIND_PATH } from '../routes.ts';
import { INDEX_TAG_ATTR } from './dom.ts';

export const ENGINE_FILES = [`${PAGEFIND_PATH}pagefind.js`, `${PAGEFIND_PATH}wasm.en.pagefind`];

/** What the search page's tag reads until the build has indexed the site. */
export const PENDING_TAG = 'pending';

/** The index's entry file as Pagefind fetches it with `metaCacheTag: tag`. */
export function entryFile(tag: string): string {
	return `${PAGEFIND_PATH}pagefind-entry.json?ts=${encodeURIComponent(tag)}`;
}

/**
 * The index's metadata file, named by the entry file the build wrote (`pagefind.en_<hash>.pf_meta`):
 * Pagefind fetches it right after the entry file, so the search page preloads it too. The name
 * is known only once the index is written, after the pages: `src/integrations/pagefind.ts` adds
 * the preload to the built search page.
 */
export function metaFile(entry: unknown, language = 'en'): string | undefined {
	const languages = (entry as { languages?: Record<string, { hash?: unknown }> })?.languages;
	const hash = languages?.[language]?.hash;
	return typeof hash === 'string' && /^[\w-]+$/.test(hash)
		? `${PAGEFIND_PATH}pagefind.${hash}.pf_meta`
		: undefined;
}

/** A page with a `<link rel="preload">` for `href` added at the end of its head. */
export function withPreload(html: string, href: string): string {
	const link = `<link rel="preload" href="${href}" as="fetch" crossorigin="anonymous">`;
	return html.includes(link) ? html : html.replace('</head>', `${link}</head>`);
}

/** The search page with the index's tag written into its `<search-page>` (once, where pending). */
export function withIndexTag(html: string, tag: string): string {
	if (!/^[\w-]+$/.test(tag)) throw new Error(`not an index tag: ${tag}`);
	const pending = `${INDEX_TAG_ATTR}="${PENDING_TAG}"`;
	if (!html.includes(pending)) {
		if (html.includes(`${INDEX_TAG_ATTR}="${tag}"`)) return html;
		throw new Error(`the search page has no ${pending}`);
	}
	return html.replace(pending, `${INDEX_TAG_ATTR}="${tag}"`);
}

/**
 * Whether a built page is one Pagefind indexes: an element of it carries `data-pagefind-body`.
 * Read as an attribute inside a start tag, not as a word anywhere: a summary or a profile that
 * writes "data-pagefind-body" as text (escaped, so never inside a tag) must not make a listing
 * look indexed, which would make every incremental build index the whole archive again.
 */
export function isIndexedPage(html: string): boolean {
	return /<[a-zA-Z][^<>]*\sdata-pagefind-body(?=[\s=/>])/.test(html);
}
