import {
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyIfChanged, holds, putFile } from '../../../src/lib/node/put-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'brief-put-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bytes = (text: string) => new TextEncoder().encode(text);
/** A file written long ago, so that a rewrite shows in its modification time. */
function old(path: string, text: string): number {
	mkdirSync(join(path, '..'), { recursive: true });
	writeFileSync(path, text);
	utimesSync(path, 1_000_000, 1_000_000);
	return statSync(path).mtimeMs;
}

describe('putFile and copyIfChanged', () => {
	it('tells whether a file holds exactly some bytes, and false when there is no file', () => {
		const file = join(dir, 'holds.txt');
		writeFileSync(file, 'checkpoint');
		expect(holds(file, bytes('checkpoint'))).toBe(true);
		expect(holds(file, bytes('checkpoints'))).toBe(false);
		expect(holds(file, bytes('checkpoinT'))).toBe(false);
		expect(holds(join(dir, 'none.txt'), bytes(''))).toBe(false);
	});

	it('leaves a file that holds the bytes untouched, rewrites one that differs, and makes its folder', () => {
		const same = join(dir, 'put', 'same.txt');
		const time = old(same, 'tolls');
		expect(putFile(same, bytes('tolls'))).toBe(false);
		expect(statSync(same).mtimeMs).toBe(time);
		expect(putFile(same, bytes('roads'))).toBe(true);
		expect(readFileSync(same, 'utf8')).toBe('roads');
		const made = join(dir, 'put', 'new', 'deep', 'file.txt');
		expect(putFile(made, bytes('new'))).toBe(true);
		expect(readFileSync(made, 'utf8')).toBe('new');
	});

	it('copies a file only where the target does not hold the same bytes', () => {
		const from = join(dir, 'copy', 'from.html');
		old(from, '<p>A page</p>');
		const same = join(dir, 'copy', 'same.html');
		const time = old(same, '<p>A page</p>');
		expect(copyIfChanged(from, same)).toBe(false);
		expect(statSync(same).mtimeMs).toBe(time);
		const differs = join(dir, 'copy', 'differs.html');
		old(differs, '<p>A Page</p>');
		expect(copyIfChanged(from, differs)).toBe(true);
		expect(readFileSync(differs, 'utf8')).toBe('<p>A page</p>');
		const missing = join(dir, 'copy', 'sub', 'missing.html');
		expect(copyIfChanged(from, missing)).toBe(true);
		expect(readFileSync(missing, 'utf8')).toBe('<p>A page</p>');
		expect(() => copyIfChanged(join(dir, 'copy', 'no-source.html'), missing)).toThrow(/ENOENT/);
	});
});
