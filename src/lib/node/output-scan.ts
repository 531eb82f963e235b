/**
 * Searches a build's output for text that must not be there: the address of an unpublished
 * report, a test's canary string. Every file is read, whatever its type, and compressed files
 * are searched decompressed (Pagefind's index fragments are gzip), so nothing hides in a format
 * this module has not heard of.
 */
import { readdirSync, readFileSync } from 'node:fs';
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
	const findings: Finding[] = [];
	for (const file of files) {
		const path = `/${file.toLowerCase()}`;
		const text = searchableText(file, readFileSync(join(dir, file)));
		for (const needle of wanted) {
			if (path.includes(needle)) findings.push({ file, needle, in: 'path' });
			if (text.includes(needle)) findings.push({ file, needle, in: 'content' });
		}
	}
	return findings;
}
