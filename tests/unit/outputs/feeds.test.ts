import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
	allFeeds,
	atomFeed,
	escapeXml,
	FEED_LIMIT,
	feedDate,
	feedLinks,
	jsonFeed,
	rssFeed,
	siteFeed,
	termFeed,
} from '../../../src/lib/outputs/feeds.ts';
import { parsePartialDate, type PartialDate } from '../../../src/lib/model/dates.ts';
import { fixtureArchive, reportEntry, REPORTS, SITE_URL } from '../../support/fixture-archive.ts';

const SITE = {
	url: SITE_URL,
	title: 'Brief Archive',
	description: 'An archive.',
	publisher: 'Brief Archive',
	lang: 'en',
};
const FALLBACK = new Date('2026-06-01T00:00:00Z');
const date = (text: string) => parsePartialDate(text) as PartialDate;
const card = (r: { slug: string }) => `${SITE_URL}/reports/${r.slug}/card.png`;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const parse = (xml: string): unknown => parser.parse(xml);

/** The value at a path of element names (or `@attributes`) in parsed XML, or undefined. */
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

const archive = fixtureArchive();
const all = siteFeed(archive, SITE);
const taliban = termFeed(
	archive.groups.find((g) => g.slug === 'taliban')!,
	SITE,
);

describe('feedDate', () => {
	it('dates a day-precision report at midnight UTC of that day', () => {
		expect(feedDate(date('2022-05-07')).toISOString()).toBe('2022-05-07T00:00:00.000Z');
	});

	it('dates month and year precision at the first instant of the period, never a later day', () => {
		expect(feedDate(date('2022-05')).toISOString()).toBe('2022-05-01T00:00:00.000Z');
		expect(feedDate(date('2021')).toISOString()).toBe('2021-01-01T00:00:00.000Z');
	});
});

describe('siteFeed and termFeed', () => {
	it('lists the public reports newest first and no draft', () => {
		expect(all.reports.map((r) => r.slug)).toEqual(['day-report', 'month-report', 'year-report']);
		expect(all.pagePath).toBe('/reports/');
	});

	it('lists at most FEED_LIMIT reports, the newest', () => {
		const many = Array.from({ length: FEED_LIMIT + 5 }, (_, i) =>
			reportEntry(`r${i}`, { published: `${2030 + i}` }),
		);
		const feed = siteFeed(fixtureArchive([...REPORTS, ...many]), SITE);
		expect(feed.reports).toHaveLength(FEED_LIMIT);
		expect(feed.reports[0]!.slug).toBe(`r${FEED_LIMIT + 4}`);
	});

	it('follows one term with its own title, page and reports', () => {
		expect(taliban.title).toBe('Brief Archive: Taliban');
		expect(taliban.pagePath).toBe('/groups/taliban/');
		expect(taliban.reports.map((r) => r.slug)).toEqual(['month-report', 'year-report']);
	});

	it('includes the places within a region in its feed', () => {
		const afghanistan = archive.regions.find((r) => r.slug === 'afghanistan')!;
		expect(termFeed(afghanistan, SITE).reports.map((r) => r.slug)).toEqual([
			'day-report',
			'month-report',
		]);
	});

	it('makes one feed for the site and one per group, region and topic, none per author', () => {
		const feeds = allFeeds(archive, SITE);
		expect(feeds.map((f) => f.pagePath)).toEqual([
			'/reports/',
			'/groups/is-k/',
			'/groups/taliban/',
			'/regions/afghanistan/',
			'/regions/kunduz/',
			'/topics/economic-crisis/',
			'/topics/recruitment/',
		]);
	});
});

describe('feedLinks', () => {
	it('gives RSS, Atom and JSON Feed addresses with their MIME types', () => {
		expect(feedLinks(taliban)).toEqual([
			{
				format: 'rss',
				type: 'application/rss+xml',
				label: 'RSS',
				href: '/groups/taliban/feed.xml',
				title: 'Brief Archive: Taliban (RSS)',
			},
			{
				format: 'atom',
				type: 'application/atom+xml',
				label: 'Atom',
				href: '/groups/taliban/atom.xml',
				title: 'Brief Archive: Taliban (Atom)',
			},
			{
				format: 'json',
				type: 'application/feed+json',
				label: 'JSON Feed',
				href: '/groups/taliban/feed.json',
				title: 'Brief Archive: Taliban (JSON Feed)',
			},
		]);
	});
});

describe('escapeXml', () => {
	it('escapes the five XML special characters', () => {
		expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
		);
	});
});

describe('rssFeed', () => {
	it('is well-formed RSS 2.0 with absolute links, full dates and a self link', async () => {
		const xml = await rssFeed(all, SITE);
		expect(XMLValidator.validate(xml)).toBe(true);
		const rss = at(parse(xml), 'rss');
		expect(at(rss, '@version')).toBe('2.0');
		expect(at(rss, 'channel', 'link')).toBe(`${SITE_URL}/reports/`);
		expect(at(rss, 'channel', 'atom:link', '@href')).toBe(`${SITE_URL}/feed.xml`);
		const items = list(rss, 'channel', 'item');
		expect(items.map((i) => at(i, 'link'))).toEqual([
			`${SITE_URL}/reports/day-report/`,
			`${SITE_URL}/reports/month-report/`,
			`${SITE_URL}/reports/year-report/`,
		]);
		expect(items.map((i) => at(i, 'pubDate'))).toEqual([
			'Sat, 07 May 2022 00:00:00 GMT',
			'Tue, 01 Mar 2022 00:00:00 GMT',
			'Fri, 01 Jan 2021 00:00:00 GMT',
		]);
	});

	it('escapes markup in titles and names the authors in dc:creator', async () => {
		const xml = await rssFeed(all, SITE);
		expect(xml).toContain('IS-K &amp; the &lt;Taliban&gt;');
		const items = list(parse(xml), 'rss', 'channel', 'item');
		expect(at(items[0], 'title')).toBe('IS-K & the <Taliban>: a "day" report');
		expect(items.map((i) => at(i, 'dc:creator'))).toEqual([
			'Jane Analyst',
			'Rise to Peace Counter-Terrorism Research Fellow',
			'Brief Archive',
		]);
		expect(list(items[0], 'category')).toEqual([
			'Special report',
			'Islamic State Khorasan Province',
			'Kunduz',
			'Recruitment',
		]);
	});
});

describe('atomFeed', () => {
	const xml = atomFeed(all, SITE, FALLBACK);
	const feed = at(parse(xml), 'feed');

	it('is well-formed Atom with an id, a self link and the newest change as updated', () => {
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(at(feed, '@xmlns')).toBe('http://www.w3.org/2005/Atom');
		expect(at(feed, 'id')).toBe(`${SITE_URL}/atom.xml`);
		expect(list(feed, 'link').map((l) => at(l, '@rel'))).toEqual(['self', 'alternate']);
		expect(at(feed, 'updated')).toBe('2022-06-01T00:00:00.000Z');
	});

	it('gives each entry an id, a link, published and updated dates and its authors', () => {
		const entries = list(feed, 'entry');
		expect(entries.map((e) => at(e, 'id'))).toEqual([
			`${SITE_URL}/reports/day-report/`,
			`${SITE_URL}/reports/month-report/`,
			`${SITE_URL}/reports/year-report/`,
		]);
		expect(entries[0]).toMatchObject({
			published: '2022-05-07T00:00:00.000Z',
			updated: '2022-06-01T00:00:00.000Z',
			author: { name: 'Jane Analyst', uri: `${SITE_URL}/authors/jane-analyst/` },
			summary: 'A report known to the day, by a person, with a PDF.',
		});
		expect(at(entries[1], 'published')).toBe('2022-03-01T00:00:00.000Z');
	});

	it('escapes markup in titles', () => {
		expect(xml).toContain(
			'<title>IS-K &amp; the &lt;Taliban&gt;: a &quot;day&quot; report</title>',
		);
	});

	it('uses the fallback date as updated when the feed is empty', () => {
		const empty = atomFeed({ ...all, reports: [] }, SITE, FALLBACK);
		expect(XMLValidator.validate(empty)).toBe(true);
		expect(at(parse(empty), 'feed', 'updated')).toBe(FALLBACK.toISOString());
		expect(list(parse(empty), 'feed', 'entry')).toEqual([]);
	});
});

describe('jsonFeed', () => {
	const feed = jsonFeed(all, SITE, card);

	it('declares JSON Feed 1.1 with the required title and items, and its own URL', () => {
		expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
		expect(feed.title).toBe('Brief Archive');
		expect(feed.feed_url).toBe(`${SITE_URL}/feed.json`);
		expect(feed.home_page_url).toBe(`${SITE_URL}/reports/`);
	});

	it('gives each item an id, content, dates, authors, tags and the social card', () => {
		expect(feed.items[0]).toEqual({
			id: `${SITE_URL}/reports/day-report/`,
			url: `${SITE_URL}/reports/day-report/`,
			title: 'IS-K & the <Taliban>: a "day" report',
			summary: 'A report known to the day, by a person, with a PDF.',
			content_text: 'A report known to the day, by a person, with a PDF.',
			date_published: '2022-05-07T00:00:00.000Z',
			date_modified: '2022-06-01T00:00:00.000Z',
			authors: [{ name: 'Jane Analyst', url: `${SITE_URL}/authors/jane-analyst/` }],
			tags: ['Special report', 'Islamic State Khorasan Province', 'Kunduz', 'Recruitment'],
			image: `${SITE_URL}/reports/day-report/card.png`,
		});
		expect(feed.items[2]).not.toHaveProperty('date_modified');
	});
});
