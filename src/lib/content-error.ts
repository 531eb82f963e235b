/**
 * Content mistakes are reported all at once, each naming the file, the field, the bad value and
 * what is allowed, so an author can fix a build in one pass.
 */

export interface ContentIssue {
	/** Path of the file, relative to the project root. */
	file: string;
	/** The frontmatter field, e.g. `groups` or `attachments[0].url`. */
	field: string;
	/** What is wrong and what is allowed. */
	message: string;
}

export function formatIssue(issue: ContentIssue): string {
	return `${issue.file}: ${issue.field}: ${issue.message}`;
}

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
