import { describe, expect, it } from 'vitest';
import { ContentError, formatIssue } from '../../src/lib/content-error.ts';

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
