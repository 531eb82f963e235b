/**
 * `npm run new:version`: the kept copy of a report's text as it is now, before it changes. A kept
 * version holds the fields a version page and its citation show (`versionSchema`), as the report
 * gives them, and the body exactly as it is.
 */
import { parseDocument, stringify } from 'yaml';

/** The report fields a kept version keeps, in the order it writes them. */
export const VERSION_FIELDS = [
	'title',
	'titleSentenceCase',
	'titleShort',
	'summary',
	'authors',
	'published',
	'corrections',
	'updates',
] as const;

/** A report file split into its frontmatter text and its body (kept byte for byte). */
export function splitReport(source: string): { frontmatter: string; body: string } {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source.replace(/^\uFEFF/, ''));
	if (!m) throw new Error('the report has no frontmatter between two lines of ---');
	return { frontmatter: m[1]!, body: m[2]! };
}

/**
 * The text of a kept version of a report: its `VERSION_FIELDS`, with dates as the report wrote
 * them (quoted, so YAML never turns them into timestamps), and the body as it is.
 */
export function versionText(reportSource: string): string {
	const { frontmatter, body } = splitReport(reportSource);
	const data = parseDocument(frontmatter, { schema: 'failsafe' }).toJS() as Record<string, unknown>;
	const kept: Record<string, unknown> = {};
	for (const field of VERSION_FIELDS) if (data[field] !== undefined) kept[field] = data[field];
	const yaml = stringify(kept, {
		defaultStringType: 'QUOTE_DOUBLE',
		defaultKeyType: 'PLAIN',
		lineWidth: 0,
	});
	return `---\n${yaml}---\n${body}`;
}

/** The next version number of a report, from the file names of its kept versions. */
export function nextVersion(existing: readonly string[]): number {
	const numbers = existing
		.map((name) => /^([1-9]\d*)\.mdx?$/.exec(name)?.[1])
		.filter((n): n is string => n !== undefined)
		.map(Number);
	return numbers.length ? Math.max(...numbers) + 1 : 1;
}
