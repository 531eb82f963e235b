/**
 * The search page as built: it carries the index's tag (Pagefind's metaCacheTag, which offline
 * search depends on) and preloads the files Pagefind asks for first (its script, the entry file
 * under that tag, the index's metadata and the WebAssembly) and the name table, so that a slow
 * link spends no round trip waiting for the engine to ask; every file it names is one the build
 * wrote.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagefindTag } from '../../src/lib/node/offline-files.ts';
import { DIST, readDist } from './dist.ts';

const page = readDist('search/index.html');
const preloads = [...page.matchAll(/<link rel="(?:module)?preload" href="([^"]*)"/g)].map((m) =>
	m[1]!.replaceAll('&amp;', '&'),
);

describe('the search page', () => {
	const tag = /<search-page[^>]* data-index-tag="([^"]*)"/.exec(page)?.[1];

	it('carries the tag of the index built with it: a hash of the index’s content', () => {
		expect(tag).toMatch(/^[0-9a-f]{8,}$/);
		expect(tag).toBe(pagefindTag(DIST));
	});

	it('preloads the engine, the entry file under that tag, the index’s metadata and the WebAssembly, each built, each once', () => {
		expect(preloads).toEqual(
			expect.arrayContaining([
				'/pagefind/pagefind.js',
				`/pagefind/pagefind-entry.json?ts=${tag}`,
				expect.stringMatching(/^\/pagefind\/wasm\.[a-z-]+\.pagefind$/),
				expect.stringMatching(/^\/pagefind\/pagefind\.[^/]+\.pf_meta$/),
				'/search/terms.json',
			]),
		);
		expect(new Set(preloads).size).toBe(preloads.length);
		for (const url of preloads) {
			expect(existsSync(path.join(DIST, url.replace(/\?.*$/, ''))), url).toBe(true);
		}
	});
});
