import { describe, expect, it } from 'vitest';
import { CITATION_FILES } from '../../../src/lib/citation/files.ts';
import {
	CITATION_FILE_NAMES,
	companionsOf,
	isImmutable,
	isSearchFile,
	keptOnVisit,
	reportSlugOf,
} from '../../../src/lib/offline/paths.ts';

describe('the paths the offline worker knows', () => {
	it('keep the same citation files as the build writes', () => {
		expect([...CITATION_FILE_NAMES].sort()).toEqual(
			Object.values(CITATION_FILES)
				.map((f) => `cite.${f.ext}`)
				.sort(),
		);
	});

	it('keep a report page with its citation files, and no other page with any', () => {
		expect(companionsOf('/reports/is-k/')).toEqual([
			'/reports/is-k/cite.bib',
			'/reports/is-k/cite.ris',
			'/reports/is-k/cite.json',
		]);
		expect(reportSlugOf('/reports/2022/')).toBeUndefined();
		expect(companionsOf('/reports/2022/')).toEqual([]);
		expect(companionsOf('/groups/is-k/')).toEqual([]);
		expect(companionsOf('/reports/is-k/cite.bib')).toEqual([]);
	});

	it('trust any copy only of files named by their content', () => {
		expect(isImmutable('/_astro/Base.B0y_MDv0.css')).toBe(true);
		expect(isImmutable('/pagefind/index/en_97c9fda.pf_index')).toBe(true);
		expect(isImmutable('/pagefind/fragment/en_1cde827.pf_fragment')).toBe(true);
		expect(isImmutable('/pagefind/pagefind.en_c9f1884327.pf_meta')).toBe(true);
		expect(isImmutable('/pagefind/pagefind-entry.json', '?ts=eb41b8c7ef156db1')).toBe(true);
		expect(isImmutable('/pagefind/pagefind-entry.json', '?ts=')).toBe(false);
		expect(isImmutable('/pagefind/pagefind-entry.json')).toBe(false);
		expect(isImmutable('/pagefind/pagefind.js')).toBe(false);
		expect(isImmutable('/reports/is-k/')).toBe(false);
	});

	it('count the name table as a search file, served from a saved collection like the index', () => {
		// The search page fetches /search/terms.json before it searches: offline, a collection that
		// holds the index but whose name table the worker does not serve leaves search unavailable.
		expect(isSearchFile('/search/terms.json')).toBe(true);
		expect(isSearchFile('/pagefind/pagefind.js')).toBe(true);
		expect(isSearchFile('/pagefind/index/en_1.pf_index')).toBe(true);
		expect(isSearchFile('/search/')).toBe(false);
		expect(isSearchFile('/reports/terms.json')).toBe(false);
	});

	it('keep every page from a visit but the search page and the offline page', () => {
		expect(keptOnVisit('/reports/is-k/')).toBe(true);
		expect(keptOnVisit('/')).toBe(true);
		expect(keptOnVisit('/search/')).toBe(false);
		expect(keptOnVisit('/offline/')).toBe(false);
	});
});
