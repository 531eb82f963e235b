/**
 * The term table: every group, region, topic and author with every spelling, as the search page
 * receives it (`/search/terms.json`, one small request made while the engine loads). The search
 * page expands a query's names into their spellings with it (`expand.ts`), names the terms of a
 * result card, and answers a query that names a term (`term-index.ts`).
 *
 * `termTable()` runs at build time; the types are shared with the browser.
 */
import type { AnyTerm, Archive } from '../archive/build-archive.ts';
import { regionLabel, TAXONOMIES, TAXONOMY_KINDS } from '../model/kinds.ts';
import type { TaxonomyKind } from '../model/terms.ts';

export interface TermEntry {
	kind: TaxonomyKind;
	slug: string;
	name: string;
	/** A group's short name ("IS-K"), shown in cards. */
	short?: string;
	/** Every other spelling, as written in content/ (the name and short name not repeated). */
	spellings: string[];
	/** "Armed group", "Province in Afghanistan", "Author, Rise to Peace". */
	label: string;
	/** Public reports filed under it (for a region, the places within it too). */
	count: number;
	/** The first sentences of its profile, as plain text. */
	profile: string;
}

export interface TermTableFile {
	terms: TermEntry[];
}

function labelOf(term: AnyTerm): string {
	const info = TAXONOMIES[term.kind];
	if (term.kind === 'regions') return regionLabel(term.data.kind, term.parent?.name);
	if (term.kind === 'authors' && term.data.affiliation)
		return `${info.singular}, ${term.data.affiliation}`;
	return info.singular;
}

/**
 * Every term of the archive, in the order of TAXONOMY_KINDS and then by name. `profileOf` gives
 * a term's profile text (it lives in the term's Markdown body, which the archive does not hold).
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
				label: labelOf(term),
				count: term.reports.length,
				profile: profileOf(kind, term.slug),
			};
		}),
	);
}
