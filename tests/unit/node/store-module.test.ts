import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
	readingStoreModule,
	splitStoreLiteral,
	staleStoreFolders,
	storeJson,
} from '../../../src/lib/node/store-module.ts';

/** The module as Astro writes it for a store whose JSON text is `json`. */
const astroModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;

/**
 * What a rewritten module exports, read as JavaScript would: its literals (one per line, each a
 * JSON string, which is valid JavaScript) joined, then parsed. Throws when it is not that form.
 */
function exported(code: string): unknown {
	const m = /^export default JSON\.parse\(\[\n([\s\S]*)\n\]\.join\(''\)\)\n$/.exec(code);
	if (!m) throw new Error(`not the form expected: ${code.slice(0, 80)}`);
	return JSON.parse(
		m[1]!
			.split(',\n')
			.map((line) => JSON.parse(line) as string)
			.join(''),
	);
}

describe('splitStoreLiteral', () => {
	const store = JSON.stringify({
		reports: [
			['isk-2025', { title: 'IS-K “after” the fall', body: 'Line one\nline "two" \\ three' }],
			['pashto', { title: 'د طالبانو', emoji: 'a 🛰️ b 𝒳 c' }],
		],
	});

	it('exports exactly the value Astro’s module exports', () => {
		const split = splitStoreLiteral(astroModule(store), 7);
		expect(split).toBeDefined();
		expect(exported(split!)).toEqual(JSON.parse(store));
	});

	it('writes no literal longer than the piece it is given', () => {
		const split = splitStoreLiteral(astroModule(store), 7)!;
		const literals = split.split('\n').filter((line) => line.startsWith('"'));
		expect(literals.length).toBeGreaterThan(10);
		for (const line of literals) {
			const piece = JSON.parse(line.replace(/,$/, '')) as string;
			expect(piece.length).toBeLessThanOrEqual(7);
		}
	});

	it('keeps a character outside the Basic Multilingual Plane whole when a cut falls inside it', () => {
		const json = JSON.stringify({ t: '🛰️🛰️🛰️' });
		for (let piece = 1; piece <= 9; piece++) {
			expect(exported(splitStoreLiteral(astroModule(json), piece)!)).toEqual(JSON.parse(json));
		}
	});

	it('rewrites an empty store', () => {
		expect(exported(splitStoreLiteral(astroModule('{}'))!)).toEqual({});
	});

	it('leaves any other module as it is', () => {
		expect(splitStoreLiteral('export default new Map()')).toBeUndefined();
		expect(splitStoreLiteral('export default{"reports":[(await import("x"))]}')).toBeUndefined();
		expect(splitStoreLiteral('export default JSON.parse(text)')).toBeUndefined();
		expect(splitStoreLiteral('export default JSON.parse("unterminated)')).toBeUndefined();
		expect(splitStoreLiteral('export default JSON.parse("a") + JSON.parse("b")')).toBeUndefined();
	});
});

describe('readingStoreModule', () => {
	const folder = mkdtempSync(join(tmpdir(), 'store-module-test-'));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
	const store = JSON.stringify([
		['reports', { title: 'IS-K “after” the fall', body: 'Line one\nline "two" \\ three' }],
		['pashto', { title: 'د طالبانو', emoji: 'a 🛰️ b 𝒳 c' }],
	]);

	it('exports, when imported, the value Astro’s module exports, read from the file', async () => {
		const json = storeJson(astroModule(store));
		expect(json).toBe(store);
		const data = join(folder, 'store "quoted" path.json');
		writeFileSync(data, json!);
		const module = join(folder, 'store.mjs');
		writeFileSync(module, readingStoreModule(data));
		const imported = (await import(pathToFileURL(module).href)) as { default: unknown };
		expect(imported.default).toEqual(JSON.parse(store));
	});

	it('holds no part of the store in its own text', () => {
		const code = readingStoreModule('/cache/brief-store-x/abc.json');
		expect(code).not.toContain('IS-K');
		expect(code.length).toBeLessThan(200);
	});

	it('finds no store in a module of any other form', () => {
		expect(storeJson('export default new Map()')).toBeUndefined();
		expect(storeJson('export default JSON.parse(text)')).toBeUndefined();
		expect(storeJson('export default JSON.parse(123)')).toBeUndefined();
	});
});

describe('staleStoreFolders', () => {
	it('names the store folders of processes that are gone, and nothing else in the folder', () => {
		const alive = (pid: number) => pid === 200;
		expect(
			staleStoreFolders(
				[
					'brief-store-100-aB3x',
					'brief-store-200-Qw9z',
					'brief-store-x1',
					'other-100-a',
					'brief-store-300-',
				],
				alive,
			),
		).toEqual(['brief-store-100-aB3x', 'brief-store-300-']);
	});
});
