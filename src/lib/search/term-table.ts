/**
 * The term table: every group, region, topic and author with every spelling, as the search page
 * receives it (`/search/terms.json`, one small request made while the engine loads). The search
 * page expands a query's names into their spellings with it (`expand.ts`), names the terms on a
 * result card, and answers a query that names a term (`term-index.ts`). It is made at build time
 * by `src/lib/outputs/term-table.ts`.
 */
import type { TaxonomyKind } from '../model/kinds.ts';

export interface TermEntry {
	kind: TaxonomyKind;
	slug: string;
	name: string;
	/** A group's short name ("IS-K"), shown in cards. */
	short?: string;
	/** Every other spelling, as written in content/ (the name and short name not repeated). */
	spellings: string[];
	/**
	 * The name, short name and spellings that some public report writes: the only ones worth a
	 * query (src/lib/outputs/term-table.ts says why).
	 */
	written: string[];
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
