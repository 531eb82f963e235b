/**
 * The term table of this build (src/lib/search/term-table.ts), computed once: the search page's
 * index of names and `/search/terms.json` read the same one. It reads every public report's text
 * once, to know which spellings reports write (src/lib/outputs/term-table.ts).
 *
 * The text comes from the files themselves (./file-body.ts). The search page always renders, so
 * the table is never stale in an incremental build.
 */
import { getArchive } from './archive.ts';
import { bodyOf } from './file-body.ts';
import { profileText } from '../lib/markdown/profile.ts';
import { everySpelling, termTable, writtenSpellings } from '../lib/outputs/term-table.ts';
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
		const texts: string[] = [];
		for (const report of archive.reports) {
			texts.push(report.title, report.summary, bodyOf(report.filePath));
		}
		const written = writtenSpellings(texts, everySpelling(archive));
		return termTable(
			archive,
			(kind: TaxonomyKind, slug) => profiles.get(`${kind}/${slug}`) ?? '',
			written,
		);
	})();
	return table;
}
