/**
 * Collections saved for offline, in the reader's cache storage: saving one (with progress, and
 * cancellable), listing them, removing one, and the pages kept from visits. The page does this
 * itself, not the service worker, so it works whichever build's worker is running; the worker only
 * reads what is saved here (src/sw/service-worker.ts). Cache names: src/lib/offline/cache-names.ts.
 */
import { CACHE_PREFIX, packCacheName, packCaches } from '../lib/offline/cache-names.ts';
import type { PackFile, PackManifest } from '../lib/offline/manifest.ts';
import { HASH_HEADER, isImmutable, SAVED_HEADER } from '../lib/offline/paths.ts';
import { packManifestPath, withBase, type PackId } from '../lib/routes.ts';

/** The path the site is served under (Astro's `base`), with its trailing slash. */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** The URL a site path is requested at (`?ts=…` kept). */
export const urlOf = (path: string) => new URL(withBase(path, BASE), location.origin).href;

/** Whether this browser can keep pages: a service worker and cache storage, on a secure origin. */
export function offlineSupported(): boolean {
	return window.isSecureContext && 'serviceWorker' in navigator && 'caches' in window;
}

/** Where an unfinished save notes when it started. */
const STARTED_KEY = urlOf('/offline/__saving__');

/** A collection saved on this device. */
export interface SavedPack {
	manifest: PackManifest;
	/** When it was saved (ISO). */
	savedAt: string;
	cache: string;
}

/** A cache left by a save that never finished (the tab closed): removed after an hour. */
const STALE_MS = 60 * 60 * 1000;

/** Every collection saved on this device, newest first; unfinished saves are left out. */
export async function savedPacks(): Promise<SavedPack[]> {
	const saved: SavedPack[] = [];
	for (const info of packCaches(await caches.keys())) {
		const cache = await caches.open(info.name);
		const entry = await cache.match(urlOf(packManifestPath(info.id as PackId)));
		if (!entry) {
			const started = await cache.match(STARTED_KEY);
			const at = Date.parse((await started?.text()) ?? '');
			if (!(at > Date.now() - STALE_MS)) await caches.delete(info.name);
			continue;
		}
		saved.push({
			manifest: (await entry.json()) as PackManifest,
			savedAt: entry.headers.get(SAVED_HEADER) ?? '',
			cache: info.name,
		});
	}
	return saved;
}

/** The saved copy of a collection, if there is one (the newest). */
export async function savedPack(id: string): Promise<SavedPack | undefined> {
	return (await savedPacks()).find((s) => s.manifest.id === id);
}

/** Removes every saved copy of a collection. */
export async function removePack(id: string): Promise<void> {
	const names = packCaches(await caches.keys()).filter((c) => c.id === id);
	await Promise.all(names.map((c) => caches.delete(c.name)));
}

export interface Progress {
	/** Bytes done, of `total` (the sizes the build measured). */
	done: number;
	total: number;
	files: number;
	of: number;
}

/** Thrown when a file does not match the collection's list: the site changed while saving. */
export class ChangedWhileSaving extends Error {}

/** A file's content hash, as the build computes it (SHA-256, the first 20 hex digits). */
async function hashOf(body: ArrayBuffer): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
	return [...digest]
		.map((b) => b.toString(16).padStart(2, '0'))
		.join('')
		.slice(0, 20);
}

/** A saved copy of `file` with the same content, in any saved collection; undefined if none. */
async function reusable(file: PackFile, names: string[]): Promise<Response | undefined> {
	for (const name of names) {
		const found = await (await caches.open(name)).match(urlOf(file.path));
		if (found?.headers.get(HASH_HEADER) === file.hash) return found;
	}
	return undefined;
}

/** A response to keep: the body, its type, its hash and when it was saved. */
function keepable(body: ArrayBuffer, type: string | null, hash: string, savedAt: string) {
	const headers = new Headers({ [HASH_HEADER]: hash, [SAVED_HEADER]: savedAt });
	if (type) headers.set('content-type', type);
	return new Response(body, { headers });
}

/**
 * Saves a collection: its list first, then every file, four at a time, each checked against the
 * hash the build listed; files already saved with the same content (in this or another collection)
 * are copied, not downloaded again. The list goes in last, so a cache without it is an unfinished
 * save; a cancelled or failed save is deleted whole, and a finished one replaces any older copy
 * of the same collection.
 */
export async function savePack(
	id: PackId,
	options: { signal: AbortSignal; onProgress: (p: Progress) => void },
): Promise<SavedPack> {
	const { signal, onProgress } = options;
	const listUrl = urlOf(packManifestPath(id));
	const listResponse = await fetch(listUrl, { cache: 'no-cache', signal });
	if (!listResponse.ok)
		throw new Error(`the list of files could not be loaded (${listResponse.status})`);
	const listText = await listResponse.text();
	const manifest = JSON.parse(listText) as PackManifest;
	const name = packCacheName(id, manifest);
	const before = (await caches.keys()).filter((n) => n.startsWith(CACHE_PREFIX));
	const others = packCaches(before).map((c) => c.name);
	const savedAt = new Date().toISOString();
	const cache = await caches.open(name);
	await cache.put(STARTED_KEY, new Response(savedAt));
	// Asks the browser not to clear what is saved when space runs low (it may still ask the reader).
	void navigator.storage?.persist?.().catch(() => false);
	const progress: Progress = {
		done: 0,
		total: manifest.bytes,
		files: 0,
		of: manifest.files.length,
	};
	try {
		const queue = [...manifest.files];
		const worker = async () => {
			for (let file = queue.shift(); file; file = queue.shift()) {
				signal.throwIfAborted();
				const copy = await reusable(
					file,
					others.filter((n) => n !== name),
				);
				if (copy) {
					await cache.put(urlOf(file.path), copy);
				} else {
					const [path, search] = file.path.split('?');
					const response = await fetch(urlOf(file.path), {
						// Files named by their content can come from the HTTP cache; any other must be this build's.
						cache: isImmutable(path ?? '', search ? `?${search}` : '') ? 'default' : 'no-cache',
						signal,
					});
					if (!response.ok)
						throw new Error(`${file.path} could not be loaded (${response.status})`);
					const body = await response.arrayBuffer();
					const hash = await hashOf(body);
					if (hash !== file.hash) throw new ChangedWhileSaving(file.path);
					await cache.put(
						urlOf(file.path),
						keepable(body, response.headers.get('content-type'), hash, savedAt),
					);
				}
				progress.done += file.bytes;
				progress.files++;
				onProgress({ ...progress });
			}
		};
		await Promise.all([worker(), worker(), worker(), worker()]);
		signal.throwIfAborted();
		await cache.delete(STARTED_KEY);
		await cache.put(
			listUrl,
			new Response(listText, {
				headers: { 'content-type': 'application/json', [SAVED_HEADER]: savedAt },
			}),
		);
	} catch (error) {
		await caches.delete(name);
		throw error;
	}
	// The older copies of this collection, now replaced.
	await Promise.all(
		packCaches(await caches.keys())
			.filter((c) => c.id === id && c.name !== name)
			.map((c) => caches.delete(c.name)),
	);
	return { manifest, savedAt, cache: name };
}

/** A page kept from a visit: its address, title and when it was kept. */
export interface KeptPage {
	url: string;
	title: string;
	savedAt: string;
}

/** The pages kept from visits (not those in saved collections), newest first. */
export async function keptPages(): Promise<KeptPage[]> {
	const pages: KeptPage[] = [];
	for (const name of await caches.keys()) {
		if (!name.startsWith(`${CACHE_PREFIX}:site:`)) continue;
		const cache = await caches.open(name);
		for (const request of await cache.keys()) {
			const response = await cache.match(request);
			const savedAt = response?.headers.get(SAVED_HEADER);
			if (!response || !savedAt || !response.headers.get('content-type')?.includes('text/html'))
				continue;
			// Parsed inert (DOMParser runs no script and loads nothing), for its title only.
			const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
			pages.push({ url: request.url, title: doc.title || request.url, savedAt });
		}
	}
	const newest = new Map<string, KeptPage>();
	for (const p of pages.sort((a, b) => b.savedAt.localeCompare(a.savedAt)))
		if (!newest.has(p.url)) newest.set(p.url, p);
	return [...newest.values()];
}

/**
 * Removes everything this site keeps on the device from the reader's reading: saved collections,
 * and the pages (with their citation files and images) kept from visits. The offline page and the
 * site's styles and scripts, which say nothing of what was read, stay for the worker.
 */
export async function removeEverything(): Promise<void> {
	for (const name of await caches.keys()) {
		if (packCaches([name]).length) {
			await caches.delete(name);
		} else if (name.startsWith(`${CACHE_PREFIX}:site:`)) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				if ((await cache.match(request))?.headers.has(SAVED_HEADER)) await cache.delete(request);
			}
		}
	}
}

/** How much this site keeps on the device, if the browser says. */
export async function storageUsed(): Promise<number | undefined> {
	return (await navigator.storage?.estimate?.())?.usage;
}
