/**
 * The term table of this build (src/lib/search/term-table.ts), computed once: the search page's
 * index of names and `/search/terms.json` read the same one.
 */
import { getArchive, getTermEntry } from './archive.ts';
import { profileText } from '../lib/markdown/profile.ts';
import { termTable } from '../lib/outputs/term-table.ts';
import type { TermEntry } from '../lib/search/term-table.ts';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../lib/model/kinds.ts';

let table: Promise<TermEntry[]> | undefined;

export function getTermTable(): Promise<TermEntry[]> {
	table ??= (async () => {
		const archive = await getArchive();
		const profiles = new Map<string, string>();
		for (const kind of TAXONOMY_KINDS) {
			for (const term of archive[kind]) {
				const entry = await getTermEntry(kind, term.slug);
				profiles.set(`${kind}/${term.slug}`, profileText(entry.body ?? ''));
			}
		}
		return termTable(archive, (kind: TaxonomyKind, slug) => profiles.get(`${kind}/${slug}`) ?? '');
	})();
	return table;
}
