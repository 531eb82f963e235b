/**
 * Writing a file only when it does not already hold the bytes: the search index's files (named by
 * their content, so most are the same from one build to the next) and the next stage after a
 * build from nothing (most files are the ones the previous output has). Reading and comparing is
 * cheaper than writing, and a file left alone keeps its times, which the incremental build reads.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Whether a file holds exactly these bytes already (false when there is none). */
export function holds(file: string, content: Uint8Array): boolean {
	try {
		if (statSync(file).size !== content.length) return false;
	} catch {
		return false;
	}
	return Buffer.compare(readFileSync(file), content) === 0;
}

/** Writes `content` to `file` unless it holds those bytes already; returns whether it wrote. */
export function putFile(file: string, content: Uint8Array): boolean {
	if (holds(file, content)) return false;
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, content);
	return true;
}

/**
 * Copies `from` to `to` unless `to` holds the same bytes already; returns whether it copied. At
 * 10,000 reports (61,671 files, all the same): 3.4 s against 10.8 s for copying them all.
 */
export function copyIfChanged(from: string, to: string): boolean {
	if (holds(to, readFileSync(from))) return false;
	mkdirSync(dirname(to), { recursive: true });
	copyFileSync(from, to);
	return true;
}
