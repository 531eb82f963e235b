/**
 * The search page's term table (src/lib/search/term-table.ts) from the archive: every term of
 * every kind, in the order of the kinds and then by name, with its label, count, profile line and
 * the spellings that public reports actually write.
 *
 * Why the last: Pagefind matches a query word by its beginning and, finding no word that begins
 * so, shortens it until one does ("ISIL-K" finds "ISIS"). A spelling no report writes would only
 * find the wrong reports, slowly, so the search page searches only those that some report writes.
 */
import type { AnyTerm, Archive } from '../archive/build-archive.ts';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../model/kinds.ts';
import { pagefindForm } from '../search/expand.ts';
import { spellingsOf } from '../search/term-index.ts';
import type { TermEntry } from '../search/term-table.ts';
import { termLabel } from '../view/terms.ts';

/** Markdown link targets and markup characters, which are not words of the text. */
const MARKUP = /\]\([^)]*\)|[[\]*_`#|>~]/g;
const PLAIN = /^[a-z]+$/;

/** The words that make up a set of spellings, as Pagefind reads them: what texts are searched for. */
export interface SpellingWords {
	/** Each spelling that has words, with its words. */
	needed: Map<string, string[]>;
	/** Every word of every spelling. */
	wanted: Set<string>;
	/** The lengths of the wanted words, each once. */
	lengths: number[];
}

export function spellingWords(spellings: Iterable<string>): SpellingWords {
	const needed = new Map<string, string[]>();
	for (const spelling of spellings) {
		const form = pagefindForm(spelling);
		if (form) needed.set(spelling, form.split(' '));
	}
	const wanted = new Set([...needed.values()].flat());
	return { needed, wanted, lengths: [...new Set([...wanted].map((w) => w.length))] };
}

/**
 * The wanted words that begin some word of `texts`, sorted: a text's part of the answer, which
 * depends only on it and on the wanted words (so it can be kept between builds per text).
 */
export function begunWords(texts: Iterable<string>, words: SpellingWords): string[] {
	const seen = new Set<string>();
	for (const text of texts) {
		for (const token of text.replace(MARKUP, ' ').split(/\s+/)) {
			if (PLAIN.test(token)) seen.add(token);
			else {
				const form = pagefindForm(token);
				if (form) seen.add(form);
			}
		}
	}
	const begun = new Set<string>();
	for (const word of seen) {
		for (const n of words.lengths)
			if (n <= word.length && words.wanted.has(word.slice(0, n))) begun.add(word.slice(0, n));
	}
	return [...begun].sort();
}

/** The spellings every one of whose words is among `begun`. */
export function spellingsBegun(words: SpellingWords, begun: Iterable<string>): Set<string> {
	const has = new Set(begun);
	return new Set([...words.needed].filter(([, ws]) => ws.every((w) => has.has(w))).map(([s]) => s));
}

/**
 * Which of `spellings` the texts write, word by word as Pagefind reads them: a spelling is
 * written when each of its words begins some word of the texts ("IS-K" is written by "IS-K’s").
 */
export function writtenSpellings(
	texts: Iterable<string>,
	spellings: Iterable<string>,
): Set<string> {
	const words = spellingWords(spellings);
	return spellingsBegun(words, begunWords(texts, words));
}

/**
 * `profileOf` gives a term's profile text (it lives in the term's Markdown body, which the archive
 * does not hold); `written` says which spellings public reports write (`writtenSpellings`).
 */
export function termTable(
	archive: Archive,
	profileOf: (kind: TaxonomyKind, slug: string) => string,
	written: ReadonlySet<string>,
): TermEntry[] {
	return TAXONOMY_KINDS.flatMap((kind) =>
		(archive[kind] as AnyTerm[]).map((term) => {
			const short = term.kind === 'groups' ? term.data.shortName : undefined;
			const spellings = [...new Set(term.aliases)].filter((s) => s !== term.name && s !== short);
			const entry: TermEntry = {
				kind,
				slug: term.slug,
				name: term.name,
				...(short ? { short } : {}),
				spellings,
				written: [],
				label: termLabel(term),
				count: term.reports.length,
				profile: profileOf(kind, term.slug),
			};
			entry.written = spellingsOf(entry).filter((s) => written.has(s));
			return entry;
		}),
	);
}

/** Every spelling of every term of the archive. */
export function everySpelling(archive: Archive): string[] {
	return TAXONOMY_KINDS.flatMap((kind) =>
		(archive[kind] as AnyTerm[]).flatMap((term) => [
			term.name,
			...(term.kind === 'groups' && term.data.shortName ? [term.data.shortName] : []),
			...term.aliases,
		]),
	);
}
