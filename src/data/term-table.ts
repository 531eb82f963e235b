/**
 * The term table of this build (src/lib/search/term-table.ts), computed once: the search page's
 * index of names and `/search/terms.json` read the same one. It needs every public report's text,
 * to know which spellings reports write (src/lib/outputs/term-table.ts).
 *
 * The text comes from the files themselves (./file-body.ts), and what each report writes of the
 * wanted words is kept between builds beside Astro's cache, under the report's digest (its file's
 * hash), its title and summary and the wanted words: at 10,000 reports reading and splitting every
 * body took 3.7 s of each build's main thread (profiled), though one body had changed. The search
 * page always renders, so the table is never stale in an incremental build.
 */
import { join } from 'node:path';
import { getArchive, getDigest } from './archive.ts';
import { bodyOf } from './file-body.ts';
import { projectRoot } from './project.ts';
import { hashOf } from '../lib/hash.ts';
import { profileText } from '../lib/markdown/profile.ts';
import { cacheFolder, fileCache } from '../lib/node/file-cache.ts';
import { codeFingerprint } from '../lib/node/fingerprint.ts';
import {
	begunWords,
	everySpelling,
	spellingsBegun,
	spellingWords,
	termTable,
} from '../lib/outputs/term-table.ts';
import type { TermEntry } from '../lib/search/term-table.ts';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../lib/model/kinds.ts';

let table: Promise<TermEntry[]> | undefined;

export function getTermTable(): Promise<TermEntry[]> {
	table ??= (async () => {
		const archive = await getArchive();
		const profiles = new Map<string, string>();
		for (const kind of TAXONOMY_KINDS) {
			for (const term of archive[kind]) {
				profiles.set(`${kind}/${term.slug}`, profileText(bodyOf(term.filePath)));
			}
		}
		const words = spellingWords(everySpelling(archive));
		const asked = hashOf(...[...words.wanted].sort());
		// Under the fingerprint of src/lib, which holds the splitting into words.
		const cache = fileCache<string[]>(
			join(cacheFolder(projectRoot), 'brief-written-words.jsonl'),
			codeFingerprint(projectRoot),
		);
		const begun = new Set<string>();
		for (const report of archive.reports) {
			const key = hashOf(
				asked,
				await getDigest('reports', report.slug),
				report.title,
				report.summary,
			);
			let found = cache.get(key);
			if (!found) {
				found = begunWords([report.title, report.summary, bodyOf(report.filePath)], words);
				cache.set(key, found);
			}
			for (const word of found) begun.add(word);
		}
		const written = spellingsBegun(words, begun);
		return termTable(
			archive,
			(kind: TaxonomyKind, slug) => profiles.get(`${kind}/${slug}`) ?? '',
			written,
		);
	})();
	return table;
}
