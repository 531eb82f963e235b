import { describe, expect, it } from 'vitest';
import {
	absoluteUrl,
	basePathOf,
	stripBase,
	withBase,
	cardPath,
	feedPath,
	HOME_PATH,
	pagePath,
	parseSitePath,
	REPORT_FILE_PATTERN,
	reportFileOf,
	reportPath,
	REPORTS_PATH,
	SEARCH_PATH,
	taxonomyPath,
	TYPES_PATH,
	termPath,
	typePath,
	yearPath,
} from '../../src/lib/routes.ts';

describe('reportPath', () => {
	it('is /reports/<slug>/ with a trailing slash', () => {
		expect(reportPath('is-k-seeks-to-undermine-the-taliban')).toBe(
			'/reports/is-k-seeks-to-undermine-the-taliban/',
		);
	});

	it('appends a heading anchor after the trailing slash', () => {
		expect(reportPath('is-k', 'background')).toBe('/reports/is-k/#background');
	});

	it('adds no "#" for an empty fragment', () => {
		expect(reportPath('is-k', '')).toBe('/reports/is-k/');
	});
});

describe('termPath and taxonomyPath', () => {
	it('is /<kind>/<slug>/ for every taxonomy', () => {
		expect(termPath('groups', 'is-k')).toBe('/groups/is-k/');
		expect(termPath('regions', 'kunduz')).toBe('/regions/kunduz/');
		expect(termPath('topics', 'recruitment')).toBe('/topics/recruitment/');
		expect(termPath('authors', 'rise-to-peace-ct-fellow')).toBe(
			'/authors/rise-to-peace-ct-fellow/',
		);
	});

	it('is /<kind>/ for a taxonomy index, including types', () => {
		expect(taxonomyPath('groups')).toBe('/groups/');
		expect(taxonomyPath('types')).toBe('/types/');
	});
});

describe('typePath', () => {
	it('is /types/<type>/', () => {
		expect(typePath('brief')).toBe('/types/brief/');
		expect(typePath('special-report')).toBe('/types/special-report/');
	});
});

describe('pagePath', () => {
	it('is the listing’s own address for page 1: there is never a /1/ address', () => {
		expect(pagePath('/groups/is-k/')).toBe('/groups/is-k/');
		expect(pagePath('/groups/is-k/', 1)).toBe('/groups/is-k/');
	});

	it('adds the number as a folder for later pages', () => {
		expect(pagePath('/groups/is-k/', 2)).toBe('/groups/is-k/2/');
		expect(pagePath('/reports/2022/', 12)).toBe('/reports/2022/12/');
	});

	it('refuses page 0, negative and fractional pages', () => {
		for (const n of [0, -1, 1.5, Number.NaN]) expect(() => pagePath('/x/', n), String(n)).toThrow();
	});
});

describe('paginated listings', () => {
	it('numbers the pages of a term, a type and a year after the first', () => {
		expect(termPath('groups', 'is-k', 2)).toBe('/groups/is-k/2/');
		expect(termPath('regions', 'kunduz', 1)).toBe('/regions/kunduz/');
		expect(typePath('brief', 3)).toBe('/types/brief/3/');
		expect(yearPath(2022)).toBe('/reports/2022/');
		expect(yearPath(2022, 1)).toBe('/reports/2022/');
		expect(yearPath(2022, 2)).toBe('/reports/2022/2/');
	});
});

describe('absoluteUrl', () => {
	it('joins a site path to the site origin', () => {
		expect(absoluteUrl('/reports/is-k/', 'https://archive.example.org')).toBe(
			'https://archive.example.org/reports/is-k/',
		);
	});

	it('gives the same result whether or not the site has a trailing slash, or is a URL object', () => {
		const expected = 'https://archive.example.org/groups/is-k/';
		expect(absoluteUrl('/groups/is-k/', 'https://archive.example.org/')).toBe(expected);
		expect(absoluteUrl('/groups/is-k/', new URL('https://archive.example.org'))).toBe(expected);
	});

	it('keeps a fragment', () => {
		expect(absoluteUrl(reportPath('is-k', 'outlook'), 'https://archive.example.org')).toBe(
			'https://archive.example.org/reports/is-k/#outlook',
		);
	});

	it('keeps the sub-path of a site served under one, with or without its trailing slash', () => {
		for (const site of ['https://example.org/briefs', 'https://example.org/briefs/']) {
			expect(absoluteUrl('/reports/is-k/', site)).toBe('https://example.org/briefs/reports/is-k/');
			expect(absoluteUrl('/', site)).toBe('https://example.org/briefs/');
		}
	});

	it('leaves a full URL as it is', () => {
		expect(absoluteUrl('https://other.example/x.pdf', 'https://example.org/briefs/')).toBe(
			'https://other.example/x.pdf',
		);
	});
});

describe('basePathOf, withBase and stripBase', () => {
	it('reads the base from the site URL: / at the root, /briefs/ under a sub-path', () => {
		expect(basePathOf('https://archive.example.org')).toBe('/');
		expect(basePathOf('http://abcdefghijklmnop.onion/')).toBe('/');
		expect(basePathOf('https://example.org/briefs')).toBe('/briefs/');
		expect(basePathOf('https://example.org/a/b/')).toBe('/a/b/');
	});

	it('puts a site path under the base, and leaves everything else', () => {
		expect(withBase('/reports/is-k/', '/briefs/')).toBe('/briefs/reports/is-k/');
		expect(withBase('/', '/briefs/')).toBe('/briefs/');
		expect(withBase('/search/?q=isk#x', '/briefs/')).toBe('/briefs/search/?q=isk#x');
		for (const other of ['https://x.example/', '//x.example/a', '#Main', '?q=1', 'cite.bib']) {
			expect(withBase(other, '/briefs/')).toBe(other);
		}
		expect(withBase('/briefs/_astro/a.css', '/briefs/')).toBe('/briefs/_astro/a.css');
		expect(withBase('/reports/is-k/', '/')).toBe('/reports/is-k/');
	});

	it('reads a served path back as a site path', () => {
		expect(stripBase('/briefs/reports/is-k/', '/briefs/')).toBe('/reports/is-k/');
		expect(stripBase('/briefs/', '/briefs/')).toBe('/');
		expect(stripBase('/briefs', '/briefs/')).toBe('/');
		expect(stripBase('/reports/is-k/', '/')).toBe('/reports/is-k/');
	});
});

describe('feedPath', () => {
	it('puts the site feeds at the root and a term feed beside its page', () => {
		expect(feedPath({ kind: 'all' }, 'rss')).toBe('/feed.xml');
		expect(feedPath({ kind: 'all' }, 'atom')).toBe('/atom.xml');
		expect(feedPath({ kind: 'all' }, 'json')).toBe('/feed.json');
		expect(feedPath({ kind: 'groups', slug: 'is-k' }, 'rss')).toBe('/groups/is-k/feed.xml');
		expect(feedPath({ kind: 'regions', slug: 'kunduz' }, 'atom')).toBe('/regions/kunduz/atom.xml');
		expect(feedPath({ kind: 'topics', slug: 'recruitment' }, 'json')).toBe(
			'/topics/recruitment/feed.json',
		);
	});
});

describe('cardPath', () => {
	it('puts a report card beside the report', () => {
		expect(cardPath('is-k')).toBe('/reports/is-k/card.png');
	});
});

describe('the fixed paths', () => {
	it('are the home, search, reports and types pages', () => {
		expect([HOME_PATH, SEARCH_PATH, REPORTS_PATH, TYPES_PATH]).toEqual([
			'/',
			'/search/',
			'/reports/',
			'/types/',
		]);
		expect(taxonomyPath('types')).toBe(TYPES_PATH);
	});
});

describe('parseSitePath: reading a path back', () => {
	it('splits a section path into section, slug, slash and what follows', () => {
		expect(parseSitePath('/groups/is-k/2/')).toEqual({
			section: 'groups',
			slug: 'is-k',
			slash: true,
			rest: '2/',
		});
		expect(parseSitePath('/reports/a')).toEqual({
			section: 'reports',
			slug: 'a',
			slash: false,
			rest: '',
		});
	});

	it('has no slug for a section index', () => {
		expect(parseSitePath('/reports/')?.slug).toBeUndefined();
		expect(parseSitePath('/types')?.section).toBe('types');
	});

	it('knows every path the functions above make for a section', () => {
		const made = [
			reportPath('a'),
			yearPath(2022, 2),
			termPath('regions', 'kunduz', 3),
			typePath('brief'),
			cardPath('a'),
		];
		expect(made.map((p) => parseSitePath(p)?.section)).toEqual([
			'reports',
			'reports',
			'regions',
			'types',
			'reports',
		]);
	});

	it('is undefined for a path outside the sections', () => {
		expect(parseSitePath('/search/')).toBeUndefined();
		expect(parseSitePath('/feed.xml')).toBeUndefined();
		expect(parseSitePath('/reportsx/a/')).toBeUndefined();
	});
});

describe('reportFileOf', () => {
	it('names the report and the file beside its page', () => {
		expect(reportFileOf('/reports/a/cite.bib')).toEqual({ slug: 'a', file: 'cite.bib' });
		expect(reportFileOf(cardPath('b'))).toEqual({ slug: 'b', file: 'card.png' });
	});

	it('is undefined for the page itself, deeper paths and other sections', () => {
		expect(reportFileOf('/reports/a/')).toBeUndefined();
		expect(reportFileOf('/reports/a/x/cite.bib')).toBeUndefined();
		expect(reportFileOf('/groups/a/cite.bib')).toBeUndefined();
	});

	it('matches REPORT_FILE_PATTERN exactly where reportFileOf names a file', () => {
		const pattern = new RegExp(REPORT_FILE_PATTERN);
		for (const path of ['/reports/a/cite.bib', '/reports/a/card.png', '/reports/a/', '/x/a/b.c'])
			expect(pattern.test(path)).toBe(reportFileOf(path) !== undefined);
	});
});
