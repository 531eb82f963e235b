/**
 * The kept versions' loader reads exactly the files the checks read: the glob pattern, run
 * through tinyglobby (the globber Astro's glob loader uses), finds the paths `versionFileOf`
 * accepts and no others. A file the loader read but the checks skipped would be compiled
 * unchecked, MDX included.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION_PATTERN, versionFileOf } from '../../../src/lib/model/collections.ts';

const dir = mkdtempSync(join(tmpdir(), 'brief-versions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the kept versions’ glob pattern', () => {
	it('loads exactly the version files the checks read', () => {
		const paths = [
			'is-k/1.md',
			'is-k/2.mdx',
			'is-k/10.md',
			'is-k/01.md',
			'is-k/_notes.mdx',
			'is-k/draft.md',
			'is-k/1a.md',
			'_old/1.md',
			'.hidden/1.md',
		];
		for (const p of paths) {
			mkdirSync(dirname(join(dir, p)), { recursive: true });
			writeFileSync(join(dir, p), '');
		}
		const loaded = globSync(VERSION_PATTERN, { cwd: dir }).sort();
		expect(loaded).toEqual(['is-k/1.md', 'is-k/10.md', 'is-k/2.mdx']);
		expect(loaded).toEqual(paths.filter((p) => versionFileOf(p)).sort());
	});
});
