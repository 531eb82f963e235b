/**
 * Titles for citations. Reports carry their titles as published, in headline-style capitals
 * ("IS-K Seeks to Undermine the Taliban"). APA 7 wants sentence case ("IS-K seeks to undermine the
 * Taliban"), CSL-JSON should hold sentence case (CSL can turn sentence case into title case, not
 * the reverse), and BibTeX wants the title as published with the words that must keep their
 * capitals protected by braces ("{IS-K} Seeks to Undermine the {Taliban}").
 *
 * A word keeps its capitals when it is a known proper noun (the archive's group and place names,
 * short names and aliases), an acronym ("IS-K", "U.S."), a single capital letter ("I") or has a
 * capital inside it ("McChrystal"). The first word of the title and of a subtitle (after a colon
 * or a dash) stays as written. An author can override the result with `titleSentenceCase`.
 */

/** A title made ready for citation formats. */
export interface CitationTitle {
	/** As published: what Chicago and RIS print. */
	published: string;
	/** Sentence case: what APA prints and CSL-JSON holds. */
	sentence: string;
	/** The words of the published title, split on white space. */
	words: string[];
	/** For each word, whether BibTeX must protect its capitals with braces. */
	protect: boolean[];
}

const WORD_CORE = /^([^\p{L}\p{N}]*)(.*?)((?:['’]s)?[^\p{L}\p{N}]*)$/u;

/** The word without surrounding punctuation or a possessive ending: "Afghanistan’s," → "Afghanistan". */
function core(word: string): string {
	return WORD_CORE.exec(word)?.[2] ?? word;
}

/** "IS", "K", "U.S.", "McChrystal": a part of a word that is not just capitalised. */
function isAcronymLike(part: string): boolean {
	const letters = part.replace(/[^\p{L}]/gu, '');
	if (letters.length === 0) return false;
	const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
	if (upper >= 2 || (letters.length === 1 && upper === 1)) return true;
	return /\p{Ll}\p{Lu}/u.test(letters);
}

/** True when the word ends a title or subtitle part, so the next word starts a new one. */
function endsPart(word: string): boolean {
	return /[:?!]$|[—–]$/.test(word) || word === '—' || word === '–';
}

/**
 * Which words of a title keep their capitals mid-sentence: proper nouns from `properNouns`
 * (matched word by word, so "Islamic State" protects both words) and acronym-like words.
 */
function keptWords(words: readonly string[], properNouns: readonly string[]): boolean[] {
	const phrases = properNouns
		.map((p) => p.split(/\s+/).filter(Boolean))
		.filter((p) => p.length > 0)
		.sort((a, b) => b.length - a.length);
	const kept = words.map(() => false);
	for (let i = 0; i < words.length; i++) {
		const phrase = phrases.find(
			(p) => i + p.length <= words.length && p.every((w, j) => core(words[i + j]!) === w),
		);
		if (phrase) {
			for (let j = 0; j < phrase.length; j++) kept[i + j] = true;
			i += phrase.length - 1;
			continue;
		}
		const parts = core(words[i]!).split('-');
		if (parts.some(isAcronymLike)) kept[i] = true;
	}
	return kept;
}

/**
 * Lower-cases a headline-style word, keeping acronym-like parts of a hyphenated compound. At the
 * start of a title or subtitle the first part keeps its capital ("Counter-terrorism").
 */
function lowerWord(word: string, atStart: boolean): string {
	return word
		.split('-')
		.map((part, i) =>
			(atStart && i === 0) || isAcronymLike(core(part)) ? part : part.toLowerCase(),
		)
		.join('-');
}

/**
 * Prepares a title for citation formats.
 *
 * @param published the title as published (headline style)
 * @param properNouns names that keep their capitals: the archive's groups and places
 * @param sentenceOverride the author's own sentence-case title, when the automatic one is wrong
 */
export function citationTitle(
	published: string,
	properNouns: readonly string[],
	sentenceOverride?: string,
): CitationTitle {
	const words = published.split(/\s+/).filter(Boolean);
	const kept = keptWords(words, properNouns);
	const starts = words.map((_, i) => i === 0 || endsPart(words[i - 1]!));
	const sentence =
		sentenceOverride ?? words.map((w, i) => (kept[i] ? w : lowerWord(w, starts[i]!))).join(' ');

	// BibTeX styles lower-case every letter after the first of the title unless it is braced, so
	// brace what must keep its capitals, and an acronym even at the start ("{IS-K} Seeks…").
	let protect: boolean[];
	if (sentenceOverride === undefined) {
		protect = kept;
	} else {
		const own = sentenceOverride.split(/\s+/).filter(Boolean);
		const ownStarts = own.map((_, i) => i === 0 || endsPart(own[i - 1]!));
		protect =
			own.length === words.length
				? own.map(
						(w, i) =>
							(!ownStarts[i] && /\p{Lu}/u.test(w)) || core(w).split('-').some(isAcronymLike),
					)
				: words.map(() => true);
	}
	return { published: words.join(' '), sentence, words, protect };
}

/** "Afghanistan’s," → "{Afghanistan}’s,": braces around the word, not its punctuation. */
export function bracedCore(word: string): string {
	const m = WORD_CORE.exec(word);
	if (!m || !m[2]) return word;
	return `${m[1]}{${m[2]}}${m[3]}`;
}

/** Words a short title does not end on: articles, prepositions and conjunctions. */
const FUNCTION_WORDS = new Set(
	'a an the of in on at to for and or nor but with from by as into over under about against between after before since within without amid'.split(
		' ',
	),
);
const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * The short title of a Chicago short note (CMOS 17, 14.29–30), as published: the main title
 * without its subtitle (or, when the main title is only the report's type, "Special Report:",
 * the title after it), without an initial article, cut to four words when longer, never inside
 * a known proper noun ("Islamic State") and never ending on an article, preposition or
 * conjunction. An author's `titleShort` is taken as it is.
 *
 * @param published the title as published (headline style)
 * @param properNouns names that must not be cut: the archive's groups and places
 * @param typeName the report type's name ("Special report"), which a title may begin with
 */
export function shortTitle(
	published: string,
	properNouns: readonly string[],
	typeName = '',
	override?: string,
): string {
	if (override !== undefined) return override.trim();
	let words = published.split(/\s+/).filter(Boolean);
	const colon = words.findIndex((w) => /[:—–]$/.test(w) || w === '—' || w === '–');
	if (colon >= 0 && colon < words.length - 1) {
		const main = words
			.slice(0, colon + 1)
			.join(' ')
			.replace(/\s*[:—–]$/, '');
		words =
			main.toLowerCase() === typeName.toLowerCase()
				? words.slice(colon + 1)
				: words.slice(0, colon + 1);
	}
	words = words
		.map((w, i) => (i === words.length - 1 ? w.replace(/[:—–,;]+$/, '') : w))
		.filter(Boolean);
	if (words.length > 1 && ARTICLES.has(words[0]!.toLowerCase())) words = words.slice(1);
	if (words.length <= 4) return words.join(' ');
	let end = 4;
	const phrases = properNouns
		.map((p) => p.split(/\s+/).filter(Boolean))
		.filter((p) => p.length > 1);
	for (const phrase of phrases) {
		for (let start = Math.max(0, end - phrase.length + 1); start < end; start++) {
			const fits =
				start + phrase.length <= words.length &&
				phrase.every((w, j) => core(words[start + j]!) === w);
			if (fits && start + phrase.length > end) end = start + phrase.length;
		}
	}
	let cut = words.slice(0, end);
	while (cut.length > 1 && FUNCTION_WORDS.has(core(cut.at(-1)!).toLowerCase()))
		cut = cut.slice(0, -1);
	return cut.join(' ').replace(/[,;:]+$/, '');
}
