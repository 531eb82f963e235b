/**
 * Searches a build's output for text that must not be there: the address of an unpublished
 * report, a test's canary string. Every file is read, whatever its type, and compressed files
 * are searched decompressed (Pagefind's index fragments are gzip), so nothing hides in a format
 * this module has not heard of.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join, relative, sep } from 'node:path';
import { gunzipSync, unzipSync } from 'node:zlib';

/** Where a needle was found: a file (relative to the output folder) or its path. */
export interface Finding {
	file: string;
	needle: string;
	/** `path` when the needle is in the file's own path, `content` when in its bytes. */
	in: 'path' | 'content';
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * A file's text for searching, lower-cased: decompressed when it is gzip (by its magic bytes) or
 * a Pagefind index file that zlib can inflate, as it is otherwise.
 */
export function searchableText(name: string, bytes: Uint8Array): string {
	let plain: Uint8Array = bytes;
	try {
		if (isGzip(bytes)) plain = gunzipSync(bytes);
		else if (/\.pf_[a-z]+$/.test(name)) plain = unzipSync(bytes);
	} catch {
		plain = bytes;
	}
	// Latin-1 maps every byte to one character, so binary files are searched too; ASCII needles
	// match the same bytes in UTF-8 text.
	return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength)
		.toString('latin1')
		.toLowerCase();
}

/** Every file under `dir`, relative to it, with `/` between folders. */
function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
		.sort();
}

/**
 * Searches every file under `dir`, and every file's path, for each needle (ASCII, compared
 * without regard to case). Returns every finding; none means the output is clean.
 */
export function scanOutput(dir: string, needles: readonly string[]): Finding[] {
	return scanFiles(dir, filesUnder(dir), needles);
}

/**
 * Searches the given files under `dir` (relative to it, with `/`) and their paths, as
 * `scanOutput` does: an incremental build scans the files it wrote with every needle, and the
 * files it kept only for needles they were not checked for before.
 */
export function scanFiles(
	dir: string,
	files: readonly string[],
	needles: readonly string[],
): Finding[] {
	const wanted = needles.map((n) => n.toLowerCase()).filter(Boolean);
	if (wanted.length === 0) return [];
	const groups = groupNeedles(wanted);
	const findings: Finding[] = [];
	for (const file of files) {
		const path = `/${file.toLowerCase()}`;
		const found = needlesIn(searchableText(file, readFileSync(join(dir, file))), groups);
		for (const needle of wanted) {
			if (path.includes(needle)) findings.push({ file, needle, in: 'path' });
			if (found.has(needle)) findings.push({ file, needle, in: 'content' });
		}
	}
	return findings;
}

/** How many characters of a needle are found by `indexOf` (the whole needle when shorter)… */
const PREFIX = 8;
/** …and how many pick its candidates where that prefix occurs. */
const KEY = 24;

/** Needles by their first `PREFIX` characters, then by their first `KEY` (the short ones apart). */
export interface NeedleGroups {
	groups: Map<string, { short: string[]; byKey: Map<string, string[]> }>;
}

/** Groups the needles for `needlesIn`. */
export function groupNeedles(needles: readonly string[]): NeedleGroups {
	const groups: NeedleGroups['groups'] = new Map();
	for (const needle of new Set(needles)) {
		const prefix = needle.slice(0, PREFIX);
		let group = groups.get(prefix);
		if (!group) groups.set(prefix, (group = { short: [], byKey: new Map() }));
		if (needle.length < KEY) group.short.push(needle);
		else {
			const key = needle.slice(0, KEY);
			const same = group.byKey.get(key);
			if (same) same.push(needle);
			else group.byKey.set(key, [needle]);
		}
	}
	return { groups };
}

/**
 * Which needles occur in `text`: the same answer as `text.includes(needle)` for each, in one pass
 * over the text per distinct prefix rather than one per needle. The leak check's needles are the
 * addresses of every unpublished report, all beginning `/reports/`: at 10,000 reports, 86 passes
 * over a gigabyte of output took 13.4 s. Every occurrence of a needle begins with its prefix and
 * its key, so testing the needles of that key wherever the prefix occurs misses none.
 */
export function needlesIn(text: string, { groups }: NeedleGroups): Set<string> {
	const found = new Set<string>();
	const test = (needles: readonly string[] | undefined, at: number) => {
		for (const needle of needles ?? []) if (text.startsWith(needle, at)) found.add(needle);
	};
	for (const [prefix, group] of groups) {
		for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + 1)) {
			test(group.short, at);
			if (group.byKey.size > 0) test(group.byKey.get(text.slice(at, at + KEY)), at);
		}
	}
	return found;
}

/** Fewer files than this are searched on this thread alone: a worker costs about 100 ms to start. */
export const PARALLEL_FROM = 2000;

/** The worker's findings (src/workers/output-scan-worker.ts), once it has searched all it was given. */
function scanInWorker(
	script: string,
	dir: string,
	files: readonly string[],
	needles: readonly string[],
): Promise<Finding[]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(script, { workerData: { dir, files, needles } });
		let findings: Finding[] | undefined;
		worker.once('message', (message: { findings: Finding[] }) => (findings = message.findings));
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (findings) resolve(findings);
			else
				reject(new Error(`the output scan worker stopped (exit code ${code}) before its findings`));
		});
	});
}

/**
 * `scanFiles` on two cores, with the same findings in the same order: from `PARALLEL_FROM` files
 * on, every other file is searched by a worker thread running `script` while this thread searches
 * the rest (alternate files, so that both get a share of the large ones). If the worker fails,
 * this thread searches its files too: a failure costs time, never a file unsearched.
 */
export async function scanFilesInParallel(
	dir: string,
	files: readonly string[],
	needles: readonly string[],
	script: string,
): Promise<Finding[]> {
	if (files.length < PARALLEL_FROM) return scanFiles(dir, files, needles);
	const ours = files.filter((_, i) => i % 2 === 0);
	const theirs = files.filter((_, i) => i % 2 === 1);
	const elsewhere = scanInWorker(script, dir, theirs, needles).catch(() => undefined);
	const found = scanFiles(dir, ours, needles);
	found.push(...((await elsewhere) ?? scanFiles(dir, theirs, needles)));
	const order = new Map(files.map((file, i) => [file, i]));
	return found.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
}

/** `scanOutput` on two cores (`scanFilesInParallel`). */
export function scanOutputInParallel(
	dir: string,
	needles: readonly string[],
	script: string,
): Promise<Finding[]> {
	return scanFilesInParallel(dir, filesUnder(dir), needles, script);
}
