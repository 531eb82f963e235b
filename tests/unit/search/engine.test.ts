import { describe, expect, it } from 'vitest';
import {
	entryFile,
	isIndexedPage,
	metaFile,
	withIndexTag,
	withPreload,
} from '../../../src/lib/search/engine.ts';

describe('what the search page preloads of the engine and its index', () => {
	it('names the entry file as Pagefind fetches it under the build’s tag', () => {
		expect(entryFile('1796119513941')).toBe('/pagefind/pagefind-entry.json?ts=1796119513941');
	});

	it('names the index’s metadata file from the entry file the build wrote', () => {
		const entry = { version: '1.6.0', languages: { en: { hash: 'en_bbc663772b', wasm: 'en' } } };
		expect(metaFile(entry)).toBe('/pagefind/pagefind.en_bbc663772b.pf_meta');
		expect(metaFile({ languages: {} })).toBeUndefined();
		expect(metaFile({ languages: { en: { hash: '../x' } } })).toBeUndefined();
	});

	it('adds a preload to a page’s head once', () => {
		const html = '<html><head><title>x</title></head><body></body></html>';
		const once = withPreload(html, '/pagefind/pagefind.en_1.pf_meta');
		expect(once).toBe(
			'<html><head><title>x</title><link rel="preload" href="/pagefind/pagefind.en_1.pf_meta" as="fetch" crossorigin="anonymous"></head><body></body></html>',
		);
		expect(withPreload(once, '/pagefind/pagefind.en_1.pf_meta')).toBe(once);
	});

	it('writes the index’s tag into the search page once, and refuses a page without one', () => {
		const page = '<search-page class="search-page" data-state="loading" data-index-tag="pending">';
		const tagged = withIndexTag(page, '0123abcd');
		expect(tagged).toBe(
			'<search-page class="search-page" data-state="loading" data-index-tag="0123abcd">',
		);
		expect(withIndexTag(tagged, '0123abcd')).toBe(tagged);
		expect(() => withIndexTag(tagged, 'ffff0000')).toThrow(/no data-index-tag="pending"/);
		expect(() => withIndexTag(page, '"><script>')).toThrow(/not an index tag/);
	});

	it('counts a page as indexed by the attribute on an element, not by the word in its text', () => {
		expect(isIndexedPage('<article class="report" data-pagefind-body><h1>x</h1></article>')).toBe(
			true,
		);
		expect(isIndexedPage('<div data-pagefind-body="">x</div>')).toBe(true);
		// A summary on a listing that writes the attribute's name as text (escaped by Astro).
		expect(
			isIndexedPage(
				'<p>We mark pages with data-pagefind-body and &lt;b data-pagefind-body&gt;.</p>',
			),
		).toBe(false);
		expect(isIndexedPage('<p data-pagefind-bodyguard>x</p>')).toBe(false);
	});
});
