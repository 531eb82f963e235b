/**
 * Word count and reading time, computed once per report by a remark plugin while the Markdown is
 * processed, and read back through `render(entry).remarkPluginFrontmatter`.
 */
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';

/** Words per minute of careful reading of analytical prose. */
export const WORDS_PER_MINUTE = 220;

export function countWords(text: string): number {
	return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Whole minutes, at least one. */
export function readingMinutes(words: number): number {
	return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

interface AstroVFileData {
	astro?: { frontmatter?: Record<string, unknown> };
}

/** Blocks whose text is read as one run; neighbouring blocks are separate words. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code', 'html']);

/**
 * The readable text of a document, block by block. `toString(tree)` alone would glue the last word
 * of a heading to the first of the next paragraph ("BackgroundThe").
 */
export function documentText(tree: Nodes): string {
	if (TEXT_BLOCKS.has(tree.type)) return toString(tree);
	if ('children' in tree) return tree.children.map((child) => documentText(child)).join(' ');
	return toString(tree);
}

/** Remark plugin: adds `words` and `minutesRead` to the entry's plugin frontmatter. */
export function remarkReadingTime() {
	return (tree: Root, file: { data: AstroVFileData }) => {
		const words = countWords(documentText(tree));
		const astro = (file.data.astro ??= {});
		const frontmatter = (astro.frontmatter ??= {});
		frontmatter.words = words;
		frontmatter.minutesRead = readingMinutes(words);
	};
}
