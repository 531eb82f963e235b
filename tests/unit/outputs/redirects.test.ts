import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/lib/model/content-error.ts';
import {
	aliasOutFile,
	planRedirects,
	queryRedirectsFile,
	redirectPage,
	redirectsFile,
	type RedirectSource,
} from '../../../src/lib/outputs/redirects.ts';

const report = (slug: string, aliases: string[]): RedirectSource => ({
	url: `/reports/${slug}/`,
	title: `Report ${slug}`,
	file: `content/reports/${slug}.md`,
	aliases,
});
const LIVE = new Set(['index.html', 'reports/live/index.html', 'feed.xml', 'favicon.svg']);
const isTaken = (file: string) => LIVE.has(file);

/** The messages of the ContentError that `fn` throws. */
function issues(fn: () => unknown): string[] {
	try {
		fn();
	} catch (error) {
		if (error instanceof ContentError)
			return error.issues.map((i) => `${i.file}: ${i.field}: ${i.message}`);
		throw error;
	}
	throw new Error('expected a ContentError');
}

describe('aliasOutFile', () => {
	it('writes a directory-style alias, with or without its slash, as index.html inside it', () => {
		expect(aliasOutFile('/2022/05/old-slug/')).toBe('2022/05/old-slug/index.html');
		expect(aliasOutFile('/2022/05/old-slug')).toBe('2022/05/old-slug/index.html');
	});

	it('writes an alias with a file extension as that file', () => {
		expect(aliasOutFile('/old/report.html')).toBe('old/report.html');
	});

	it('decodes percent-encoding, as a static server does when it looks up the file', () => {
		expect(aliasOutFile('/caf%C3%A9/')).toBe('café/index.html');
	});
});

describe('planRedirects', () => {
	it('pairs each alias with its report', () => {
		expect(planRedirects([report('new', ['/old/', '/older.html'])], isTaken)).toEqual([
			{ from: '/old/', to: '/reports/new/', title: 'Report new', outFile: 'old/index.html' },
			{ from: '/older.html', to: '/reports/new/', title: 'Report new', outFile: 'older.html' },
		]);
	});

	it('stops on an alias that is a live page, naming the file, the field and the alias', () => {
		expect(issues(() => planRedirects([report('new', ['/reports/live/'])], isTaken))).toEqual([
			'content/reports/new.md: aliases[0]: alias "/reports/live/" collides with a live URL (/reports/live/, built as reports/live/index.html); an alias must be a former address that nothing else uses',
		]);
	});

	it('stops on an alias that is a live file or the home page', () => {
		const found = issues(() => planRedirects([report('new', ['/feed.xml', '/'])], isTaken));
		expect(found).toHaveLength(2);
		expect(found[0]).toContain('alias "/feed.xml" collides with a live URL (/feed.xml');
		expect(found[1]).toContain('alias "/" collides with a live URL (/, built as index.html)');
	});

	it('stops on an alias claimed by two reports, naming both files', () => {
		const found = issues(() =>
			planRedirects([report('a', ['/old/']), report('b', ['/old'])], isTaken),
		);
		expect(found).toEqual([
			'content/reports/b.md: aliases[0]: alias "/old" is the same address as the alias "/old/": content/reports/a.md lists it already. Each former URL can lead to one report only',
		]);
	});

	it('stops on an alias a report lists twice', () => {
		expect(issues(() => planRedirects([report('a', ['/old/', '/old/'])], isTaken))[0]).toContain(
			'this report lists it already',
		);
	});

	it('stops on an alias a static host cannot serve: a fragment, a bare ? or dot segments', () => {
		const found = issues(() =>
			planRedirects([report('a', ['/old/#top', '/old/?', '/a/../b/', '/a/./b/?p=1'])], isTaken),
		);
		expect(found).toEqual([
			'content/reports/a.md: aliases[0]: "/old/#top" a fragment (#…) never reaches the server, so it cannot be redirected; give the path only',
			'content/reports/a.md: aliases[1]: "/old/?" has a ? but no parameter after it; give the path only, or the path and its parameters (/?p=123)',
			'content/reports/a.md: aliases[2]: "/a/../b/" must not contain "." or ".." segments',
			'content/reports/a.md: aliases[3]: "/a/./b/?p=1" must not contain "." or ".." segments',
		]);
	});

	it('takes a query address on the home page or on a path nothing is built at, with no page of its own', () => {
		expect(planRedirects([report('new', ['/?p=123', '/blog/?page_id=7'])], isTaken)).toEqual([
			{ from: '/?p=123', to: '/reports/new/', title: 'Report new', outFile: undefined },
			{ from: '/blog/?page_id=7', to: '/reports/new/', title: 'Report new', outFile: undefined },
		]);
	});

	it('stops on a query address on a live page other than home, whose page could not forward it', () => {
		expect(issues(() => planRedirects([report('new', ['/reports/live/?p=1'])], isTaken))).toEqual([
			'content/reports/new.md: aliases[0]: alias "/reports/live/?p=1": /reports/live/ is a live page, and only the home page and addresses that lead nowhere (the 404 page) forward a query string; give the path alone, or a query on /',
		]);
	});

	it('stops on a query address two reports claim, in whatever order its parameters are written', () => {
		const found = issues(() =>
			planRedirects([report('a', ['/?p=1&cat=2']), report('b', ['/?cat=2&p=1'])], isTaken),
		);
		expect(found).toEqual([
			'content/reports/b.md: aliases[0]: alias "/?cat=2&p=1" is the same address as the alias "/?p=1&cat=2": content/reports/a.md lists it already. Each former URL can lead to one report only',
		]);
	});

	it('lists every problem in every file at once', () => {
		const found = issues(() =>
			planRedirects([report('a', ['/feed.xml']), report('b', ['/reports/live/'])], isTaken),
		);
		expect(found.map((f) => f.split(':')[0])).toEqual([
			'content/reports/a.md',
			'content/reports/b.md',
		]);
	});
});

describe('redirectsFile', () => {
	it('gives each alias a 301 line, directory aliases with and without the slash', () => {
		const text = redirectsFile(planRedirects([report('new', ['/old/', '/older.html'])], isTaken));
		const rules = text.split('\n').filter((l) => l && !l.startsWith('#'));
		expect(rules).toEqual([
			'/old /reports/new/ 301',
			'/old/ /reports/new/ 301',
			'/older.html /reports/new/ 301',
		]);
	});

	it('percent-encodes non-ASCII paths and has only comments when there are no aliases', () => {
		expect(redirectsFile(planRedirects([report('n', ['/café/'])], isTaken))).toContain(
			'/caf%C3%A9/ /reports/n/ 301',
		);
		expect(
			redirectsFile([])
				.split('\n')
				.every((l) => l === '' || l.startsWith('#')),
		).toBe(true);
	});
});

describe('queryRedirectsFile', () => {
	it('lists each query address by its key and leaves path aliases to their pages', () => {
		const redirects = planRedirects(
			[report('b', ['/?p=20', '/old-b/']), report('a', ['/?utm=x&p=3'])],
			isTaken,
		);
		expect(JSON.parse(queryRedirectsFile(redirects))).toEqual({
			'/?p=20': '/reports/b/',
			'/?p=3&utm=x': '/reports/a/',
		});
	});

	it('keeps query addresses out of _redirects rules, noting them in a comment', () => {
		const text = redirectsFile(planRedirects([report('n', ['/?p=5', '/old/'])], isTaken));
		expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
			'/old /reports/n/ 301',
			'/old/ /reports/n/ 301',
		]);
		expect(text).toContain('# /?p=5 → /reports/n/ (a query address');
	});
});

describe('redirectPage', () => {
	const html = redirectPage(
		{ to: '/reports/new/', title: 'IS-K & the "Taliban" <2022>' },
		'https://archive.example.org',
		'en',
	);

	it('refreshes at once to the report by a root-relative path and shows a link to it', () => {
		expect(html).toContain('<meta http-equiv="refresh" content="0; url=/reports/new/">');
		expect(html).toContain('<a href="/reports/new/">');
	});

	it('names the absolute canonical URL and asks not to be indexed', () => {
		expect(html).toContain(
			'<link rel="canonical" href="https://archive.example.org/reports/new/">',
		);
		expect(html).toContain('<meta name="robots" content="noindex">');
	});

	it('escapes the title and loads no script or stylesheet', () => {
		expect(html).toContain('IS-K &amp; the &quot;Taliban&quot; &lt;2022&gt;');
		expect(html).not.toMatch(/<script|<link rel="stylesheet"/);
	});
});
