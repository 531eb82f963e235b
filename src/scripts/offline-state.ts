/**
 * Two small facts the search page needs for offline reading, kept apart so that the search page
 * loads nothing more until it is offline (src/scripts/offline-search.ts). The index's tag, which
 * lets a saved collection's entry file be found offline, is on the page's `<search-page>`
 * (src/lib/search/engine.ts).
 */

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
