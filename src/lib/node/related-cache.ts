/**
 * Related reports kept between builds. Computing them (src/lib/archive/related.ts) reads every
 * report's terms against every other's, about 1.5 s at 10,000 reports, and what they are made
 * of (each report's slug, terms, the author's choice, whether it still stands) is the same after
 * most edits: a body, a title, a summary. The last result is kept in one file with the hash of
 * exactly those inputs and of the code (`codeFingerprint`), and used again only when both match.
 * Deleting the file is always safe.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { computeRelated, type RelatableReport } from '../archive/related.ts';
import { hashOf } from '../hash.ts';

/** What the file holds. */
interface Kept {
	key: string;
	related: [string, string[]][];
}

/**
 * `computeRelated`, its last result kept in `file` under the hash of its inputs and `code` (a
 * fingerprint of the code that computes it). `compute` is there for the tests.
 */
export function keptRelated(
	file: string,
	code: string,
	compute: (reports: readonly RelatableReport[]) => Map<string, string[]> = computeRelated,
): (reports: readonly RelatableReport[]) => ReadonlyMap<string, readonly string[]> {
	return (reports) => {
		const key = hashOf(code, JSON.stringify(reports));
		try {
			if (existsSync(file)) {
				const kept = JSON.parse(readFileSync(file, 'utf8')) as Kept;
				if (kept.key === key && Array.isArray(kept.related)) return new Map(kept.related);
			}
		} catch {
			// Unreadable (cut short, or not ours): computed again and written anew.
		}
		const related = compute(reports);
		const kept: Kept = { key, related: [...related] };
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(`${file}.part`, JSON.stringify(kept));
		renameSync(`${file}.part`, file);
		return related;
	};
}
