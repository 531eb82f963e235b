/**
 * Word count and reading time, computed once per report by a remark plugin while the Markdown is
 * processed, and read back through `render(entry).remarkPluginFrontmatter`.
 */
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';

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

/** Remark plugin: adds `words` and `minutesRead` to the entry's plugin frontmatter. */
export function remarkReadingTime() {
	return (tree: Root, file: { data: AstroVFileData }) => {
		const words = countWords(toString(tree));
		const astro = (file.data.astro ??= {});
		const frontmatter = (astro.frontmatter ??= {});
		frontmatter.words = words;
		frontmatter.minutesRead = readingMinutes(words);
	};
}
