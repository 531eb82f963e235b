import { describe, expect, it } from 'vitest';
import { ContentError, formatIssue, sortIssues } from '../../../src/lib/model/content-error.ts';

describe('ContentError', () => {
	const a = { file: 'content/reports/a.md', field: 'groups[0]', message: 'unknown group "X"' };
	const b = { file: 'content/regions/b.md', field: 'parent', message: 'unknown region "Y"' };

	it('formats an issue as "file: field: message"', () => {
		expect(formatIssue(a)).toBe('content/reports/a.md: groups[0]: unknown group "X"');
	});

	it('lists every issue in its message, under a count', () => {
		const error = new ContentError([a, b]);
		expect(error.message).toBe(
			'2 content errors; nothing was published:\n' +
				'  - content/reports/a.md: groups[0]: unknown group "X"\n' +
				'  - content/regions/b.md: parent: unknown region "Y"',
		);
		expect(error.issues).toEqual([a, b]);
	});

	it('says "1 content error" in the singular', () => {
		expect(new ContentError([a]).message.split('\n')[0]).toBe(
			'1 content error; nothing was published:',
		);
	});

	it('is an Error named ContentError', () => {
		const error = new ContentError([a]);
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('ContentError');
	});
});

describe('formatIssue with a line', () => {
	it('puts the line after the file as "file:line", so terminals link to it', () => {
		const issue = {
			file: 'content/reports/a.md',
			field: 'groups[0]',
			message: 'unknown group "X"',
		};
		expect(formatIssue({ ...issue, line: 7 })).toBe(
			'content/reports/a.md:7: groups[0]: unknown group "X"',
		);
	});
});

describe('sortIssues', () => {
	it('orders by file, then line, keeping the original order of equal places', () => {
		const issues = [
			{ file: 'b.md', line: 3, field: 'x', message: '1' },
			{ file: 'a.md', line: 9, field: 'x', message: '2' },
			{ file: 'a.md', field: 'x', message: '3' },
			{ file: 'a.md', line: 2, field: 'x', message: '4' },
			{ file: 'a.md', line: 2, field: 'y', message: '5' },
		];
		expect(sortIssues(issues).map((i) => i.message)).toEqual(['3', '4', '5', '2', '1']);
	});
});
