/**
 * The search page's term table (src/lib/search/term-table.ts) from the archive: every term of
 * every kind, in the order of the kinds and then by name, with its label, count and profile line.
 */
import type { AnyTerm, Archive } from '../archive/build-archive.ts';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../model/kinds.ts';
import type { TermEntry } from '../search/term-table.ts';
import { termLabel } from '../view/terms.ts';

/**
 * `profileOf` gives a term's profile text: it lives in the term's Markdown body, which the archive
 * does not hold.
 */
export function termTable(
	archive: Archive,
	profileOf: (kind: TaxonomyKind, slug: string) => string,
): TermEntry[] {
	return TAXONOMY_KINDS.flatMap((kind) =>
		(archive[kind] as AnyTerm[]).map((term) => {
			const short = term.kind === 'groups' ? term.data.shortName : undefined;
			const spellings = [...new Set(term.aliases)].filter((s) => s !== term.name && s !== short);
			return {
				kind,
				slug: term.slug,
				name: term.name,
				...(short ? { short } : {}),
				spellings,
				label: termLabel(term),
				count: term.reports.length,
				profile: profileOf(kind, term.slug),
			};
		}),
	);
}
