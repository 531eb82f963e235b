import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFolder, fileCache } from '../../../src/lib/node/file-cache.ts';
import { hashOf } from '../../../src/lib/hash.ts';
import {
	createCitationFormatter,
	type FormattedCitations,
} from '../../../src/lib/citation/styles.ts';
import type { CslItem } from '../../../src/lib/citation/record.ts';

const dir = mkdtempSync(join(tmpdir(), 'brief-cite-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fileCache', () => {
	it('keeps entries in its file, for the next build to read back', () => {
		const path = join(dir, 'a', 'cache.jsonl');
		const first = fileCache<string>(path, 'f1');
		expect(first.get('k')).toBeUndefined();
		first.set('k', 'value');
		expect(first.get('k')).toBe('value');
		expect(fileCache<string>(path, 'f1').get('k')).toBe('value');
	});

	it('starts afresh when the fingerprint has changed', () => {
		const path = join(dir, 'b.jsonl');
		fileCache<string>(path, 'old').set('k', 'value');
		expect(fileCache<string>(path, 'new').get('k')).toBeUndefined();
		expect(readFileSync(path, 'utf8')).toBe('{"fingerprint":"new"}\n');
	});

	it('skips a line cut short by an interrupted build', () => {
		const path = join(dir, 'c.jsonl');
		fileCache<string>(path, 'f').set('k', 'value');
		appendFileSync(path, '{"k":"cut","v":"val');
		const cache = fileCache<string>(path, 'f');
		expect(cache.get('k')).toBe('value');
		expect(cache.get('cut')).toBeUndefined();
	});
});

describe('cacheFolder', () => {
	it('is node_modules/.astro in the project folder, wherever the process runs', () => {
		expect(cacheFolder('/srv/archive', {})).toBe('/srv/archive/node_modules/.astro');
	});

	it('is BRIEF_CACHE_DIR when set: as given when absolute, else in the project folder', () => {
		expect(cacheFolder('/srv/archive', { BRIEF_CACHE_DIR: '/tmp/cache' })).toBe('/tmp/cache');
		expect(cacheFolder('/srv/archive', { BRIEF_CACHE_DIR: 'build-cache' })).toBe(
			'/srv/archive/build-cache',
		);
	});
});

describe('hashOf', () => {
	it('tells apart inputs that only differ in where one part ends', () => {
		expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'));
		expect(hashOf('x')).toMatch(/^[0-9a-f]{32}$/);
	});
});

describe('createCitationFormatter with a cache', () => {
	it('answers from the cache without formatting, keyed by the whole item', () => {
		const item = { id: 'x', title: 'A title' } as unknown as CslItem;
		const stored = { apa: { html: 'cached', text: 'cached' } } as FormattedCitations;
		const keys: string[] = [];
		const formatter = createCitationFormatter({
			cache: {
				get: (key) => (keys.push(key), stored),
				set: () => undefined,
			},
		});
		expect(formatter.format(item)).toBe(stored);
		expect(keys).toEqual([hashOf(JSON.stringify(item))]);
	});
});
