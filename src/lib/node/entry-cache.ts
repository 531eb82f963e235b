/**
 * The content checks' reading of each file (`EntryCache` in src/lib/checks/entries.ts), kept on
 * disk between builds: `<cacheDir>/brief-entries.v8`, under a fingerprint of the code that reads
 * (src/lib and the lock file). It is written with Node's structured serialisation, which keeps
 * the dates of the fields as dates. One build reads the files three times over (the checks, the
 * social cards and the leak check in scripts/build.ts), so the one instance per file and process
 * is shared, and only the entries used in a run are written back. Deleting it is always safe.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CachedEntry, EntryCache } from '../checks/entries.ts';

export interface SavedEntryCache extends EntryCache {
	/** Writes the entries used since it was opened (atomically: beside, then renamed). */
	save(): void;
}

const open = new Map<string, SavedEntryCache>();

/** The cache kept in `file` for the code whose fingerprint is `fingerprint`, one per process. */
export function entryCache(file: string, fingerprint: string): SavedEntryCache {
	const id = `${file}\u0000${fingerprint}`;
	let cache = open.get(id);
	if (!cache) {
		cache = openEntryCache(file, fingerprint);
		open.set(id, cache);
	}
	return cache;
}

/** Opens the cache kept in `file` afresh, as another process would. */
export function openEntryCache(file: string, fingerprint: string): SavedEntryCache {
	let stored = new Map<string, CachedEntry>();
	try {
		if (existsSync(file)) {
			const data = deserialize(readFileSync(file)) as {
				fingerprint?: unknown;
				entries?: Map<string, CachedEntry>;
			};
			if (data.fingerprint === fingerprint && data.entries instanceof Map) stored = data.entries;
		}
	} catch {
		// Unreadable (cut short, another version): started afresh.
	}
	const used = new Map<string, CachedEntry>();
	let changed = false;
	return {
		get(key) {
			const hit = stored.get(key);
			if (hit) used.set(key, hit);
			return hit;
		},
		set(key, value) {
			stored.set(key, value);
			used.set(key, value);
			changed = true;
		},
		save() {
			if (!changed && used.size === stored.size) return;
			mkdirSync(dirname(file), { recursive: true });
			writeFileSync(`${file}.part`, serialize({ fingerprint, entries: used }));
			renameSync(`${file}.part`, file);
			stored = new Map(used);
			changed = false;
		},
	};
}
