/**
 * The outputs for links, citations and followers, read from a real build of the fixture site
 * (tests/fixtures/site), whose public reports, terms and former URLs are known by
 * construction: feeds, JSON-LD, citation tags, redirects, the sitemap, robots.txt, the JSON
 * index and the social cards.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, FIXTURE_SITE, listFiles, type BuildResult } from '../support/fixture-build.ts';

const SITE = 'https://briefs.test.example';
/** The onion service that mirrors the fixture site, announced by its clear-web build. */
const ONION = `http://${'o'.repeat(52)}2345.onion`;
const scratch = mkdtempSync(join(tmpdir(), 'brief-outputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The public reports, newest first, and the draft and embargoed ones that must not show. */
const PUBLIC = ['renamed-report', 'desk-report', 'unsigned-report'];
const HIDDEN = ['draft-report', 'embargoed-report'];
const reportUrl = (slug: string) => `${SITE}/reports/${slug}/`;

/** Each feed's folder and the public reports it must list, newest first. */
const FEEDS: Record<string, string[]> = {
	'': PUBLIC,
	'groups/is-k/': ['renamed-report', 'unsigned-report'],
	'groups/taliban/': ['desk-report', 'unsigned-report'],
	'regions/afghanistan/': ['renamed-report', 'desk-report'],
	'regions/kunduz/': ['renamed-report'],
	'topics/recruitment/': ['renamed-report'],
	'topics/security/': [],
};

/** The former URLs of renamed-report and the files their redirect pages must be. */
const ALIASES = {
	'/reports/old-name/': 'reports/old-name/index.html',
	'/2022/05/old-name.html': '2022/05/old-name.html',
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
/** The value at a path of element names (or `@attributes`) in parsed XML or JSON. */
function at(node: unknown, ...path: string[]): unknown {
	let value = node;
	for (const key of path) {
		value =
			typeof value === 'object' && value !== null
				? (value as Record<string, unknown>)[key]
				: undefined;
	}
	return value;
}
/** A repeated element as a list, whether it occurred once, more often or not at all. */
function list(node: unknown, ...path: string[]): unknown[] {
	const value = at(node, ...path);
	return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

let build: BuildResult;
let files: string[];
const read = (file: string) => readFileSync(join(build.outDir, file), 'utf8');
const xml = (file: string) => {
	const text = read(file);
	expect(XMLValidator.validate(text), file).toBe(true);
	return parser.parse(text) as unknown;
};
/** The `<meta name=…>` values of a page, by name. */
function metaValues(html: string, name: string): string[] {
	const re = new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g');
	return [...html.matchAll(re)].map((m) => m[1]!);
}
/** The JSON-LD blocks of a page, parsed. */
function jsonLd(html: string): Record<string, unknown>[] {
	return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
		(m) => JSON.parse(m[1]!) as Record<string, unknown>,
	);
}

beforeAll(() => {
	build = buildSite(FIXTURE_SITE, join(scratch, 'site'), {
		BRIEF_SITE_URL: SITE,
		BRIEF_ONION_URL: ONION,
	});
	expect(build.status, build.output).toBe(0);
	files = listFiles(build.outDir);
}, 180_000);

describe('the fixture build', () => {
	it('leaves no trace of the draft and the embargoed report anywhere', () => {
		for (const file of files) {
			expect(readFileSync(join(build.outDir, file), 'latin1'), file).not.toContain('CANARY');
			for (const slug of HIDDEN) expect(file).not.toContain(slug);
		}
	});
});

describe('feeds', () => {
	it.each(Object.entries(FEEDS))(
		'RSS at /%sfeed.xml parses and lists exactly its reports',
		(dir, slugs) => {
			const rss = xml(`${dir}feed.xml`);
			expect(at(rss, 'rss', '@version')).toBe('2.0');
			const items = list(rss, 'rss', 'channel', 'item');
			expect(items.map((i) => at(i, 'link'))).toEqual(slugs.map(reportUrl));
			for (const item of items) expect(at(item, 'pubDate')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} /);
		},
	);

	it.each(Object.entries(FEEDS))(
		'Atom at /%satom.xml parses and lists exactly its reports',
		(dir, slugs) => {
			const feed = at(xml(`${dir}atom.xml`), 'feed');
			expect(at(feed, '@xmlns')).toBe('http://www.w3.org/2005/Atom');
			expect(at(feed, 'id')).toBe(`${SITE}/${dir}atom.xml`);
			expect(at(feed, 'updated')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
			const entries = list(feed, 'entry');
			expect(entries.map((e) => at(e, 'id'))).toEqual(slugs.map(reportUrl));
			for (const entry of entries) {
				expect(at(entry, 'title')).toBeTruthy();
				expect(at(entry, 'updated')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
			}
		},
	);

	it.each(Object.entries(FEEDS))(
		'JSON Feed at /%sfeed.json has the 1.1 required fields and exactly its reports',
		(dir, slugs) => {
			const feed = JSON.parse(read(`${dir}feed.json`)) as unknown;
			expect(at(feed, 'version')).toBe('https://jsonfeed.org/version/1.1');
			expect(typeof at(feed, 'title')).toBe('string');
			expect(at(feed, 'feed_url')).toBe(`${SITE}/${dir}feed.json`);
			const items = list(feed, 'items');
			expect(items.map((i) => at(i, 'id'))).toEqual(slugs.map(reportUrl));
			for (const item of items) {
				expect(typeof at(item, 'id')).toBe('string');
				expect(typeof (at(item, 'content_text') ?? at(item, 'content_html'))).toBe('string');
				expect(new Date(at(item, 'date_published') as string).toString()).not.toBe('Invalid Date');
			}
		},
	);

	it('dates each report in RSS by the day it entered the archive, never an invented first of the month', () => {
		const items = list(xml('feed.xml'), 'rss', 'channel', 'item');
		// renamed-report is known to the day; the others give the day they entered (`added`).
		expect(items.map((i) => at(i, 'pubDate'))).toEqual([
			'Sat, 07 May 2022 00:00:00 GMT',
			'Tue, 15 Mar 2022 00:00:00 GMT',
			'Tue, 01 Jun 2021 00:00:00 GMT',
		]);
		expect(items.map((i) => String(at(i, 'dc:date')))).toEqual(['2022-05-07', '2022-03', '2021']);
	});

	it('announces the site feeds on every page and a term’s own feeds on its page, with a Follow line', () => {
		const alternates = (html: string) =>
			[...html.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)"/g)].map(
				(m) => `${m[1]} ${m[2]}`,
			);
		const site = [
			'application/rss+xml /feed.xml',
			'application/atom+xml /atom.xml',
			'application/feed+json /feed.json',
		];
		expect(alternates(read('index.html'))).toEqual(site);
		expect(alternates(read('reports/desk-report/index.html'))).toEqual(site);
		const kunduz = read('regions/kunduz/index.html');
		expect(alternates(kunduz)).toEqual([
			'application/rss+xml /regions/kunduz/feed.xml',
			'application/atom+xml /regions/kunduz/atom.xml',
			'application/feed+json /regions/kunduz/feed.json',
			...site,
		]);
		for (const page of ['index.html', 'reports/index.html', 'regions/kunduz/index.html']) {
			expect(read(page), page).toMatch(/Follow<\/(dt|span)>/);
		}
		// Authors can be followed too.
		expect(read('authors/jane-analyst/index.html')).toContain(
			'href="/authors/jane-analyst/feed.xml"',
		);
	});
});

describe('metadata', () => {
	it.each(PUBLIC)('report %s has canonical, Open Graph, Twitter and citation tags', (slug) => {
		const html = read(`reports/${slug}/index.html`);
		expect(html).toContain(`<link rel="canonical" href="${reportUrl(slug)}">`);
		expect(html).toContain(`<meta property="og:url" content="${reportUrl(slug)}">`);
		expect(html).toContain(`<meta property="og:image" content="${reportUrl(slug)}card.png">`);
		expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
		for (const name of [
			'citation_title',
			'citation_author',
			'citation_publication_date',
			'citation_publisher',
			'citation_technical_report_institution',
		]) {
			expect(metaValues(html, name), name).not.toEqual([]);
		}
	});

	it('gives citation dates at their precision and the PDF where there is one', () => {
		const date = (slug: string) =>
			metaValues(read(`reports/${slug}/index.html`), 'citation_publication_date');
		expect(date('renamed-report')).toEqual(['2022/05/07']);
		expect(date('desk-report')).toEqual(['2022/03']);
		expect(date('unsigned-report')).toEqual(['2021']);
		expect(metaValues(read('reports/renamed-report/index.html'), 'citation_pdf_url')).toEqual([
			'https://www.risetopeace.org/files/renamed-report.pdf',
		]);
		// The desk is named as every other output names it: its byline as printed.
		expect(metaValues(read('reports/desk-report/index.html'), 'citation_author')).toEqual([
			'Counter-Terrorism Research Fellow',
		]);
	});

	it.each(PUBLIC)(
		'report %s has JSON-LD that parses as a schema.org Report with the required fields',
		(slug) => {
			const [ld, ...more] = jsonLd(read(`reports/${slug}/index.html`));
			expect(more).toEqual([]);
			expect(ld).toMatchObject({
				'@context': 'https://schema.org',
				'@type': 'Report',
				url: reportUrl(slug),
			});
			for (const field of ['headline', 'author', 'publisher', 'datePublished', 'dateModified']) {
				expect(ld, field).toHaveProperty(field);
			}
		},
	);

	it('keeps a title with </script> inside the JSON-LD and the JSON-LD intact', () => {
		const html = read('reports/renamed-report/index.html');
		const [ld] = jsonLd(html);
		expect(ld!.headline).toBe('A renamed report: IS-K & the "Taliban" </script>');
		expect(ld!.isBasedOn).toBe('https://www.risetopeace.org/renamed-report/');
		expect(ld!.datePublished).toBe('2022-05-07');
	});

	it('describes every group, region and topic page in JSON-LD with its URL and other names', () => {
		const [isk] = jsonLd(read('groups/is-k/index.html'));
		expect(isk).toMatchObject({
			'@type': 'Organization',
			url: `${SITE}/groups/is-k/`,
			alternateName: ['ISKP', 'ISIS-K'],
		});
		expect(jsonLd(read('regions/kunduz/index.html'))[0]).toMatchObject({
			'@type': 'AdministrativeArea',
			url: `${SITE}/regions/kunduz/`,
		});
		expect(jsonLd(read('topics/recruitment/index.html'))[0]).toMatchObject({
			'@type': 'DefinedTerm',
		});
	});

	it('gives every page a canonical URL, a description and Open Graph tags', () => {
		for (const file of files.filter(
			(f) => f.endsWith('index.html') && !f.startsWith('reports/old-name'),
		)) {
			const html = read(file);
			expect(html, file).toMatch(/<link rel="canonical" href="https:\/\/briefs\.test\.example\//);
			expect(html, file).toMatch(/<meta name="description" content="[^"]+"/);
			expect(html, file).toMatch(/<meta property="og:title" content="[^"]+"/);
			expect(html, file).toMatch(/<meta property="og:image" content="https:[^"]+\.png"/);
		}
	});
});

describe('the onion mirror, announced by the clear-web build', () => {
	it('gives a page Tor Browser’s onion-location with that page’s own onion address (a report, the home page)', () => {
		const html = read('reports/desk-report/index.html');
		expect(html).toContain(
			`<meta http-equiv="onion-location" content="${ONION}/reports/desk-report/">`,
		);
		expect(read('index.html')).toContain(`<meta http-equiv="onion-location" content="${ONION}/">`);
		// The clear-web site stays its own canonical.
		expect(html).toContain(`<link rel="canonical" href="${reportUrl('desk-report')}">`);
	});

	it('sends the Onion-Location header from _headers, for every path', () => {
		expect(read('_headers')).toContain(`\n/*\n  Onion-Location: ${ONION}/\n`);
	});
});

describe('social cards', () => {
	it.each(PUBLIC)('report %s has a 1200×630 PNG card', (slug) => {
		const png = readFileSync(join(build.outDir, `reports/${slug}/card.png`));
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
	});
});

describe('redirects', () => {
	it.each(Object.entries(ALIASES))(
		'former URL %s has a redirect page to the report',
		(_alias, file) => {
			const html = read(file);
			expect(html).toContain(
				'<meta http-equiv="refresh" content="0; url=/reports/renamed-report/">',
			);
			expect(html).toContain(`<link rel="canonical" href="${reportUrl('renamed-report')}">`);
			expect(html).toContain('<meta name="robots" content="noindex">');
			expect(html).toContain('<a href="/reports/renamed-report/">');
		},
	);

	it('lists every former URL in _redirects with a 301, and no draft’s', () => {
		const rules = read('_redirects')
			.split('\n')
			.filter((l) => l && !l.startsWith('#'));
		expect(rules).toEqual([
			'/reports/old-name /reports/renamed-report/ 301',
			'/reports/old-name/ /reports/renamed-report/ 301',
			'/2022/05/old-name.html /reports/renamed-report/ 301',
		]);
		expect(existsSync(join(build.outDir, 'reports/draft-old/index.html'))).toBe(false);
	});

	it('lists the query addresses /?p=41 and /blog/?p=41 for the home and 404 pages to forward, and no draft’s', () => {
		expect(JSON.parse(read('query-redirects.json'))).toEqual({
			'/?p=41': '/reports/renamed-report/',
			'/blog/?p=41': '/reports/renamed-report/',
		});
	});

	it('leaves the internal alias list out of the output', () => {
		expect(files.filter((f) => f.includes('brief-build'))).toEqual([]);
	});
});

describe('sitemap and robots.txt', () => {
	const urls = (file: string) =>
		list(xml(file), 'urlset', 'url').map((u) => at(u, 'loc') as string);

	it('lists exactly the public pages: every built page but 404 and the redirect pages', () => {
		const pages = files
			.filter((f) => f.endsWith('index.html') && !Object.values(ALIASES).includes(f))
			.map((f) => `${SITE}/${f.replace(/index\.html$/, '')}`)
			.sort();
		const listed = urls('sitemap-0.xml').sort();
		expect(listed).toEqual(pages);
		for (const slug of PUBLIC) expect(listed).toContain(reportUrl(slug));
		expect(listed.some((u) => u.includes('404') || u.includes('old-name'))).toBe(false);
	});

	it('serves the sitemap index at /sitemap.xml too, and robots.txt names it by absolute URL', () => {
		expect(read('sitemap.xml')).toBe(read('sitemap-index.xml'));
		expect(list(xml('sitemap.xml'), 'sitemapindex', 'sitemap').map((s) => at(s, 'loc'))).toEqual([
			`${SITE}/sitemap-0.xml`,
		]);
		expect(read('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
	});
});

describe('/reports.json', () => {
	it('is version 1, matches its JSON Schema and lists exactly the public reports', () => {
		const index = JSON.parse(read('reports.json')) as {
			version: number;
			reports: { slug: string }[];
		};
		const schema = JSON.parse(read('reports.schema.json')) as object;
		const validate = new Ajv2020({ strict: true }).compile(schema);
		expect(validate(index), JSON.stringify(validate.errors)).toBe(true);
		expect(index.version).toBe(1);
		expect(index.reports.map((r) => r.slug)).toEqual(PUBLIC);
	});
});

describe('an alias that collides with a live URL', { timeout: 180_000 }, () => {
	it('stops the build, naming the file and the alias', () => {
		const content = join(scratch, 'collision', 'content');
		cpSync(FIXTURE_SITE, content, { recursive: true });
		writeFileSync(
			join(content, 'reports/collides.md'),
			"---\ntitle: Collides\nsummary: One sentence.\ntype: brief\nstatus: published\npublished: '2022'\nadded: '2022-06-01'\naliases: [/reports/desk-report/]\n---\n\nBody.\n",
		);
		const { status, output } = buildSite(content, join(scratch, 'collision'));
		expect(status).not.toBe(0);
		expect(output).toMatch(
			/reports\/collides\.md: aliases\[0\]: alias "\/reports\/desk-report\/" collides with a live URL/,
		);
	});
});
