/**
 * The table of contents of a report: its h2 and h3 headings, nested, without GFM's
 * screen-reader-only "Footnotes" heading (which the footnotes section carries itself).
 */

export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

export interface TocEntry {
	slug: string;
	text: string;
	children: TocEntry[];
}

const FOOTNOTES_ID = 'footnote-label';

export function buildToc(headings: readonly Heading[]): TocEntry[] {
	const toc: TocEntry[] = [];
	for (const h of headings) {
		if (h.slug === FOOTNOTES_ID || h.depth < 2 || h.depth > 3) continue;
		const entry: TocEntry = { slug: h.slug, text: h.text, children: [] };
		const parent = toc.at(-1);
		if (h.depth === 3 && parent) parent.children.push(entry);
		else toc.push(entry);
	}
	return toc;
}
