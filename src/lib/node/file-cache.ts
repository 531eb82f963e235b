/**
 * Results kept between builds, for work that costs milliseconds a report and is the same as last
 * time for almost every report: formatted citations (`citation-styles.ts`), body scans and anchor
 * ids (`integrations/content-check.ts`); the social cards are kept as files under the same kind of
 * key (`card-pool.ts`).
 *
 * An entry is keyed by a hash of its input, under a fingerprint of everything else that shapes
 * the output (code, styles, versions), so a change to any of them is a miss, never a stale
 * result. The file is JSON Lines, appended to as entries are made and started afresh when the
 * fingerprint changes. Deleting it is always safe.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The folder the build's caches are kept in, beside Astro's own: `BRIEF_CACHE_DIR` (the tests'
 * and benchmarks' builds set it) or `node_modules/.astro`, relative to the project folder `root`.
 */
export function cacheFolder(root: string, env: NodeJS.ProcessEnv = process.env): string {
	return resolve(root, env.BRIEF_CACHE_DIR ?? 'node_modules/.astro');
}

/** A get/set store of values by key, for one fingerprint. */
export interface FileCache<V> {
	get(key: string): V | undefined;
	set(key: string, value: V): void;
}

/**
 * A cache kept in a JSON Lines file: a header line with the fingerprint, then one `{k, v}` line
 * per entry. A file with another fingerprint, or one that cannot be read, is started afresh; a
 * line that cannot be parsed is skipped.
 */
export function fileCache<V>(path: string, fingerprint: string): FileCache<V> {
	let entries: Map<string, V> | undefined;

	function load(): Map<string, V> {
		const map = new Map<string, V>();
		const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
		let header: unknown;
		try {
			header = JSON.parse(lines[0] ?? 'null');
		} catch {
			header = null;
		}
		if ((header as { fingerprint?: unknown } | null)?.fingerprint !== fingerprint) {
			mkdirSync(dirname(path), { recursive: true });
			writeFileSync(path, `${JSON.stringify({ fingerprint })}\n`);
			return map;
		}
		for (const line of lines.slice(1)) {
			if (!line) continue;
			try {
				const { k, v } = JSON.parse(line) as { k: string; v: V };
				if (typeof k === 'string') map.set(k, v);
			} catch {
				// A line cut short (an interrupted build) is simply made again.
			}
		}
		return map;
	}

	return {
		get(key) {
			entries ??= load();
			return entries.get(key);
		},
		set(key, value) {
			entries ??= load();
			entries.set(key, value);
			appendFileSync(path, `${JSON.stringify({ k: key, v: value })}\n`);
		},
	};
}
