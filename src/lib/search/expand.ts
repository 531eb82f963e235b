/**
 * Query expansion: Pagefind has no synonyms (its issue #777), so the search page does what a
 * synonym list would. The names in a query (`term-index.ts`) are replaced, one query per
 * spelling, by every spelling of their term; the page runs each query and merges the results
 * (`merge.ts`). "ISKP", which no report writes, finds the reports that write "IS-K", "ISIS-K" or
 * "Islamic State-Khorasan Province", and each excerpt marks the spelling that report uses.
 *
 * The queries are deduplicated the way Pagefind reads them (lower case, punctuation dropped, so
 * "IS-K" and "ISK" are one query), spellings too short to mean anything on their own ("IS",
 * "AQ") are left out unless the reader typed them, and a one-word spelling that another begins
 * is left out too: Pagefind matches words by their beginning, so "isk" already finds "ISKP".
 */
import { spellingsOf, type NameInQuery, type TermIndex } from './term-index.ts';
import type { TermEntry } from './term-table.ts';

/** At most this many Pagefind queries for one search (the reader's own among them). */
export const MAX_QUERIES = 12;
/** A spelling shorter than this (as Pagefind reads it) is searched only when typed. */
const MIN_SPELLING_LENGTH = 3;

export interface ExpandedName {
	term: TermEntry;
	/** The words of the query that name it. */
	typed: string;
	/** The spellings searched for it, as written in content/ (the typed one first). */
	searched: string[];
}

/** One Pagefind query of a search. */
export interface PlannedQuery {
	/** What Pagefind is asked; null for filters alone. */
	text: string | null;
	/**
	 * The spellings put in for names, as Pagefind reads them ("isilk"): a report found by this
	 * query must really contain them (`containsSpellings`), because Pagefind, finding no word
	 * that begins so, shortens the word until one does ("isil" finds "ISIS").
	 */
	spellings: string[];
	/** The same spellings as written in content/ ("ISIL-K"), to tell the reader what was searched. */
	written: string[];
}

export interface Expansion {
	/** The Pagefind queries, the reader's own first; one with `text: null` for filters alone. */
	queries: PlannedQuery[];
	/** The names found in the query. */
	names: ExpandedName[];
	/** What the answer card names: a term the query names, or nearly names (a typo). */
	answer: { term: TermEntry; exact: boolean } | undefined;
	/** True for a quoted phrase: searched exactly as typed. */
	phrase: boolean;
}

/**
 * A text as Pagefind reads a query: lower case, punctuation dropped (not turned into a space:
 * "IS-K" is "isk", "State-Khorasan" is "statekhorasan"), accents removed, spaces collapsed.
 */
export function pagefindForm(text: string): string {
	return text
		.replace(/[\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}]/gu, '')
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Is the whole query a quoted phrase (Pagefind's exact search)? */
export function isPhrase(q: string): boolean {
	return /^\s*".+"\s*$/.test(q);
}

/** The spellings worth a query of their own for one name, the typed one first. */
function alternatives(name: NameInQuery, typed: string): string[] {
	const seen = new Set<string>();
	const out: { text: string; form: string }[] = [];
	for (const [i, text] of [typed, ...spellingsOf(name.term)].entries()) {
		const form = pagefindForm(text);
		if (!form || seen.has(form)) continue;
		if (i > 0 && form.replace(/ /g, '').length < MIN_SPELLING_LENGTH) continue;
		seen.add(form);
		out.push({ text, form });
	}
	// Pagefind matches a word by its beginning: "isk" finds "iskp", so "iskp" adds nothing.
	const single = out.filter((a) => !a.form.includes(' '));
	return out
		.filter(
			(a, i) =>
				i === 0 ||
				a.form.includes(' ') ||
				!single.some((b) => b !== a && a.form.startsWith(b.form) && b.form !== a.form),
		)
		.map((a) => a.text);
}

/** Expands a query into the Pagefind queries that find every spelling of the names in it. */
export function expandQuery(q: string, index: TermIndex, max = MAX_QUERIES): Expansion {
	const trimmed = q.trim();
	if (!trimmed)
		return {
			queries: [{ text: null, spellings: [] }],
			names: [],
			answer: undefined,
			phrase: false,
		};
	if (isPhrase(trimmed)) {
		const inner = trimmed.replace(/^\s*"|"\s*$/g, '');
		const term = index.get(inner);
		return {
			queries: [{ text: trimmed, spellings: [], written: [] }],
			names: [],
			answer: term ? { term, exact: true } : undefined,
			phrase: true,
		};
	}
	const words = trimmed.split(/\s+/);
	const found = index.namesIn(words);
	const names: ExpandedName[] = found.map((n) => {
		const typed = words.slice(n.start, n.end).join(' ');
		return { term: n.term, typed, searched: alternatives(n, typed) };
	});
	// A query that is one name alone searches its longer spellings as phrases, so that
	// "Islamic State Khorasan Province" marks the name, not every "state" in the report.
	const alone = found.length === 1 && found[0]!.start === 0 && found[0]!.end === words.length;
	const queries: PlannedQuery[] = [];
	const build = (i: number, parts: string[], spellings: string[], written: string[]): void => {
		if (queries.length >= max) return;
		if (i === found.length) {
			const rest = words.slice(found.at(-1)?.end ?? 0);
			queries.push({ text: [...parts, ...rest].join(' '), spellings, written });
			return;
		}
		const name = found[i]!;
		const before = words.slice(i === 0 ? 0 : found[i - 1]!.end, name.start);
		for (const [j, spelling] of names[i]!.searched.entries()) {
			const text = alone && j > 0 && spelling.trim().includes(' ') ? `"${spelling}"` : spelling;
			// The reader's own words are searched as Pagefind reads them; only spellings put in
			// for them are checked.
			if (j === 0) build(i + 1, [...parts, ...before, text], spellings, written);
			else {
				const checked = [...spellings, pagefindForm(spelling)];
				build(i + 1, [...parts, ...before, text], checked, [...written, spelling]);
			}
		}
	};
	build(0, [], [], []);
	const first = found[0];
	const answer = first ? { term: first.term, exact: true } : index.closest(trimmed);
	return { queries, names, answer, phrase: false };
}

/**
 * Does a report found by a query really contain the spellings put into it? True when, for every
 * word of every spelling, a matched word of the report begins with it ("IS-K’s" for "isk"), or,
 * for a plural, with its singular ("Houthi" for "houthis", as Pagefind stems it). A report found
 * only because Pagefind shortened an absent spelling ("isil" → "ISIS") does not.
 */
export function containsSpellings(
	words: readonly string[],
	hits: readonly number[],
	spellings: readonly string[],
): boolean {
	const found = hits.map((h) => pagefindForm(words[h] ?? ''));
	const matches = (w: string) =>
		found.some(
			(f) => f.startsWith(w) || (w.length > 3 && w.endsWith('s') && f.startsWith(w.slice(0, -1))),
		);
	return spellings.every((s) => s.split(' ').every(matches));
}
