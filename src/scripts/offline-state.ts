/**
 * Two small facts the search page needs for offline reading, kept apart so that the search page
 * loads nothing more until it is offline (src/scripts/offline-search.ts).
 */
import { SEARCH_ENGINE_META, SEARCH_TAG_META } from '../lib/offline/paths.ts';

/**
 * Pagefind's `metaCacheTag`: the index's tag, which the build writes into the search page, so
 * that Pagefind asks for its entry file by a name a saved collection holds (without it, Pagefind
 * adds the time to the name and nothing could be found offline).
 */
export function indexTag(): { metaCacheTag?: string } {
	const tag = document.querySelector<HTMLMetaElement>(`meta[name="${SEARCH_TAG_META}"]`)?.content;
	return tag && tag !== 'pending' ? { metaCacheTag: tag } : {};
}

/**
 * Starts downloading the files Pagefind's worker asks for first (its entry file, the index's
 * metadata and the 60 KB WebAssembly, half of what a first search needs) as soon as the search
 * page runs, alongside Pagefind's script, instead of once the script, its worker and the entry
 * file have each made their round trip. Pagefind then gets them from the browser's HTTP cache
 * (Chromium waits for a download under way rather than starting another). Nothing is done when
 * the build named no files; a failure is Pagefind's to report when it asks itself.
 */
export function warmSearchEngine(): void {
	const urls = document.querySelector<HTMLMetaElement>(
		`meta[name="${SEARCH_ENGINE_META}"]`,
	)?.content;
	if (!urls || urls === 'pending') return;
	for (const url of urls.split(' ').filter(Boolean)) {
		void fetch(url)
			.then((r) => r.arrayBuffer())
			.catch(() => undefined);
	}
}

/** Whether this page was served from the device (the worker marks it) or the browser is offline. */
export function isOffline(): boolean {
	return !navigator.onLine || document.querySelector('[data-offline-copy]') !== null;
}

/**
 * Reloads the page when a new build's worker takes over from the one that served it. The search
 * page loads its index piece by piece as the reader types, by names that only its own build has;
 * once a new build is published those files may be gone, so the page is reloaded into the new
 * build (its search is in its URL, so it comes back as it was). Not on the first install, when no
 * worker served the page.
 */
export function reloadOnNewBuild(): void {
	const sw = navigator.serviceWorker as ServiceWorkerContainer | undefined;
	if (!sw?.controller) return;
	sw.addEventListener('controllerchange', () => location.reload(), { once: true });
}
