/**
 * The Markdown body of a content file, read from the file itself: the content store keeps no raw
 * bodies (`retainBody: false` in src/content.config.ts, which halves the store every build reads).
 */
import { readFileSync } from 'node:fs';
import { readFrontmatter } from '../lib/checks/frontmatter.ts';

/** What follows the frontmatter of the file at `filePath` (as the archive records it). */
export function bodyOf(filePath: string): string {
	const fm = readFrontmatter(readFileSync(filePath, 'utf8'));
	return 'body' in fm ? fm.body : '';
}
