/**
 * Looking terms up by what a reader types: any spelling of a group, region, topic or author, in
 * any case and punctuation (the archive's one key, `termKey`), the names inside a longer query,
 * and, for a small typo ("Talibn", "Kundus"), the closest term. One did-you-mean: the distance and
 * the threshold are those of `src/lib/model/nearest.ts`.
 */
import { nearest } from '../model/nearest.ts';
import { termKey } from '../model/terms.ts';
import type { TermEntry } from './term-table.ts';

/** A name found in a query: which words (`start` to `end`, exclusive) and the term they name. */
export interface NameInQuery {
	start: number;
	end: number;
	term: TermEntry;
}

export interface TermIndex {
	readonly terms: readonly TermEntry[];
	/** The term a whole text names, in any of its spellings, or undefined. */
	get(text: string): TermEntry | undefined;
	/** The term with this kind and slug. */
	bySlug(kind: TermEntry['kind'], slug: string): TermEntry | undefined;
	/** The names in a query, longest first from left to right ("Islamic State Khorasan"). */
	namesIn(words: readonly string[]): NameInQuery[];
	/** The term a text names, or the one it is a small typo of (one edit in four characters). */
	closest(text: string): { term: TermEntry; exact: boolean } | undefined;
	/** Terms whose names are plausibly what a text meant, nearest first (for "no results"). */
	suggest(text: string, max?: number): TermEntry[];
}

/** Every spelling of a term: name, short name, the other spellings. */
export function spellingsOf(term: TermEntry): string[] {
	return [term.name, ...(term.short ? [term.short] : []), ...term.spellings];
}

/**
 * Spellings this short ("IS", "AQ", "LeT", "TIP") are acronyms that collide with English words,
 * so they count only when written as the acronym is: same letters, same case.
 */
const ACRONYM_LENGTH = 3;

/** How many words a name can have; longer runs of a query are not looked up. */
const MAX_NAME_WORDS = 8;

/** Edits per character for the answer card's typo tolerance: "Kundus" for Kunduz, not "Kabul". */
const TYPO_WITHIN = 0.25;
/** Shorter queries are not corrected: at three letters everything is one edit from something. */
const TYPO_MIN_LENGTH = 4;

export function createTermIndex(terms: readonly TermEntry[]): TermIndex {
	const byKey = new Map<string, TermEntry>();
	/** Acronyms by their exact letters, e.g. "IS" → Islamic State. */
	const acronyms = new Map<string, TermEntry>();
	const bySlug = new Map<string, TermEntry>();
	for (const term of terms) {
		bySlug.set(`${term.kind}/${term.slug}`, term);
		for (const spelling of [...spellingsOf(term), term.slug]) {
			const key = termKey(spelling);
			if (!key) continue;
			if (key.replace(/ /g, '').length <= ACRONYM_LENGTH) {
				acronyms.set(spelling.replace(/[^\p{L}\p{N}]/gu, ''), term);
				continue;
			}
			// A spelling that two kinds share (a group and a place of one name) names the first.
			if (!byKey.has(key)) byKey.set(key, term);
		}
	}
	const get = (text: string): TermEntry | undefined => {
		const key = termKey(text);
		if (!key) return undefined;
		if (key.replace(/ /g, '').length <= ACRONYM_LENGTH)
			return acronyms.get(text.replace(/[^\p{L}\p{N}]/gu, ''));
		return byKey.get(key);
	};
	const keys = [...byKey.keys()];
	const nearestTerms = (text: string, max: number, within: number) => {
		const key = termKey(text);
		if (key.length < TYPO_MIN_LENGTH) return [];
		const found = nearest(key, keys, { max: max * 3, always: false, within });
		return [...new Set(found.map((k) => byKey.get(k)!))].slice(0, max);
	};
	return {
		terms,
		get,
		bySlug: (kind, slug) => bySlug.get(`${kind}/${slug}`),
		namesIn(words) {
			const names: NameInQuery[] = [];
			for (let start = 0; start < words.length;) {
				let found: NameInQuery | undefined;
				for (let end = Math.min(words.length, start + MAX_NAME_WORDS); end > start; end--) {
					const term = get(words.slice(start, end).join(' '));
					if (term) {
						found = { start, end, term };
						break;
					}
				}
				if (found) names.push(found);
				start = found ? found.end : start + 1;
			}
			return names;
		},
		closest(text) {
			const term = get(text);
			if (term) return { term, exact: true };
			const [near] = nearestTerms(text, 1, TYPO_WITHIN);
			return near ? { term: near, exact: false } : undefined;
		},
		suggest: (text, max = 3) => nearestTerms(text, max, 0.5),
	};
}
