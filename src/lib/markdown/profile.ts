/**
 * A term's profile as a line of plain text, for the search page's answer card: the first
 * paragraph of the profile's Markdown, its markup removed (raw HTML too: the card shows text, and a
 * tag would show as its source), cut at a sentence end so that it stays
 * short (a card, not the page).
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse);

/** The first paragraph of `markdown` as plain text, at most about `max` characters. */
export function profileText(markdown: string, max = 240): string {
	const tree: Root = parser.parse(markdown);
	const first = tree.children.find((node) => node.type === 'paragraph');
	const text = first ? toString(first, { includeHtml: false }).replace(/\s+/g, ' ').trim() : '';
	if (text.length <= max) return text;
	// Whole sentences while they fit; a first sentence that alone is too long is cut at a word.
	const sentences = text.match(/[^.!?]+[.!?]+(?=\s|$)["”’)]*/g) ?? [];
	let out = '';
	for (const s of sentences) {
		if ((out + s).trim().length > max) break;
		out += s;
	}
	if (out.trim()) return out.trim();
	const cut = text.slice(0, max);
	return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}
