import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { nextVersion, versionText } from '../../../scripts/lib/version.ts';
import { versionSchema } from '../../../src/lib/model/schema.ts';

const REPORT = `---
title: "Kunduz: After the Offensive"
summary: 'A summary, with a comma.'
type: brief
status: published
published: "2022-04"
added: "2022-05-01"
authors: [jane-analyst]
groups: [taliban]
corrections:
  - date: "2022-05-03"
    was: "30 killed."
    now: "25 killed."
---

The body, *exactly* as it is.

## A heading
`;

describe('versionText', () => {
	const text = versionText(REPORT);

	it('keeps the fields a version shows, with dates as written, and the body byte for byte', () => {
		const { frontmatter, content } = parseFrontmatter(text);
		expect(versionSchema.parse(frontmatter)).toMatchObject({
			title: 'Kunduz: After the Offensive',
			summary: 'A summary, with a comma.',
			authors: ['jane-analyst'],
			published: { iso: '2022-04' },
			corrections: [{ date: { iso: '2022-05-03' }, was: '30 killed.', now: '25 killed.' }],
		});
		expect(frontmatter).not.toHaveProperty('groups');
		expect(frontmatter).not.toHaveProperty('status');
		expect(content).toBe(parseFrontmatter(REPORT).content);
		expect(content).toContain('\nThe body, *exactly* as it is.\n\n## A heading\n');
	});
});

describe('nextVersion', () => {
	it('counts on from the highest kept version, from 1', () => {
		expect(nextVersion([])).toBe(1);
		expect(nextVersion(['1.md', '2.md', 'notes.txt'])).toBe(3);
	});
});
