/**
 * Query expansion: Pagefind has no synonyms (its issue #777), so the search page does what a
 * synonym list would. The names in a query (`term-index.ts`) are replaced, one query per
 * spelling, by the spellings of their term that reports write (`TermEntry.written`); the page runs
 * each query and merges the results (`merge.ts`). "ISKP", which no report writes, finds the
 * reports that write "IS-K", "ISIS-K" or "Islamic State-Khorasan Province", and each excerpt marks
 * the spelling that report uses.
 *
 * Only written spellings are searched: Pagefind, finding no word that begins with a query word,
 * shortens it until one does ("ISIL-K" finds "ISIS"), so an unwritten spelling would only find
 * the wrong reports, slowly. The queries are deduplicated the way Pagefind reads them (lower case,
 * punctuation dropped, so "IS-K" and "ISK" are one query), and a one-word spelling that another
 * begins is left out: Pagefind matches words by their beginning, so "isk" already finds "ISKP".
 */
import type { NameInQuery, TermIndex } from './term-index.ts';
import type { TermEntry } from './term-table.ts';

/** At most this many Pagefind queries for one search. */
export const MAX_QUERIES = 12;
/** A spelling shorter than this ("IS", "AQ") begins too many words to search unless typed. */
const MIN_SPELLING_LENGTH = 3;

/** One Pagefind query of a search. */
export interface PlannedQuery {
	/** What Pagefind is asked; null for filters alone. */
	text: string | null;
	/**
	 * The name spellings in it of more than one word, as Pagefind reads them ("islamic state
	 * khorasan"): Pagefind finds their words anywhere in a report, so only where they stand
	 * together are they marked (`nameRuns`).
	 */
	phrases: string[];
	/** The spellings put in for the reader's own words, as written ("IS-K"), to say what was searched. */
	written: string[];
	/** The reader's words that are not names, as Pagefind reads them. */
	own: string[];
}

export interface ExpandedName {
	term: TermEntry;
	/** The words of the query that name it. */
	typed: string;
	/** The spellings searched for it, as written in content/. */
	searched: string[];
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

/**
 * The spellings worth a query of their own for one name: those reports write, the typed one first
 * when it is one of them. A name no report writes in any spelling is searched as typed (alone
 * and of several words, as a phrase: `expandQuery`).
 */
function alternatives(name: NameInQuery, typed: string): string[] {
	const written = name.term.written;
	const typedForm = pagefindForm(typed);
	const candidates = written.some((s) => pagefindForm(s) === typedForm)
		? [typed, ...written]
		: written;
	if (candidates.length === 0) return [typed];
	const seen = new Set<string>();
	const out: { text: string; form: string }[] = [];
	for (const text of candidates) {
		const form = pagefindForm(text);
		if (!form || seen.has(form)) continue;
		if (text !== typed && form.replace(/ /g, '').length < MIN_SPELLING_LENGTH) continue;
		seen.add(form);
		out.push({ text, form });
	}
	// Pagefind matches a word by its beginning: "isk" finds "iskp", so "iskp" adds nothing.
	const single = out.filter((a) => !a.form.includes(' '));
	return out
		.filter(
			(a) => a.form.includes(' ') || !single.some((b) => b !== a && a.form.startsWith(b.form)),
		)
		.map((a) => a.text);
}

/** Expands a query into the Pagefind queries that find every written spelling of its names. */
export function expandQuery(q: string, index: TermIndex, max = MAX_QUERIES): Expansion {
	const trimmed = q.trim();
	if (!trimmed)
		return {
			queries: [{ text: null, phrases: [], written: [], own: [] }],
			names: [],
			answer: undefined,
			phrase: false,
		};
	if (isPhrase(trimmed)) {
		const term = index.get(trimmed.replace(/^\s*"|"\s*$/g, ''));
		return {
			queries: [{ text: trimmed, phrases: [], written: [], own: [] }],
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
	const inNames = new Set(
		found.flatMap((n) => Array.from({ length: n.end - n.start }, (_, j) => n.start + j)),
	);
	const own = words
		.filter((_, i) => !inNames.has(i))
		.map(pagefindForm)
		.filter(Boolean);
	const queries: PlannedQuery[] = [];
	const first = found[0];
	const answer = first ? { term: first.term, exact: true } : index.closest(trimmed);
	// A name of several words that no report writes, typed alone ("Ahmad Shah Mohibi": authors'
	// names are in bylines, not in the indexed text) is searched as the phrase it is. As words,
	// Pagefind would find reports that write them apart, or their beginnings, and show them
	// unmarked; as a phrase it finds only a report that writes the name.
	if (first && found.length === 1 && own.length === 0 && words.length > 1) {
		if (first.term.written.length === 0)
			return {
				queries: [{ text: `"${trimmed}"`, phrases: [], written: [], own: [] }],
				names,
				answer,
				phrase: false,
			};
	}
	const build = (i: number, parts: string[], phrases: string[], written: string[]): void => {
		if (queries.length >= max) return;
		if (i === found.length) {
			const rest = words.slice(found.at(-1)?.end ?? 0);
			queries.push({ text: [...parts, ...rest].join(' '), phrases, written, own });
			return;
		}
		const name = found[i]!;
		const before = words.slice(i === 0 ? 0 : found[i - 1]!.end, name.start);
		for (const spelling of names[i]!.searched) {
			const form = pagefindForm(spelling);
			build(
				i + 1,
				[...parts, ...before, spelling],
				form.includes(' ') ? [...phrases, form] : phrases,
				form === pagefindForm(names[i]!.typed) ? written : [...written, spelling],
			);
		}
	};
	build(0, [], [], []);
	return { queries, names, answer, phrase: false };
}

/** Does a report's word (as Pagefind reads it) stand for a query word: it begins so, or its singular does. */
function standsFor(word: string, queryWord: string): boolean {
	return (
		word.startsWith(queryWord) ||
		(queryWord.length > 3 && queryWord.endsWith('s') && word.startsWith(queryWord.slice(0, -1)))
	);
}

/**
 * Where the name spellings of several words (`phrases`, as Pagefind reads them) stand together
 * in a report's words, among the matched positions: each run's first position and its length.
 */
export function nameRunStarts(
	words: readonly string[],
	hits: readonly number[],
	phrases: readonly string[],
): Map<number, number> {
	const starts = new Map<number, number>();
	const forms = new Map<number, string>();
	const form = (i: number) => {
		let f = forms.get(i);
		if (f === undefined) forms.set(i, (f = pagefindForm(words[i] ?? '')));
		return f;
	};
	for (const phrase of phrases) {
		const parts = phrase.split(' ');
		if (parts.length < 2) continue;
		for (const h of hits) {
			if (parts.every((p, j) => standsFor(form(h + j), p)))
				starts.set(h, Math.max(starts.get(h) ?? 0, parts.length));
		}
	}
	return starts;
}

/**
 * The matched positions to mark, for a report found by a query with name spellings of several
 * words (`phrases`): a word of such a name is kept where the whole name stands together
 * ("Islamic State Khorasan Province"), not where one of its words stands alone ("the state") or
 * is part of another hyphenated word ("inter-state", which Pagefind indexes as "state" too).
 * Words of the reader's own (`own`, as Pagefind reads them) are always kept.
 */
export function nameRuns(
	words: readonly string[],
	hits: readonly number[],
	phrases: readonly string[],
	own: readonly string[] = [],
): number[] {
	if (phrases.length === 0) return [...hits];
	const inRun = new Set<number>();
	for (const [start, length] of nameRunStarts(words, hits, phrases))
		for (let j = 0; j < length; j++) inRun.add(start + j);
	const phraseWords = phrases.flatMap((p) => p.split(' '));
	return hits.filter((h) => {
		const word = words[h] ?? '';
		const f = pagefindForm(word);
		if (inRun.has(h) || own.some((w) => standsFor(f, w))) return true;
		// The word and each part of it between hyphens, as Pagefind indexes a hyphenated word.
		const forms = [f, ...word.split(/[-‐]/).map(pagefindForm)];
		return !forms.some((x) => x && phraseWords.some((w) => standsFor(x, w)));
	});
}

/**
 * The query without the words that name a term (`typed`, as the query has them), for the answer
 * card's filter: "ISKP attacks" filtered by IS-K is "attacks". The first run of those words goes,
 * whatever their case; the rest of the query stays as typed.
 */
export function withoutName(q: string, typed: string): string {
	const words = q.trim().split(/\s+/);
	const name = typed
		.trim()
		.split(/\s+/)
		.map((w) => w.toLowerCase());
	for (let i = 0; i + name.length <= words.length; i++) {
		if (name.every((w, j) => words[i + j]!.toLowerCase() === w)) {
			return [...words.slice(0, i), ...words.slice(i + name.length)].join(' ');
		}
	}
	return q.trim();
}
