/**
 * The search page as built: it names the index's tag (Pagefind's metaCacheTag, which offline
 * search depends on) and the files Pagefind's worker asks for first, which the page starts
 * downloading itself on slow links; every file it names is one the build wrote.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, readDist } from './dist.ts';

const page = readDist('search/index.html');
const meta = (name: string) =>
	new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(page)?.[1]?.replaceAll('&amp;', '&');

describe('the search page', () => {
	const tag = meta('brief-search-index');
	const engine = meta('brief-search-engine')?.split(' ') ?? [];

	it('carries the tag of the index built with it', () => {
		expect(tag).toMatch(/^[0-9a-f]{8,}$/);
	});

	it('names the entry file under that tag, the index’s metadata and the WebAssembly, each built', () => {
		expect(engine).toEqual([
			`/pagefind/pagefind-entry.json?ts=${tag}`,
			expect.stringMatching(/^\/pagefind\/wasm\.[a-z-]+\.pagefind$/),
			expect.stringMatching(/^\/pagefind\/pagefind\.[^/]+\.pf_meta$/),
		]);
		for (const url of engine) {
			expect(existsSync(path.join(DIST, url.replace(/\?.*$/, ''))), url).toBe(true);
		}
	});
});
