/**
 * Reads a finished build for the offline collections (`src/integrations/offline.ts`): each file's
 * download size and content hash, the search index's record of each report, and what a page needs
 * beside itself. Sizes are what a reader downloads: text gzipped (level 6, as static hosts and
 * CDNs serve it), files already compressed (Pagefind's index, images, WebAssembly) as they are.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync, gzipSync, type ZlibOptions } from 'node:zlib';
import type { FileFacts } from '../outputs/offline-packs.ts';
import type { FileCache } from './file-cache.ts';

/** How static hosts and CDNs compress what they send. */
const GZIP: ZlibOptions = { level: 6 };

/** Files that hosts send gzipped. */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|svg|txt|bib|ris)$/;

/** The dist/ file a site path is served from: `/reports/a/` → `reports/a/index.html`. */
export function fileOfPath(path: string): string {
	const clean = path.replace(/[?#].*$/, '').replace(/^\//, '');
	return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}

/** The site path a dist/ file is served at: `reports/a/index.html` → `/reports/a/`. */
export function pathOfFile(file: string): string {
	return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Measurements an incremental build may take over from the last one, for files it did not write.
 * A file is known by its path and its identity on disk (inode, size, modification and change
 * times): any write to it, a copy or a replacement changes one of them, and its entry is then
 * simply not found. Files written at or after `since` (this build's start) are always read.
 */
export interface KnownFacts {
	cache: FileCache<FileFacts>;
	since: number;
}

/** Measures a file of the output, by its site path (and, if it is not the usual one, its file). */
export interface FileMeasurer {
	(path: string, file?: string): FileFacts;
	/**
	 * The same, after giving the event loop its turn, so that thousands of files measured one
	 * after another leave room for other work (Pagefind's messages) between any two. On this
	 * thread, not Node's thread pool: the pool's asynchronous reads and zlib streams cost this
	 * thread more than the work itself (docs/benchmarks.md, 2026-12-04).
	 */
	later(path: string, file?: string): Promise<FileFacts>;
}

/**
 * Measures files of `dist`, keeping each file's gzipped size in `cache` under its content hash, so
 * that a file that has not changed since the last build is hashed but not compressed again; with
 * `known`, a file this build did not write is not even read when the last build measured it.
 */
export function fileMeasurer(
	dist: string,
	cache?: FileCache<number>,
	known?: KnownFacts,
): FileMeasurer {
	/** The last build's facts of a file this build did not write, and the key they are kept under. */
	const lookup = (file: string): { facts?: FileFacts | undefined; key?: string } => {
		if (!known) return {};
		const stat = statSync(join(dist, file));
		if (stat.mtimeMs >= known.since) return {};
		const key = [file, stat.ino, stat.size, stat.mtimeMs, stat.ctimeMs].join(' ');
		return { facts: known.cache.get(key), key };
	};
	const hashOfBody = (body: Buffer) => createHash('sha256').update(body).digest('hex').slice(0, 20);
	/** The download size when it is known without compressing: a file sent as it is, or cached. */
	const sizeKnown = (file: string, body: Buffer, hash: string) =>
		COMPRESSIBLE.test(file) ? cache?.get(hash) : body.length;
	const compressed = (hash: string, bytes: number) => {
		cache?.set(hash, bytes);
		return bytes;
	};
	const keep = (key: string | undefined, facts: FileFacts) => {
		if (key) known!.cache.set(key, facts);
		return facts;
	};

	const measure = (path: string, file = fileOfPath(path)): FileFacts => {
		const { facts, key } = lookup(file);
		if (facts) return facts;
		const body = readFileSync(join(dist, file));
		const hash = hashOfBody(body);
		const bytes = sizeKnown(file, body, hash) ?? compressed(hash, gzipSync(body, GZIP).length);
		return keep(key, { bytes, hash });
	};
	measure.later = async (path: string, file?: string): Promise<FileFacts> => {
		await new Promise((resolve) => setImmediate(resolve));
		return measure(path, file);
	};
	return measure;
}

/**
 * What a file holds, worked out once for each path and content: `of(path)` runs only when the
 * cache has nothing under the path and its content hash, and its answer is kept under both. The
 * path is part of the key because a file's name can be part of what it holds (a Pagefind
 * fragment's record id is its file name).
 */
export function byPathAndContent<V>(
	cache: FileCache<V>,
	hashOf: (path: string) => string,
	of: (path: string) => V,
): (path: string) => V {
	return (path) => {
		const key = `${path} ${hashOf(path)}`;
		let value = cache.get(key);
		if (value === undefined) cache.set(key, (value = of(path)));
		return value;
	};
}

/** Which files of the output belong to this build (relative to it, with `/`). */
export type InOutput = (file: string) => boolean;

/**
 * Every file under `dir` (relative to `root`, with `/`), or none if it does not exist; only those
 * `inOutput` accepts (an incremental build leaves the last output's files in place until it has
 * finished, and only then removes those no step produced).
 */
export function filesUnder(root: string, dir: string, inOutput: InOutput = () => true): string[] {
	const abs = join(root, dir);
	if (!existsSync(abs)) return [];
	return readdirSync(abs, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join('/'))
		.filter(inOutput)
		.sort();
}

const SIGNATURE = 'pagefind_dcd';

/** A Pagefind file's JSON: gzipped, behind a 12-byte signature. */
function readPagefindJson(file: string): unknown {
	let data = readFileSync(file);
	if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) data = gunzipSync(data);
	return JSON.parse(data.subarray(SIGNATURE.length).toString('utf8'));
}

/** The records of one fragment file: [result id, URL] for each page it holds. */
export type FragmentRecords = [id: string, url: string][];

/** The records a fragment file holds, read from it. */
export function fragmentRecords(dist: string, file: string): FragmentRecords {
	const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.pf_fragment$/, '');
	const json = readPagefindJson(join(dist, file)) as Record<string, unknown>;
	const found: FragmentRecords = [];
	const one = (id: string, fragment: unknown) => {
		const url = (fragment as { url?: unknown } | null)?.url;
		if (typeof url === 'string') found.push([id, url]);
	};
	if (typeof json.url === 'string') one(name, json);
	else for (const [id, fragment] of Object.entries(json)) one(id, fragment);
	return found;
}

/**
 * Each indexed page's search record, by its URL (as Pagefind indexed it, with any base): the
 * result id Pagefind gives it, and the fragment file that holds it. Pagefind writes one file per
 * page, or (for small pages) a group of pages in one file keyed by their ids; both are read, by
 * `read` (`fragmentRecords`, or a cache of it keyed by the file's content).
 */
export function pagefindRecords(
	dist: string,
	inOutput?: InOutput,
	read: (file: string) => FragmentRecords = (file) => fragmentRecords(dist, file),
): Map<string, { id: string; file: string }> {
	const records = new Map<string, { id: string; file: string }>();
	for (const file of filesUnder(dist, 'pagefind/fragment', inOutput)) {
		for (const [id, url] of read(file)) records.set(url, { id, file: `/${file}` });
	}
	return records;
}

/**
 * The files Pagefind's search needs to run at all, offline included: its script, its worker, the
 * WebAssembly of each indexed language, the highlighter (search results open pages with the words
 * marked), the metadata file and every word-index and filter chunk. The entry file is requested as
 * `pagefind-entry.json?ts=<tag>` (`metaCacheTag`), under that exact name.
 */
export function pagefindEngineFiles(dist: string, tag: string, inOutput?: InOutput): string[] {
	const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
		languages: Record<string, { hash: string; wasm?: string }>;
	};
	const languages = Object.values(entry.languages);
	return [
		'/pagefind/pagefind.js',
		'/pagefind/pagefind-worker.js',
		'/pagefind/pagefind-highlight.js',
		`/pagefind/pagefind-entry.json?ts=${tag}`,
		...languages.map((l) => `/pagefind/wasm.${l.wasm ?? 'unknown'}.pagefind`),
		...languages.map((l) => `/pagefind/pagefind.${l.hash}.pf_meta`),
		...filesUnder(dist, 'pagefind/index', inOutput).map((f) => `/${f}`),
		...filesUnder(dist, 'pagefind/filter', inOutput).map((f) => `/${f}`),
	];
}

/**
 * The content hash of the index, for `metaCacheTag`: its entry file and the metadata files it
 * names (not every `.pf_meta` in the folder: an incremental build leaves the last index's files
 * there until it has finished, and the tag must be a cold build's).
 */
export function pagefindTag(dist: string): string {
	const entryText = readFileSync(join(dist, 'pagefind/pagefind-entry.json'));
	const entry = JSON.parse(entryText.toString('utf8')) as {
		languages: Record<string, { hash: string }>;
	};
	const hash = createHash('sha256');
	hash.update(entryText);
	for (const l of Object.values(entry.languages).sort((a, b) => a.hash.localeCompare(b.hash)))
		hash.update(readFileSync(join(dist, 'pagefind', `pagefind.${l.hash}.pf_meta`)));
	return hash.digest('hex').slice(0, 16);
}
