/**
 * A publication of record, read from the one build of the record fixture (tests/fixtures/record,
 * shared with tests/e2e/record.spec.ts through tests/support/record-build.ts): the notices, the
 * kept versions and their pages, /corrections/ and its feeds, dates in feeds, JSON-LD and citation
 * tags, the kept file, and what stays out of search and the sitemap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, type BuildResult } from '../support/fixture-build.ts';
import { RECORD_FIXTURE, RECORD_SITE_URL as SITE, recordBuild } from '../support/record-build.ts';

let build: BuildResult;
let files: string[];
const read = (file: string) => readFileSync(join(build.outDir, file), 'utf8');
const page = (path: string) => read(`${path.slice(1)}index.html`);
/** The visible text of some HTML, tags dropped and white space collapsed. */
const text = (html: string) =>
	html
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const xml = (file: string) => {
	const source = read(file);
	expect(XMLValidator.validate(source), file).toBe(true);
	return parser.parse(source) as { rss: { channel: { item: Record<string, unknown>[] } } };
};
const jsonLd = (html: string) =>
	JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Record<
		string,
		unknown
	>;
const meta = (html: string, name: string) =>
	[...html.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g'))].map((m) => m[1]);

beforeAll(() => {
	build = recordBuild();
	expect(build.status, build.output).toBe(0);
	files = listFiles(build.outDir);
}, 300_000);

describe('a corrected report', () => {
	it('says at its top that it was corrected and updated, and shows when in its byline', () => {
		const html = text(page('/reports/corrected-report/'));
		expect(html).toContain(
			'Corrected and updated. This report has 1 correction and 1 update since it was published on 1 March 2024, the latest on 2 April 2024. See what changed',
		);
		expect(html).toContain('Last updated 2 April 2024');
		expect(html).toMatch(
			/Brief No\. 12 +Northern Afghanistan Briefs, vol\. 2, no\. 4 +DOI 10\.5555\/kpu\.brief\.12/,
		);
	});

	it('lists each change in full at its end, at the anchors /corrections/ links to', () => {
		const html = page('/reports/corrected-report/');
		expect(html).toContain('id="change-1"');
		expect(html).toContain('id="change-2"');
		expect(text(html)).toContain(
			'It said The attack on the district centre killed thirty-one people. It now says The attack on the district centre killed 23 people, according to the provincial hospital.',
		);
		expect(text(html)).toContain(
			'Version 1 · Published 1 March 2024 Version 2 · Corrected 5 March 2024 Version 3 · Updated 2 April 2024 · this page',
		);
	});

	it('gives JSON-LD its last change as dateModified, its corrections, version and identifiers', () => {
		const ld = jsonLd(page('/reports/corrected-report/'));
		expect(ld).toMatchObject({
			datePublished: '2024-03-01',
			dateModified: '2024-04-02',
			version: 3,
			reportNumber: '12',
			sameAs: 'https://doi.org/10.5555/kpu.brief.12',
			correction: [{ '@type': 'CorrectionComment', datePublished: '2024-03-05' }],
		});
	});

	it('gives Google Scholar its DOI, number and series, and the kept PDF', () => {
		const html = page('/reports/corrected-report/');
		expect(meta(html, 'citation_doi')).toEqual(['10.5555/kpu.brief.12']);
		expect(meta(html, 'citation_technical_report_number')).toEqual(['12']);
		expect(meta(html, 'citation_series_title')).toEqual(['Northern Afghanistan Briefs']);
		expect(meta(html, 'citation_pdf_url')).toEqual([`${SITE}/files/corrected-report.pdf`]);
	});

	it('serves its kept PDF as it is in the repository, with its size, pages and SHA-256 shown', () => {
		const kept = readFileSync(join(RECORD_FIXTURE, 'files/corrected-report.pdf'));
		expect(readFileSync(join(build.outDir, 'files/corrected-report.pdf')).equals(kept)).toBe(true);
		const html = page('/reports/corrected-report/');
		expect(text(html)).toContain('PDF, 1.7 KB, 3 pages, kept by this archive');
		expect(html).toContain('ba86cd7538232ad141c3620698fecbf86ad1cf4aa96ff925b384af04cafcde25');
		expect(text(html)).toContain('Web archive Copy of 6 March 2024');
	});
});

describe('kept versions', () => {
	it('each has its own page, marked superseded, with the text as it was and a link to the current one', () => {
		const v1 = page('/reports/corrected-report/v1/');
		expect(text(v1)).toContain(
			'Superseded version. This is version 1 of 3, kept as it was. It was corrected on 5 March 2024; the current version is on the report’s page. Read the current version',
		);
		expect(text(v1)).toContain('The attack on the district centre killed thirty-one people.');
		expect(v1).toContain('href="/reports/corrected-report/"');
		expect(files).toContain('reports/corrected-report/v2/index.html');
		expect(files).not.toContain('reports/corrected-report/v3/index.html');
	});

	it('cite that version: its number and its own address', () => {
		const v1 = text(page('/reports/corrected-report/v1/'));
		expect(v1).toContain('Cite this version');
		expect(v1).toContain(
			'Analyst, J. (2024). Kunduz after the spring offensive (Brief No. 12; Version 1, Northern Afghanistan Briefs, Vol. 2, Issue 4). Brief Archive. https://record.test.example/reports/corrected-report/v1/',
		);
	});

	it('are kept out of search, the sitemap and search engines', () => {
		const v1 = page('/reports/corrected-report/v1/');
		expect(v1).not.toContain('data-pagefind-body');
		expect(v1).toContain('<meta name="robots" content="noindex">');
		const sitemap = read('sitemap-0.xml');
		expect(sitemap).toContain(`${SITE}/reports/corrected-report/</loc>`);
		expect(sitemap).not.toContain('/v1/');
		expect(sitemap).not.toContain('/v2/');
		const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as {
			languages: Record<string, { page_count: number }>;
		};
		expect(entry.languages.en!.page_count).toBe(4);
	});
});

describe('superseded and withdrawn reports', () => {
	it('stay at their addresses with a notice, the superseded one linking to its replacement', () => {
		const old = page('/reports/superseded-report/');
		expect(text(old)).toMatch(
			/Superseded\. A later report replaces this one, which stays here as it was, for the record: Kunduz after the Spring Offensive ?\./,
		);
		expect(old).toContain(
			'<a href="/reports/corrected-report/">Kunduz after the Spring Offensive</a>',
		);
		expect(text(page('/reports/withdrawn-report/'))).toContain(
			'Withdrawn on 1 February 2024. Its main source, a casualty list, was found to have been fabricated.',
		);
	});

	it('are marked in listings and never suggested as related', () => {
		const listing = text(page('/regions/kunduz/'));
		expect(listing).toMatch(/Superseded Kunduz before the Spring Offensive/);
		expect(listing).toMatch(/Withdrawn An Assessment of Checkpoint Attacks/);
		expect(page('/reports/corrected-report/')).not.toContain(
			'card__title"><a href="/reports/withdrawn-report/"',
		);
	});

	it('are marked as such in JSON-LD and /reports.json, which matches its schema', () => {
		expect(jsonLd(page('/reports/withdrawn-report/')).creativeWorkStatus).toBe('Withdrawn');
		const index = JSON.parse(read('reports.json')) as { reports: Record<string, unknown>[] };
		const by = (slug: string) => index.reports.find((r) => r.slug === slug)!;
		expect(by('superseded-report')).toMatchObject({
			state: 'superseded',
			supersededBy: `${SITE}/reports/corrected-report/`,
		});
		expect(by('corrected-report')).toMatchObject({ version: 3, lastModified: '2024-04-02' });
		const schema = JSON.parse(read('reports.schema.json')) as object;
		const validate = new Ajv2020({ strict: true }).compile(schema);
		validate(index);
		expect(validate.errors ?? []).toEqual([]);
	});
});

describe('/corrections/ and its feeds', () => {
	it('lists every correction, update and withdrawal, newest first, linking to where each is', () => {
		const html = page('/corrections/');
		const links = [...html.matchAll(/<h2 class="change-log__title"><a href="([^"]+)"/g)].map(
			(m) => m[1],
		);
		expect(links).toEqual([
			'/reports/corrected-report/#change-2',
			'/reports/corrected-report/#change-1',
			'/reports/withdrawn-report/#withdrawn',
		]);
		expect(page('/reports/withdrawn-report/')).toContain('id="withdrawn"');
	});

	it('has feeds whose items are dated the day of each change', () => {
		const items = xml('corrections/feed.xml').rss.channel.item;
		expect(items.map((i) => [i.title, i.pubDate])).toEqual([
			['Update: Kunduz after the Spring Offensive', 'Tue, 02 Apr 2024 00:00:00 GMT'],
			['Correction: Kunduz after the Spring Offensive', 'Tue, 05 Mar 2024 00:00:00 GMT'],
			['Withdrawal: An Assessment of Checkpoint Attacks', 'Thu, 01 Feb 2024 00:00:00 GMT'],
		]);
		expect(files).toContain('corrections/atom.xml');
		expect(files).toContain('corrections/feed.json');
	});
});

describe('feeds', () => {
	it('date each report by the day it entered the archive and keep its own date in dc:date', () => {
		const items = xml('feed.xml').rss.channel.item;
		expect(items.map((i) => [i.link, i.pubDate, i['dc:date']])).toEqual([
			[`${SITE}/reports/corrected-report/`, 'Fri, 01 Mar 2024 00:00:00 GMT', '2024-03-01'],
			[`${SITE}/reports/old-report/`, 'Wed, 10 Jan 2024 00:00:00 GMT', '2019-05'],
			[`${SITE}/reports/superseded-report/`, 'Mon, 18 Dec 2023 00:00:00 GMT', '2023-12'],
			[`${SITE}/reports/withdrawn-report/`, 'Mon, 20 Nov 2023 00:00:00 GMT', '2023-11-20'],
		]);
	});

	it('offer the full text, with absolute links and no heading furniture', () => {
		const item = xml('feed-full.xml').rss.channel.item[0]!;
		const html = item['content:encoded'] as string;
		expect(html).toContain('<h2>The districts retaken in March</h2>');
		expect(html).not.toContain('heading-anchor');
		expect(files).toEqual(expect.arrayContaining(['atom-full.xml', 'feed-full.json']));
	});

	it('follow each author', () => {
		const items = xml('authors/jane-analyst/feed.xml').rss.channel.item;
		expect(items.map((i) => i.link)).toEqual([
			`${SITE}/reports/corrected-report/`,
			`${SITE}/reports/withdrawn-report/`,
		]);
		expect(page('/authors/jane-analyst/')).toContain('href="/authors/jane-analyst/feed.xml"');
	});
});

describe('an old report summarising a PDF the archive does not hold', () => {
	const html = () => text(page('/reports/old-report/'));

	it('says it is a summary of the PDF instead of a reading time, and that no copy is kept', () => {
		expect(html()).toContain('Summary · full text PDF');
		expect(html()).not.toContain('min read');
		expect(html()).toContain('The archive holds no copy of this file yet');
	});

	it('carries the publisher’s staleness notice, and its original page’s web-archive copy', () => {
		expect(html()).toContain(
			'Not updated. This special report was published in May 2019 and is not being updated.',
		);
		expect(html()).toContain('Archived copy Web archive, 1 June 2019');
	});

	it('is credited to its publisher as group author in every citation format', () => {
		expect(read('reports/old-report/cite.bib')).toContain('author = {{Kabul Policy Unit}}');
		expect(read('reports/old-report/cite.ris')).toContain('AU  - Kabul Policy Unit,');
		expect(meta(page('/reports/old-report/'), 'citation_author')).toEqual(['Kabul Policy Unit']);
		expect(html()).toContain('By Kabul Policy Unit (unsigned)');
	});
});

describe('an author page', () => {
	it('shows the profile (bio, affiliation, links) apart from the note on the byline’s provenance', () => {
		const html = page('/authors/jane-analyst/');
		expect(text(html)).toContain(
			'Jane Analyst studies armed groups in northern Afghanistan and has written on Kunduz since 2015.',
		);
		expect(html).toContain('href="https://jane-analyst.example.org/"');
		expect(text(html)).toContain('About this byline The byline is the author’s own name');
		expect(text(html)).toContain('Affiliation Kabul Policy Unit');
	});
});
