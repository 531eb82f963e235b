/**
 * Kept versions in the content checks: files under versions/ are read and checked like reports,
 * misplaced ones are named, and a record that does not add up stops the build with what to do.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/model/content-error.ts';
import type { Folder } from '../../../src/lib/checks/entries.ts';
import { validateContent } from '../../../src/lib/checks/validate.ts';

function folder(files: Record<string, string>): Folder {
	return {
		label: 'content',
		paths: Object.keys(files).sort(),
		read: (path) => new TextEncoder().encode(files[path] ?? ''),
	};
}

const CORRECTION =
	'corrections:\n  - date: "2026-03-05"\n    was: "Thirty killed."\n    now: "Twenty-three killed."\n';
const report = (fields = '', body = 'The text now.\n') =>
	`---\ntitle: A report\nsummary: One sentence.\ntype: brief\nstatus: published\npublished: "2026-03-01"\n${fields}---\n\n${body}`;
const version = (fields = '', body = 'The text then.\n') =>
	`---\ntitle: A report\nsummary: One sentence.\npublished: "2026-03-01"\n${fields}---\n\n${body}`;

async function lines(files: Record<string, string>): Promise<string[]> {
	const result = await validateContent({
		content: folder(files),
		public: folder({}),
		now: new Date('2026-06-01T00:00:00Z'),
		siteUrl: 'https://archive.example.org',
		anchors: () => Promise.resolve(new Set()),
	});
	return result.issues.map((i) => formatIssue(i));
}

describe('kept versions in the content checks', () => {
	it('pass when each change of the text is kept and explained', async () => {
		expect(
			await lines({
				'reports/a.md': report(CORRECTION),
				'versions/a/1.md': version(),
				'versions/README.md': '# Notes\n',
			}),
		).toEqual([]);
	});

	it('refuse a correction with no kept version, naming the command that keeps one', async () => {
		expect(await lines({ 'reports/a.md': report(CORRECTION) })).toEqual([
			'content/reports/a.md:8: corrections: the report lists a correction but keeps no earlier version: keep the text as it was before the change in content/versions/<slug>/1.md (npm run new:version -- <slug>)',
		]);
	});

	it('refuse a kept version whose report says nothing changed', async () => {
		expect(await lines({ 'reports/a.md': report(), 'versions/a/1.md': version() })).toEqual([
			'content/reports/a.md: corrections: the text changed after version 1 (content/versions/a/1.md), but no correction or update says how: add one, dated the day of the change',
		]);
	});

	it('name a version in the wrong place, of no report, or with a bad field', async () => {
		expect(
			await lines({
				'reports/a.md': report(CORRECTION),
				'versions/a/1.md': version(),
				'versions/a/first.md': version(),
				'versions/nope/1.md': version(),
				'versions/a/2.md': version('status: published\n'),
			}),
		).toEqual([
			'content/versions/a/2.md:5: status: is not a field of a kept version; its fields are title, titleSentenceCase, titleShort, summary, authors, published, corrections, updates',
			'content/versions/a/first.md: file: this file is not read by the build: a kept version is versions/<report slug>/<number>.md, numbered 1, 2, 3 …',
			'content/versions/nope/1.md: file: no report has the slug "nope"; a kept version lives in the folder named after its report',
		]);
	});

	it('check a version’s body as the report’s own: no script in an old text either', async () => {
		const found = await lines({
			'reports/a.md': report(CORRECTION),
			'versions/a/1.md': version('', 'Then.\n\n<script>alert(1)</script>\n'),
		});
		expect(found).toHaveLength(1);
		expect(found[0]).toMatch(/^content\/versions\/a\/1\.md:\d+: body: <script> is not allowed/);
	});
});
