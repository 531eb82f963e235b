/**
 * Excerpts and section links, made from a report's indexed text and the positions of the words a
 * search matched. Pagefind makes excerpts too, but of one query at a time; a search that expands
 * into several spellings (`expand.ts`) merges their positions (`merge.ts`) and builds the excerpt
 * here, so it marks every spelling the report uses.
 *
 * The text is what Pagefind indexed: the report's title, summary and body (src/layouts/Report.astro
 * keeps everything else out). Excerpts are plain runs of text, marked or not; the page renders
 * them as text nodes, never as markup, so a report that quotes `<img onerror=…>` shows those
 * characters and runs nothing.
 */

export interface ExcerptPart {
	text: string;
	marked: boolean;
}

/** A heading of the indexed text: its id and the position of its first word. */
export interface Anchor {
	element: string;
	id: string;
	text: string;
	location: number;
}

/** A section of a result: the heading to link to and an excerpt from it. */
export interface SectionExcerpt {
	id: string;
	title: string;
	/** How many matched words it holds. */
	hits: number;
	/** Empty when the result's own excerpt is already from this passage. */
	parts: ExcerptPart[];
}

/**
 * Words as Pagefind counts them: its text split at white space, exactly as Pagefind's own excerpts
 * split it, so that its word positions index this list.
 */
export function pageWords(content: string): string[] {
	return content.split(/[^\S\uFEFF]+/);
}

/**
 * How many leading words are the title: the indexed text begins with the report's `<h1>`, which
 * the result shows as its heading, so excerpts start after it.
 */
export function titleLength(words: readonly string[], title: string): number {
	const titleWords = title.trim().split(/\s+/);
	const strip = (w: string) => w.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
	return titleWords.every((w, i) => strip(w) === strip(words[i] ?? '')) ? titleWords.length : 0;
}

/** A word split into the part to mark and the punctuation around it: `“IS-K’s,` → `IS-K`. */
function splitWord(word: string): [string, string, string] {
	const lead = /^[^\p{L}\p{N}]*/u.exec(word)![0];
	const rest = word.slice(lead.length);
	const trail = /(?:['’]s)?[^\p{L}\p{N}]*$/u.exec(rest)![0];
	const core = rest.slice(0, rest.length - trail.length);
	return core ? [lead, core, trail] : ['', '', word];
}

/** Runs of text for words `from` to `to` (exclusive), the matched positions marked. */
export function markWords(
	words: readonly string[],
	hits: ReadonlySet<number>,
	from: number,
	to: number,
): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	const push = (text: string, marked: boolean) => {
		if (!text) return;
		const last = parts.at(-1);
		if (last && last.marked === marked) last.text += text;
		else parts.push({ text, marked });
	};
	for (let i = from; i < to; i++) {
		const word = words[i] ?? '';
		// The space inside a run of matched words ("Islamic State Khorasan") is marked with them.
		if (i > from) push(' ', hits.has(i) && hits.has(i - 1) && parts.at(-1)?.marked === true);
		if (!hits.has(i)) {
			push(word, false);
			continue;
		}
		const [lead, core, trail] = splitWord(word);
		push(lead, false);
		push(core, true);
		push(trail, false);
	}
	return parts;
}

const ends = (word: string | undefined) => word === undefined || /[.!?:]["”’)]*$/.test(word);

/**
 * The passage of `length` words within `from`–`to` that holds the most matched words, starting a
 * few words before the first of them; with no matched word there, the start of the range.
 */
export function window(
	hits: readonly number[],
	from: number,
	to: number,
	length: number,
): [number, number] {
	const inside = hits.filter((h) => h >= from && h < to);
	const lead = Math.min(4, Math.floor(length / 6));
	let best = from;
	let bestCount = 0;
	for (const h of inside) {
		const start = Math.max(from, Math.min(h - lead, to - length));
		const count = inside.filter((x) => x >= start && x < start + length).length;
		if (count > bestCount) {
			best = start;
			bestCount = count;
		}
	}
	return [best, Math.min(to, best + length)];
}

const HEADING = /^h[2-6]$/i;

/** The headings of the text that sections begin at, in order. */
function headingsOf(anchors: readonly Anchor[]): Anchor[] {
	return anchors
		.filter((a) => HEADING.test(a.element) && a.id && a.text.trim())
		.sort((a, b) => a.location - b.location);
}

/** How many words a heading's own text takes. */
const headingWords = (a: Anchor) => a.text.trim().split(/\s+/).length;

/**
 * The passages of `from`–`to` between headings, each without its heading's words, so that an
 * excerpt never runs from one section into the heading of the next.
 */
function passages(from: number, to: number, anchors: readonly Anchor[]): [number, number][] {
	const out: [number, number][] = [];
	let start = from;
	for (const h of headingsOf(anchors)) {
		if (h.location < from) {
			start = Math.max(start, Math.min(to, h.location + headingWords(h)));
			continue;
		}
		if (h.location >= to) break;
		if (h.location > start) out.push([start, h.location]);
		start = Math.min(to, h.location + headingWords(h));
	}
	if (start < to) out.push([start, to]);
	return out.length ? out : [[from, to]];
}

export interface ExcerptOptions {
	/** The range of words to take it from (default: all). */
	from?: number;
	to?: number;
	/** How many words. */
	length: number;
	/** The text's headings: an excerpt stays between two of them. */
	anchors?: readonly Anchor[];
}

/**
 * Where an excerpt goes: the window of `length` words, within one passage between headings, that
 * holds the most matched words (`start`–`end`), and that passage (`low`–`high`).
 */
export function excerptWindow(
	words: readonly string[],
	hits: readonly number[],
	options: ExcerptOptions,
): { low: number; high: number; start: number; end: number } {
	const from = options.from ?? 0;
	const to = Math.min(options.to ?? words.length, words.length);
	let best: { low: number; high: number; start: number; end: number; count: number } | undefined;
	for (const [low, high] of passages(from, to, options.anchors ?? [])) {
		const [start, end] = window(hits, low, high, options.length);
		const count = hits.filter((h) => h >= start && h < end).length;
		if (!best || count > best.count) best = { low, high, start, end, count };
	}
	const { low, high, start, end } = best!;
	return { low, high, start, end };
}

/**
 * An excerpt of `words` around the matched positions (`excerptWindow`), with an ellipsis where
 * it cuts a sentence.
 */
export function excerpt(
	words: readonly string[],
	hits: readonly number[],
	options: ExcerptOptions,
): ExcerptPart[] {
	const { low, high, start, end } = excerptWindow(words, hits, options);
	const parts = markWords(words, new Set(hits), start, end);
	if (parts.length === 0) return parts;
	if (start > low && !ends(words[start - 1])) parts.unshift({ text: '… ', marked: false });
	if (end < high && !ends(words[end - 1])) parts.push({ text: ' …', marked: false });
	return parts;
}

/**
 * The sections of a report that hold matched words, for links under a result: at most `max`,
 * those with the most matches, in the order of the report. Each excerpt is from its own section;
 * it is left empty when the result's own excerpt (`shown`, a word range) already covers it.
 */
export function sectionExcerpts(
	words: readonly string[],
	hits: readonly number[],
	anchors: readonly Anchor[],
	options: { length: number; max: number; shown?: readonly [number, number] },
): SectionExcerpt[] {
	const headings = headingsOf(anchors);
	const found = headings
		.map((heading, i) => {
			const next = headings[i + 1]?.location ?? words.length;
			const start = Math.min(next, heading.location + headingWords(heading));
			const count = hits.filter((h) => h >= heading.location && h < next).length;
			return { heading, i, start, next, count };
		})
		.filter((s) => s.count > 0);
	const chosen = [...found]
		.sort((a, b) => b.count - a.count || a.i - b.i)
		.slice(0, options.max)
		.sort((a, b) => a.i - b.i);
	return chosen.map((s) => {
		const [start] = window(hits, s.start, s.next, options.length);
		const shown = options.shown;
		const repeats = shown !== undefined && start >= shown[0] && start < shown[1];
		return {
			id: s.heading.id,
			title: s.heading.text.trim(),
			hits: s.count,
			parts: repeats
				? []
				: excerpt(words, hits, { from: s.start, to: s.next, length: options.length }),
		};
	});
}

/**
 * The matched words as the report writes them, each once ("Kundoz", "IS-K"), for the report
 * page to highlight when a result is opened (`?highlight=…`). A name of several words that
 * stands together (`runs`: first position and length, from `nameRunStarts`) is one entry,
 * "Islamic State Khorasan", so that the report marks the name, not every "State" it writes.
 */
export function matchedWords(
	words: readonly string[],
	hits: readonly number[],
	max = 8,
	runs: ReadonlyMap<number, number> = new Map(),
): string[] {
	const out: string[] = [];
	let skipTo = -1;
	for (const h of hits) {
		if (h < skipTo) continue;
		const length = runs.get(h) ?? 1;
		const core = words
			.slice(h, h + length)
			.map((w) => splitWord(w)[1])
			.join(' ');
		skipTo = h + length;
		if (core && !out.includes(core)) out.push(core);
		if (out.length >= max) break;
	}
	return out;
}
