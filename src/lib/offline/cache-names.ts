/**
 * The names of the caches the service worker and the "Save for offline" controls keep in the
 * reader's browser, and which of them to read first and which to delete. Browser-safe.
 *
 * Every cache belongs to one build, named by its date and version, so that nothing from one
 * build is ever mixed into another's cache:
 *
 * - `brief:site:<built>:<version>`: the pages the reader opened, with their styles, scripts and
 *   citation files, and the offline page (installed with the worker).
 * - `brief:pack:<id>:<built>:<version>`: one collection saved for offline, complete: its pages,
 *   its reports, the search page, its engine and the whole index, styles and scripts.
 *
 * `<built>` is the build's ISO date-time without separators (`20260301T100000Z`), so names sort
 * in build order. A newer build's worker keeps the site cache of the build before it (pages
 * opened under it may still be open, and their files must not disappear) and deletes older ones;
 * saved collections stay until the reader removes or updates them, each a consistent copy of the
 * build it was saved from.
 */

/** A build as the worker knows it: when it was built, and the hash of what it serves. */
export interface Build {
	/** ISO date-time. */
	built: string;
	version: string;
}

export const CACHE_PREFIX = 'brief';

/** `2026-03-01T10:00:00.000Z` → `20260301T100000Z` (sorts as the dates do). */
export function compactTime(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) throw new RangeError(`not a date-time: ${iso}`);
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
}

/** The cache of pages the reader opened under a build. */
export function siteCacheName(build: Build): string {
	return `${CACHE_PREFIX}:site:${compactTime(build.built)}:${build.version}`;
}

/** The cache of one collection saved from a build. */
export function packCacheName(id: string, build: Build): string {
	if (!/^(all|[a-z]+\/[^:\s]+)$/.test(id)) throw new RangeError(`not a collection id: ${id}`);
	return `${CACHE_PREFIX}:pack:${id}:${compactTime(build.built)}:${build.version}`;
}

export type CacheInfo =
	| { name: string; kind: 'site'; built: string; version: string }
	| { name: string; kind: 'pack'; id: string; built: string; version: string };

/** Reads a cache name back; undefined for any cache that is not ours, or not in this form. */
export function parseCacheName(name: string): CacheInfo | undefined {
	const site = /^brief:site:(\d{8}T\d{6}Z):([0-9a-f]+)$/.exec(name);
	if (site) return { name, kind: 'site', built: site[1]!, version: site[2]! };
	const pack = /^brief:pack:(all|[a-z]+\/[^:\s]+):(\d{8}T\d{6}Z):([0-9a-f]+)$/.exec(name);
	if (pack) return { name, kind: 'pack', id: pack[1]!, built: pack[2]!, version: pack[3]! };
	return undefined;
}

const newestFirst = (a: CacheInfo, b: CacheInfo) =>
	b.built.localeCompare(a.built) || b.name.localeCompare(a.name);

/**
 * The caches to delete when `current`'s worker takes over: site caches of builds before the one
 * before it, and any cache named `brief…` in another form (an older scheme). Saved collections are
 * never deleted here: only the reader removes them.
 */
export function cachesToDelete(names: readonly string[], current: Build): string[] {
	const mine = siteCacheName(current);
	const sites = names
		.map(parseCacheName)
		.filter((c): c is CacheInfo => c?.kind === 'site' && c.name !== mine)
		.sort(newestFirst);
	const keep = new Set([mine, ...(sites[0] ? [sites[0].name] : [])]);
	return names.filter(
		(name) =>
			name.startsWith(CACHE_PREFIX) && !keep.has(name) && parseCacheName(name)?.kind !== 'pack',
	);
}

/**
 * Where to look for a copy when the network fails: this build's site cache, then the saved
 * collections, newest first, then older site caches, newest first. Files with hashed names are
 * the same wherever they are found; a page is taken from the first cache that has it.
 */
export function lookupOrder(names: readonly string[], current: Build): string[] {
	const mine = siteCacheName(current);
	const ours = names.map(parseCacheName).filter((c): c is CacheInfo => c !== undefined);
	const packs = ours.filter((c) => c.kind === 'pack').sort(newestFirst);
	const sites = ours.filter((c) => c.kind === 'site' && c.name !== mine).sort(newestFirst);
	return [...(names.includes(mine) ? [mine] : []), ...packs, ...sites].map((c) =>
		typeof c === 'string' ? c : c.name,
	);
}

/** The saved collections' caches, newest first. */
export function packCaches(names: readonly string[]): Extract<CacheInfo, { kind: 'pack' }>[] {
	return names
		.map(parseCacheName)
		.filter((c): c is Extract<CacheInfo, { kind: 'pack' }> => c?.kind === 'pack')
		.sort(newestFirst);
}
