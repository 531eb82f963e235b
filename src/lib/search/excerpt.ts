/**
 * Pagefind excerpts are text with `<mark>` around matched words. They are rendered as DOM text
 * nodes, never through innerHTML: only Pagefind's own `<mark>` becomes markup, so a report that
 * quotes `<img src=x onerror=…>` shows those characters and runs nothing.
 */

export interface ExcerptPart {
	text: string;
	marked: boolean;
}

const ENTITIES: Record<string, string> = {
	'&amp;': '&',
	'&lt;': '<',
	'&gt;': '>',
	'&quot;': '"',
	'&#39;': "'",
	'&#x27;': "'",
	'&apos;': "'",
};

/** Decodes the few entities an HTML-escaped text can contain; anything else stays as written. */
export function decodeEntities(text: string): string {
	return text.replace(/&(?:amp|lt|gt|quot|apos|#39|#x27);/g, (e) => ENTITIES[e] ?? e);
}

/** Splits an excerpt into plain and marked runs of text. */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	let marked = false;
	for (const token of excerpt.split(/(<mark>|<\/mark>)/)) {
		if (token === '<mark>') marked = true;
		else if (token === '</mark>') marked = false;
		else if (token) parts.push({ text: decodeEntities(token), marked });
	}
	return parts;
}
