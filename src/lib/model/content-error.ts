/**
 * Content mistakes are reported all at once, each naming the file, the field, the bad value and
 * what is allowed, so an author can fix a build in one pass.
 */

export interface ContentIssue {
	/** Path of the file, relative to the project root. */
	file: string;
	/** The line in the file, from 1, where it is known. */
	line?: number | undefined;
	/**
	 * The frontmatter field, e.g. `groups` or `attachments[0].url`; `body` for the Markdown body,
	 * `file` for the file itself (its name, encoding or metadata).
	 */
	field: string;
	/** What is wrong and what is allowed. */
	message: string;
}

/** `file:line: field: message`, the form editors and terminals turn into a link to the line. */
export function formatIssue(issue: ContentIssue): string {
	const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
	return `${where}: ${issue.field}: ${issue.message}`;
}

/** Issues in reading order: by file, then by line (issues without a line first), stable. */
export function sortIssues(issues: readonly ContentIssue[]): ContentIssue[] {
	return issues
		.map((issue, i) => ({ issue, i }))
		.sort(
			(a, b) =>
				(a.issue.file < b.issue.file ? -1 : a.issue.file > b.issue.file ? 1 : 0) ||
				(a.issue.line ?? 0) - (b.issue.line ?? 0) ||
				a.i - b.i,
		)
		.map(({ issue }) => issue);
}

/** Every content mistake of a build, thrown so that nothing is published. */
export class ContentError extends Error {
	readonly issues: readonly ContentIssue[];
	constructor(issues: readonly ContentIssue[]) {
		const n = issues.length;
		super(
			`${n} content ${n === 1 ? 'error' : 'errors'}; nothing was published:\n` +
				issues.map((i) => `  - ${formatIssue(i)}`).join('\n'),
		);
		this.name = 'ContentError';
		this.issues = issues;
	}
}
