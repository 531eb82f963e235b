/**
 * The service worker: keeps what a reader opened readable without a connection, and serves the
 * collections they saved. Bundled by the build into `/sw.js` (src/integrations/offline.ts) with
 * the build's date, version and the files it installs; hand-written, about two hundred lines, and
 * same-origin only: it never handles, makes or rewrites a request to another origin.
 *
 * - Pages (navigations): network first, so a reader online always gets the current page. The
 *   copy is kept (with its citation files, for a report); when the network fails, the kept copy
 *   is served with a line saying when it was made, or, for a page never opened, the offline page
 *   saying so. The search page offline comes only from a saved collection, which holds the whole
 *   index it searches.
 * - Files whose names carry their content hash (Astro's styles and scripts, Pagefind's index):
 *   from any cache first, since every copy is the same; else the network.
 * - Other files (images, citation files, Pagefind's engine): network first, then a kept copy.
 * - Anything else (feeds, JSON, other methods) is left to the browser.
 *
 * Caches are named per build (src/lib/offline/cache-names.ts), so a new build never mixes its
 * files with an old one's: a page and the files it names are always of one build. Saving and
 * removing collections is done by the page itself (src/scripts/offline-packs.ts), straight into
 * the cache storage, so a page never depends on this worker being of its own build.
 */
import {
	cachesToDelete,
	lookupOrder,
	packCaches,
	siteCacheName,
} from '../lib/offline/cache-names.ts';
import { copyNote, insertNote, notSavedNote, searchNotSavedNote } from '../lib/offline/notes.ts';
import {
	companionsOf,
	isImmutable,
	isSearchFile,
	keptOnVisit,
	SAVED_HEADER,
} from '../lib/offline/paths.ts';
import { OFFLINE_PATH, SEARCH_PATH, stripBase, withBase } from '../lib/routes.ts';

/** Written by the build: when it was built, its version, and the files the worker installs. */
declare const __BRIEF_SW__: { built: string; version: string; core: string[] };

// The parts of the service worker's global scope used here (the DOM library, which the rest of
// the project is checked against, does not describe them).
interface ExtendableEvent extends Event {
	waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
	request: Request;
	preloadResponse: Promise<Response | undefined>;
	respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
	location: Location;
	registration: {
		scope: string;
		navigationPreload?: { enable(): Promise<void> };
	};
	clients: {
		claim(): Promise<void>;
		matchAll(options: { type: 'window' }): Promise<readonly { url: string }[]>;
	};
	skipWaiting(): Promise<void>;
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const sw = self as unknown as WorkerScope;

const BUILD = __BRIEF_SW__;
const SITE_CACHE = siteCacheName(BUILD);
/** The path the site is served under (`/`, or `/briefs/`): the worker's scope. */
const BASE = new URL(sw.registration.scope).pathname;
const ORIGIN = sw.location.origin;

/** The URL a site path is requested at. */
const urlOf = (path: string) => `${ORIGIN}${withBase(path, BASE)}`;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(SITE_CACHE);
			// Files named by their content may come from the HTTP cache (the page just loaded most of
			// them); the offline page and the icon come fresh, never an older build's.
			await cache.addAll(
				BUILD.core.map(
					(path) => new Request(urlOf(path), { cache: isImmutable(path) ? 'default' : 'no-cache' }),
				),
			);
			await sw.skipWaiting();
		})(),
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const names = await caches.keys();
			// The first worker on this device: the page that registered it was never seen by one.
			const first = !names.some((n) => n.startsWith('brief:site:') && n !== SITE_CACHE);
			await Promise.all(cachesToDelete(names, BUILD).map((n) => caches.delete(n)));
			// Starts fetching a page while the worker itself starts up: a round trip saved on slow links.
			await sw.registration.navigationPreload?.enable().catch(() => undefined);
			await sw.clients.claim();
			// (After an update, the pages open were kept by the worker before, in its own cache.)
			if (first) await keepOpenPages();
		})(),
	);
});

/**
 * The pages already open when the worker first starts were loaded before it existed: kept now,
 * from the browser's HTTP cache where it still has them (`force-cache`), so the reader's first
 * page is readable offline too without being downloaded again.
 */
async function keepOpenPages(): Promise<void> {
	for (const client of await sw.clients.matchAll({ type: 'window' })) {
		const url = new URL(client.url);
		if (url.origin !== ORIGIN || !url.pathname.startsWith(BASE)) continue;
		const path = stripBase(url.pathname, BASE);
		const key = `${ORIGIN}${url.pathname}`;
		if (!keptOnVisit(path) || (await caches.match(key))) continue;
		try {
			const response = await fetch(key, { cache: 'force-cache' });
			if (response.ok && isHtml(response)) await keep(key, path, response);
		} catch {
			// Kept on the next visit.
		}
	}
}

/** The first copy of `key` in our caches, in lookup order (or only in `names`, if given). */
async function findCopy(key: string, names?: string[]): Promise<Response | undefined> {
	for (const name of names ?? lookupOrder(await caches.keys(), BUILD)) {
		const found = await (await caches.open(name)).match(key);
		if (found) return found;
	}
	return undefined;
}

/** A copy of `response` stamped with the moment it was kept. */
async function stamped(response: Response): Promise<Response> {
	const headers = new Headers(response.headers);
	headers.set(SAVED_HEADER, new Date().toISOString());
	return new Response(await response.blob(), {
		status: response.status,
		statusText: response.statusText,
		headers,
	});
}

/**
 * The most pages kept from visits (about 15 MB); past it, the page kept longest ago goes first.
 * Saved collections are not counted: they are kept whole until the reader removes them.
 */
const MAX_KEPT_PAGES = 300;

/** Drops the pages kept longest ago (a cache lists its entries oldest first), past the limit. */
async function trim(cache: Cache): Promise<void> {
	const pages = (await cache.keys()).filter((r) => new URL(r.url).pathname.endsWith('/'));
	for (const request of pages.slice(0, Math.max(0, pages.length - MAX_KEPT_PAGES))) {
		const path = stripBase(new URL(request.url).pathname, BASE);
		if (!keptOnVisit(path)) continue;
		await cache.delete(request);
		for (const file of companionsOf(path)) await cache.delete(urlOf(file));
	}
}

/** Keeps a page the reader opened, and (for a report) its citation files. */
async function keep(key: string, path: string, response: Response): Promise<void> {
	const cache = await caches.open(SITE_CACHE);
	// Put anew, so that it counts as the most recently kept.
	await cache.delete(key);
	await cache.put(key, await stamped(response));
	await trim(cache);
	await Promise.all(
		companionsOf(path).map(async (file) => {
			try {
				const r = await fetch(urlOf(file));
				if (r.ok) await cache.put(urlOf(file), await stamped(r));
			} catch {
				// Kept with the next visit.
			}
		}),
	);
}

const isHtml = (r: Response) => r.headers.get('content-type')?.includes('text/html') ?? false;

/** A page as HTML with a note at the top of its main content. */
async function withNote(
	response: Response,
	note: string,
	status = response.status,
): Promise<Response> {
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(insertNote(await response.text(), note), { status, headers });
}

async function navigate(event: FetchEvent, key: string, path: string): Promise<Response> {
	try {
		const response = (await event.preloadResponse) ?? (await fetch(event.request));
		if (response.ok && isHtml(response) && keptOnVisit(path)) {
			event.waitUntil(keep(key, path, response.clone()).catch(() => undefined));
		}
		return response;
	} catch {
		// No network: the kept copy, with the date it was made.
		const names = await caches.keys();
		const copy = await findCopy(
			key,
			path === SEARCH_PATH ? packCaches(names).map((c) => c.name) : undefined,
		);
		if (copy) return withNote(copy, copyNote(copy.headers.get(SAVED_HEADER) ?? ''), 200);
		const offline = await findCopy(urlOf(OFFLINE_PATH));
		if (offline) {
			const note = path === SEARCH_PATH ? searchNotSavedNote() : notSavedNote(withBase(path, BASE));
			return withNote(offline, note, 503);
		}
		return new Response('Offline, and this page is not saved on this device.', {
			status: 503,
			headers: { 'content-type': 'text/plain; charset=utf-8' },
		});
	}
}

/** A file named by its content: any copy will do; else the network, kept if it is ours to keep. */
async function immutable(request: Request, key: string, keepIt: boolean): Promise<Response> {
	const copy = await caches.match(key);
	if (copy) {
		// Found elsewhere (an older build's cache, a saved collection): kept here too, so that the
		// page asking for it stays whole when that cache goes.
		if (keepIt) {
			const clone = copy.clone();
			void caches.open(SITE_CACHE).then(async (c) => {
				if (!(await c.match(key))) await c.put(key, clone);
			});
		}
		return copy;
	}
	const response = await fetch(request);
	if (response.ok && keepIt) {
		const clone = response.clone();
		void caches.open(SITE_CACHE).then((c) => c.put(key, clone));
	}
	return response;
}

/** Network first (through the HTTP cache), then a kept copy. */
async function networkFirst(request: Request, key: string, keepIt: boolean): Promise<Response> {
	try {
		const response = await fetch(request);
		if (response.ok && keepIt) {
			const clone = await stamped(response.clone());
			void caches.open(SITE_CACHE).then((c) => c.put(key, clone));
		}
		return response;
	} catch (error) {
		const copy = await findCopy(key);
		if (copy) return copy;
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	// Same origin and inside the site only; everything else is the browser's business.
	if (url.origin !== ORIGIN || !url.pathname.startsWith(BASE)) return;
	const path = stripBase(url.pathname, BASE);
	if (request.mode === 'navigate') {
		event.respondWith(navigate(event, `${ORIGIN}${url.pathname}`, path));
		return;
	}
	// The entry file of the search index is named by the index's tag, in its query.
	const key = isSearchFile(path) ? url.href : `${ORIGIN}${url.pathname}`;
	if (isImmutable(path, url.search)) {
		// The search index is kept only in saved collections, whole; a page's styles and scripts
		// are kept with the page.
		event.respondWith(immutable(request, key, !isSearchFile(path)));
		return;
	}
	const kept = ['image', 'style', 'script'].includes(request.destination);
	if (kept || isSearchFile(path) || companionsOf(path.replace(/[^/]+$/, '')).includes(path)) {
		event.respondWith(networkFirst(request, key, !isSearchFile(path)));
	}
});
