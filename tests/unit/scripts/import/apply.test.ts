import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	applyFiles,
	decide,
	outsideProblem,
	readState,
	renderState,
	sha256,
	type ImportState,
} from '../../../../scripts/lib/import/apply.ts';

describe('decide', () => {
	const bytes = (s: string) => new TextEncoder().encode(s);
	it('writes a new file, and leaves one that already says the same', () => {
		expect(decide('a', 'x', undefined, undefined, false).action).toBe('new');
		expect(decide('a', 'x', bytes('x'), undefined, false).action).toBe('unchanged');
	});

	it('updates a file the import wrote that nobody has edited since', () => {
		expect(decide('a', 'new', bytes('old'), { sha256: sha256('old') }, false).action).toBe(
			'updated',
		);
	});

	it('keeps a file someone edited, or that the import never wrote, unless forced', () => {
		expect(decide('a', 'new', bytes('edited'), { sha256: sha256('old') }, false).action).toBe(
			'kept-edited',
		);
		expect(decide('a', 'new', bytes('theirs'), undefined, false).action).toBe('kept-foreign');
		expect(decide('a', 'new', bytes('edited'), { sha256: sha256('old') }, true).action).toBe(
			'overwritten',
		);
	});

	it('does not bring back a file someone deleted, unless forced', () => {
		expect(decide('a', 'x', undefined, { sha256: sha256('x') }, false).action).toBe('kept-deleted');
		expect(decide('a', 'x', undefined, { sha256: sha256('x') }, true).action).toBe('new');
	});
});

describe('outsideProblem', () => {
	it('refuses any path that is not plainly inside the folder', () => {
		expect(outsideProblem('/c', 'reports/a.md')).toBeUndefined();
		for (const path of ['../x.md', 'reports/../../x', '/etc/passwd', 'reports//a.md', 'C:\\x']) {
			expect(outsideProblem('/c', path), path).toBeDefined();
		}
	});
});

describe('applyFiles', () => {
	let dir: string;
	let state: ImportState;
	const read = (p: string) => readFileSync(join(dir, p), 'utf8');
	const run = (files: { path: string; bytes: string; post?: string }[], options = {}) =>
		applyFiles(dir, files, state, { force: false, dryRun: false, ...options });
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'brief-import-apply-'));
		state = { files: {} };
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('writes new files and records them; a rerun changes nothing', () => {
		expect(run([{ path: 'reports/a.md', bytes: 'A', post: '1' }]).decisions[0]?.action).toBe('new');
		expect(read('reports/a.md')).toBe('A');
		expect(state.files['reports/a.md']).toEqual({ post: '1', sha256: sha256('A') });
		const before = renderState(state);
		expect(run([{ path: 'reports/a.md', bytes: 'A', post: '1' }]).decisions[0]?.action).toBe(
			'unchanged',
		);
		expect(renderState(state)).toBe(before);
	});

	it('updates its own untouched file, keeps an edited one, and remembers it is edited', () => {
		run([{ path: 'reports/a.md', bytes: 'A', post: '1' }]);
		expect(run([{ path: 'reports/a.md', bytes: 'A2', post: '1' }]).decisions[0]?.action).toBe(
			'updated',
		);
		writeFileSync(join(dir, 'reports/a.md'), 'edited by hand');
		expect(run([{ path: 'reports/a.md', bytes: 'A3', post: '1' }]).decisions[0]?.action).toBe(
			'kept-edited',
		);
		expect(run([{ path: 'reports/a.md', bytes: 'A3', post: '1' }]).decisions[0]?.action).toBe(
			'kept-edited',
		);
		expect(read('reports/a.md')).toBe('edited by hand');
		expect(
			run([{ path: 'reports/a.md', bytes: 'A3', post: '1' }], { force: true }).decisions[0]?.action,
		).toBe('overwritten');
		expect(read('reports/a.md')).toBe('A3');
	});

	it('never writes over a file it did not write', () => {
		mkdirSync(join(dir, 'reports'));
		writeFileSync(join(dir, 'reports/a.md'), 'by hand');
		expect(run([{ path: 'reports/a.md', bytes: 'A', post: '1' }]).decisions[0]?.action).toBe(
			'kept-foreign',
		);
		expect(read('reports/a.md')).toBe('by hand');
		expect(state.files).toEqual({});
	});

	it('writes nothing in a dry run', () => {
		const r = run([{ path: 'reports/a.md', bytes: 'A', post: '1' }], { dryRun: true });
		expect(r.decisions[0]?.action).toBe('new');
		expect(existsSync(join(dir, 'reports'))).toBe(false);
	});

	it('removes the old file of a post now written elsewhere (.md become .mdx), if nobody edited it', () => {
		run([{ path: 'reports/a.md', bytes: 'A', post: '1' }]);
		const r = run([{ path: 'reports/a.mdx', bytes: 'A', post: '1' }]);
		expect(r.removed).toEqual(['reports/a.md']);
		expect(existsSync(join(dir, 'reports/a.md'))).toBe(false);
		expect(Object.keys(state.files)).toEqual(['reports/a.mdx']);
	});

	it('refuses to write outside its folder', () => {
		expect(() => run([{ path: '../escape.md', bytes: 'x' }])).toThrow(
			/refused to write "\.\.\/escape\.md" is not a plain path/,
		);
	});

	it('reads back the state it wrote', () => {
		run([{ path: 'reports/a.md', bytes: 'A', post: '1' }]);
		writeFileSync(join(dir, 'import-state.json'), renderState(state));
		expect(readState(dir)).toEqual(state);
	});
});
