/**
 * The term table of this build (src/lib/search/term-table.ts), computed once: the search page's
 * index of names and `/search/terms.json` read the same one. It reads every public report's text
 * once, to know which spellings reports write (src/lib/outputs/term-table.ts).
 *
 * The text comes from the files themselves: the content store keeps no raw bodies
 * (`retainBody: false` in src/content.config.ts, which halves the store every build reads). The
 * search page always renders, so the table is never stale in an incremental build.
 */
import { readFileSync } from 'node:fs';
import { getArchive } from './archive.ts';
import { readFrontmatter } from '../lib/checks/frontmatter.ts';
import { profileText } from '../lib/markdown/profile.ts';
import { everySpelling, termTable, writtenSpellings } from '../lib/outputs/term-table.ts';
import type { TermEntry } from '../lib/search/term-table.ts';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../lib/model/kinds.ts';

let table: Promise<TermEntry[]> | undefined;

/** The Markdown body of a content file (what follows its frontmatter). */
function bodyOf(filePath: string): string {
	const fm = readFrontmatter(readFileSync(filePath, 'utf8'));
	return 'body' in fm ? fm.body : '';
}

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
