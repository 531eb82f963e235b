import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceDirectory } from '../../../scripts/lib/replace-dir.ts';

const root = mkdtempSync(join(tmpdir(), 'brief-replace-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>) {
	const dir = join(root, name);
	mkdirSync(dir, { recursive: true });
	for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
	return dir;
}

describe('replaceDirectory', () => {
	it('puts the new folder in place of the old one and leaves nothing else behind', () => {
		const target = folder('a/dist', { 'old.html': 'old' });
		const source = folder('a/.tmp-dist-1', { 'new.html': 'new' });
		replaceDirectory(source, target);
		expect(readdirSync(target)).toEqual(['new.html']);
		expect(readdirSync(join(root, 'a'))).toEqual(['dist']);
	});

	it('creates the target when there was none', () => {
		const source = folder('b/.tmp-dist-1', { 'index.html': 'x' });
		replaceDirectory(source, join(root, 'b/dist'));
		expect(readFileSync(join(root, 'b/dist/index.html'), 'utf8')).toBe('x');
	});

	it('puts the old folder back when the new one cannot be moved in', () => {
		const target = folder('c/dist', { 'old.html': 'old' });
		expect(() => replaceDirectory(join(root, 'c/missing'), target)).toThrow();
		expect(readFileSync(join(target, 'old.html'), 'utf8')).toBe('old');
		expect(readdirSync(join(root, 'c'))).toEqual(['dist']);
		expect(existsSync(join(root, 'c/missing'))).toBe(false);
	});
});
