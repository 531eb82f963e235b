import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEntry, listEntries, type Folder } from '../../../src/lib/checks/entries.ts';
import { validateContent } from '../../../src/lib/checks/validate.ts';
import { formatIssue } from '../../../src/lib/model/content-error.ts';
import { openEntryCache } from '../../../src/lib/node/entry-cache.ts';
import { readFolder } from '../../../src/lib/node/folder.ts';

const scratch = mkdtempSync(join(tmpdir(), 'brief-entries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const NOW = new Date('2026-06-01T00:00:00Z');

function folder(files: Record<string, string>): Folder {
	return {
		label: 'content',
		paths: Object.keys(files).sort(),
		read: (path) => new TextEncoder().encode(files[path] ?? ''),
	};
}

const reportText = (fields = '') =>
	`---\ntitle: A report\nsummary: One sentence.\ntype: brief\nstatus: published\npublished: 2022-05-07\n${fields}---\n\nBody.\n`;

async function check(files: Record<string, string>, cacheFile: string) {
	const entries = openEntryCache(cacheFile, 'fingerprint');
	const result = await validateContent({
		content: folder(files),
		public: folder({}),
		now: NOW,
		siteUrl: 'https://archive.example.org',
		anchors: () => Promise.resolve(new Set<string>()),
		entries,
	});
	entries.save();
	return result.issues.map((i) => formatIssue(i));
}

describe('the entry cache', () => {
	it('gives a file read from it the same fields, dates included, as reading it afresh', () => {
		const file = join(scratch, 'fields.v8');
		const content = folder({
			'reports/a.md': reportText("embargo: '2026-01-01T09:00:00+01:00'\n"),
		});
		const read = (cache?: ReturnType<typeof openEntryCache>) => {
			const [entry] = listEntries(content).entries;
			const issues = readEntry(entry!, content, cache);
			return { issues, data: entry!.data, body: entry!.frontmatter?.body };
		};
		const fresh = read();
		const writer = openEntryCache(file, 'v1');
		expect(read(writer)).toStrictEqual(fresh);
		writer.save();
		// Another process opens it: the entry comes from the file, not from parsing.
		const reader = openEntryCache(file, 'v1');
		const again = read(reader);
		expect(again).toStrictEqual(fresh);
		expect((again.data as { embargo: Date }).embargo).toBeInstanceOf(Date);
	});

	it('still gives the line of a mistake found in an unchanged file after another file changed', async () => {
		const file = join(scratch, 'lines.v8');
		const report = { 'reports/a.md': reportText('groups: [taliban]\n') };
		expect(
			await check({ ...report, 'groups/taliban.md': '---\nname: Taliban\n---\n' }, file),
		).toEqual([]);
		// The group is renamed: the unchanged report now names an unknown group, at its line.
		expect(
			await check({ ...report, 'groups/taleban.md': '---\nname: Taleban\n---\n' }, file),
		).toEqual([
			'content/reports/a.md:7: groups[0]: unknown group "taliban"; did you mean taleban (Taleban)? Known groups are listed in content/groups/',
		]);
	});

	it('gives every file of the archive the same fields, body and issues from the cache as read afresh', () => {
		const file = join(scratch, 'archive.v8');
		const content = readFolder(resolve('content'), process.cwd());
		const read = (cache?: ReturnType<typeof openEntryCache>) =>
			listEntries(content).entries.map((entry) => {
				const issues = readEntry(entry, content, cache);
				return { issues, data: entry.data, body: entry.frontmatter?.body };
			});
		const fresh = read();
		expect(fresh.length).toBeGreaterThan(10);
		const writer = openEntryCache(file, 'v1');
		expect(read(writer)).toStrictEqual(fresh);
		writer.save();
		expect(read(openEntryCache(file, 'v1'))).toStrictEqual(fresh);
	});

	it('reads a changed file again', async () => {
		const file = join(scratch, 'changed.v8');
		expect(await check({ 'reports/a.md': reportText() }, file)).toEqual([]);
		expect(
			await check({ 'reports/a.md': reportText().replace('type: brief', 'type: memo') }, file),
		).toEqual([
			'content/reports/a.md:4: type: "memo" is not allowed here; use one of: brief, analysis, special-report, backgrounder (did you mean "special-report"?)',
		]);
	});

	it('starts afresh when the code that reads has changed', () => {
		const file = join(scratch, 'fingerprint.v8');
		const content = folder({ 'reports/a.md': reportText() });
		const [entry] = listEntries(content).entries;
		const first = openEntryCache(file, 'old code');
		readEntry(entry!, content, first);
		first.save();
		const later = openEntryCache(file, 'new code');
		let hits = 0;
		readEntry(entry!, content, {
			get: (key) => {
				const hit = later.get(key);
				if (hit) hits++;
				return hit;
			},
			set: (key, value) => later.set(key, value),
		});
		expect(hits).toBe(0);
		// The same code again: a hit.
		const same = openEntryCache(file, 'old code');
		readEntry(entry!, content, {
			get: (key) => {
				const hit = same.get(key);
				if (hit) hits++;
				return hit;
			},
			set: (key, value) => same.set(key, value),
		});
		expect(hits).toBe(1);
	});
});
