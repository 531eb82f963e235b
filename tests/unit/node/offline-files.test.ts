import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileCache } from '../../../src/lib/node/file-cache.ts';
import {
	byPathAndContent,
	fileMeasurer,
	fragmentRecords,
	pagefindRecords,
} from '../../../src/lib/node/offline-files.ts';
import type { FileFacts } from '../../../src/lib/outputs/offline-packs.ts';

const dist = mkdtempSync(join(tmpdir(), 'brief-offline-files-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function memoryCache<V>(): FileCache<V> & { entries: Map<string, V> } {
	const entries = new Map<string, V>();
	return { entries, get: (k) => entries.get(k), set: (k, v) => void entries.set(k, v) };
}

/** Writes a file of the output with a modification time in the past, as a kept page has. */
function kept(file: string, text: string): void {
	const abs = join(dist, file);
	mkdirSync(join(abs, '..'), { recursive: true });
	writeFileSync(abs, text);
	const past = new Date(Date.now() - 60_000);
	utimesSync(abs, past, past);
}

const page = '<!doctype html><p>' + 'The Taliban’s rivals. '.repeat(200) + '</p>';

describe('fileMeasurer', () => {
	it('gives a text file’s gzipped size and a hash of its bytes', () => {
		kept('a/index.html', page);
		const facts = fileMeasurer(dist)('/a/');
		expect(facts.hash).toMatch(/^[0-9a-f]{20}$/);
		expect(facts.bytes).toBeGreaterThan(0);
		expect(facts.bytes).toBeLessThan(page.length / 4);
	});

	it('takes over the last build’s measurement of a file this build did not write', () => {
		kept('b/index.html', page);
		const since = Date.now();
		const known = { cache: memoryCache<FileFacts>(), since };
		const first = fileMeasurer(dist, undefined, known)('/b/');
		expect(known.cache.entries.size).toBe(1);
		// What the next build finds in the cache is what it gives, without reading the file.
		const [key] = [...known.cache.entries.keys()];
		known.cache.set(key!, { bytes: 1, hash: 'from-the-last-build' });
		expect(fileMeasurer(dist, undefined, known)('/b/')).toEqual({
			bytes: 1,
			hash: 'from-the-last-build',
		});
		expect(first.hash).not.toBe('from-the-last-build');
	});

	it('reads a file again once it has been rewritten, even to the same size', () => {
		kept('c/index.html', page);
		const known = { cache: memoryCache<FileFacts>(), since: Date.now() };
		const before = fileMeasurer(dist, undefined, known)('/c/');
		kept('c/index.html', page.replace('rivals', 'RIVALS'));
		const after = fileMeasurer(dist, undefined, known)('/c/');
		expect(after.hash).not.toBe(before.hash);
	});

	it('always reads a file written by this build, and remembers nothing of it', () => {
		kept('d/index.html', page);
		const written = statSync(join(dist, 'd/index.html')).mtimeMs;
		const known = { cache: memoryCache<FileFacts>(), since: written };
		fileMeasurer(dist, undefined, known)('/d/');
		expect(known.cache.entries.size).toBe(0);
	});
});

describe('fileMeasurer.later', () => {
	it('gives the same facts as the measurer on the main thread, text and binary alike', async () => {
		kept('e/index.html', page);
		kept('e/cover.png', 'not text: sent as it is '.repeat(50));
		const measure = fileMeasurer(dist);
		expect(await measure.later('/e/')).toEqual(measure('/e/'));
		expect(await measure.later('/e/cover.png')).toEqual({
			bytes: 'not text: sent as it is '.repeat(50).length,
			hash: measure('/e/cover.png').hash,
		});
		expect((await measure.later('/e/')).bytes).toBe(gzipSync(page, { level: 6 }).length);
	});

	it('keeps the gzipped size under the content hash and takes it from there next time', async () => {
		kept('f/index.html', page);
		const sizes = memoryCache<number>();
		const first = await fileMeasurer(dist, sizes).later('/f/');
		expect(sizes.entries.get(first.hash)).toBe(first.bytes);
		sizes.set(first.hash, 7);
		expect((await fileMeasurer(dist, sizes).later('/f/')).bytes).toBe(7);
	});

	it('takes over the last build’s facts of a file this build did not write', async () => {
		kept('g/index.html', page);
		const known = { cache: memoryCache<FileFacts>(), since: Date.now() };
		await fileMeasurer(dist, undefined, known).later('/g/');
		const [key] = [...known.cache.entries.keys()];
		known.cache.set(key!, { bytes: 1, hash: 'from-the-last-build' });
		expect(await fileMeasurer(dist, undefined, known).later('/g/')).toEqual({
			bytes: 1,
			hash: 'from-the-last-build',
		});
	});

	it('rejects for a file the build does not have', async () => {
		await expect(fileMeasurer(dist).later('/no-such-page/')).rejects.toThrow(/ENOENT/);
	});
});

describe('pagefindRecords', () => {
	const fragment = (json: unknown) =>
		gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(json))]));

	it('reads the result id and URL of a page’s own fragment and of a group of pages', () => {
		mkdirSync(join(dist, 'pagefind/fragment'), { recursive: true });
		writeFileSync(
			join(dist, 'pagefind/fragment/en_one.pf_fragment'),
			fragment({ url: '/reports/a/', content: 'x' }),
		);
		writeFileSync(
			join(dist, 'pagefind/fragment/en_group.pf_fragment'),
			fragment({ en_b: { url: '/reports/b/' }, en_c: { url: '/reports/c/' } }),
		);
		expect(fragmentRecords(dist, 'pagefind/fragment/en_one.pf_fragment')).toEqual([
			['en_one', '/reports/a/'],
		]);
		expect(Object.fromEntries(pagefindRecords(dist))).toEqual({
			'/reports/a/': { id: 'en_one', file: '/pagefind/fragment/en_one.pf_fragment' },
			'/reports/b/': { id: 'en_b', file: '/pagefind/fragment/en_group.pf_fragment' },
			'/reports/c/': { id: 'en_c', file: '/pagefind/fragment/en_group.pf_fragment' },
		});
	});

	it('takes each fragment’s records from the reader it is given', () => {
		const seen: string[] = [];
		const records = pagefindRecords(dist, undefined, (file) => {
			seen.push(file);
			return [[`id-${seen.length}`, `/cached/${seen.length}/`]];
		});
		expect(seen).toEqual([
			'pagefind/fragment/en_group.pf_fragment',
			'pagefind/fragment/en_one.pf_fragment',
		]);
		expect([...records.keys()]).toEqual(['/cached/1/', '/cached/2/']);
	});
});

describe('byPathAndContent', () => {
	it('works out what a file holds once for each path and content, and again when either differs', () => {
		const hashes = new Map([
			['/a/', 'h1'],
			['/b/', 'h1'],
		]);
		const cache = memoryCache<string>();
		const reads: string[] = [];
		const holds = byPathAndContent(
			cache,
			(path) => hashes.get(path)!,
			(path) => {
				reads.push(path);
				return `what ${path} holds as ${hashes.get(path)}`;
			},
		);
		expect(holds('/a/')).toBe('what /a/ holds as h1');
		expect(holds('/a/')).toBe('what /a/ holds as h1');
		// The same content under another path is another entry: a name can be part of the content.
		expect(holds('/b/')).toBe('what /b/ holds as h1');
		hashes.set('/a/', 'h2');
		expect(holds('/a/')).toBe('what /a/ holds as h2');
		expect(reads).toEqual(['/a/', '/b/', '/a/']);
		expect([...cache.entries.keys()]).toEqual(['/a/ h1', '/b/ h1', '/a/ h2']);
	});

	it('answers from a cache kept by an earlier build without reading the file', () => {
		const cache = memoryCache<number>();
		cache.set('/kept/ h9', 7);
		const holds = byPathAndContent(
			cache,
			() => 'h9',
			() => {
				throw new Error('read a file the cache knew');
			},
		);
		expect(holds('/kept/')).toBe(7);
	});
});
