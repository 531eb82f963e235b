import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
	allFeeds,
	atomFeed,
	changeLog,
	correctionsFeed,
	escapeXml,
	FEED_LIMIT,
	feedInstant,
	feedLinks,
	fullTextFeed,
	jsonFeed,
	modifiedDay,
	rssFeed,
	siteFeed,
	termFeed,
} from '../../../src/lib/outputs/feeds.ts';
import { parsePartialDate, type PartialDate } from '../../../src/lib/model/dates.ts';
import {
	fixtureArchive,
	recordArchive,
	reportEntry,
	REPORTS,
	SITE_URL,
} from '../../support/fixture-archive.ts';

const SITE = {
	url: SITE_URL,
	title: 'Brief Archive',
	description: 'An archive.',
	publisher: 'Brief Archive',
	lang: 'en',
};
const FALLBACK = new Date('2026-06-01T00:00:00Z');
const date = (text: string) => parsePartialDate(text) as PartialDate;
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

/**
 * The fixture's reports with the days they entered the archive: the year report first, the day
 * report last, so that the feed order (by day entered) is not the archive's (by publication).
 */
const ENTERED: Record<string, string> = {
	'day-report': '2026-03-01',
	'month-report': '2026-02-01',
	'year-report': '2026-04-01',
};
const archive = fixtureArchive(
	REPORTS.map((r) =>
		ENTERED[r.id]
			? reportEntry(r.id, {
					...r.data,
					published: r.data.published.iso,
					updated: r.data.updated?.iso,
					added: ENTERED[r.id],
				} as never)
			: r,
	),
);
const all = siteFeed(archive, SITE);
const taliban = termFeed(
	archive.groups.find((g) => g.slug === 'taliban')!,
	SITE,
);
const ids = (feed: { items: { id: string }[] }) =>
	feed.items.map((i) => i.id.replace(`${SITE_URL}/reports/`, ''));

describe('feedInstant', () => {
	it('dates a day at midnight UTC of that day', () => {
		expect(feedInstant(date('2022-05-07')).toISOString()).toBe('2022-05-07T00:00:00.000Z');
	});

	it('refuses a month or a year: a feed never invents a day', () => {
		expect(() => feedInstant(date('2022-05'))).toThrow('not by the month 2022-05');
		expect(() => feedInstant(date('2021'))).toThrow('not by the year 2021');
	});
});

describe('siteFeed and termFeed', () => {
	it('lists the public reports by the day they entered the archive, newest first, and no draft', () => {
		expect(ids(all)).toEqual(['year-report/', 'day-report/', 'month-report/']);
		expect(all.items.map((i) => i.date.iso)).toEqual(['2026-04-01', '2026-03-01', '2026-02-01']);
		expect(all.pagePath).toBe('/reports/');
	});

	it('keeps each report’s publication date at its own precision beside the feed date', () => {
		expect(all.items.map((i) => i.issued?.iso)).toEqual(['2021', '2022-05-07', '2022-03']);
	});

	it('lists at most FEED_LIMIT reports, the last to enter', () => {
		const many = Array.from({ length: FEED_LIMIT + 5 }, (_, i) =>
			reportEntry(`r${i}`, { added: `2027-01-${String((i % 28) + 1).padStart(2, '0')}` }),
		);
		const feed = siteFeed(fixtureArchive([...REPORTS, ...many]), SITE);
		expect(feed.items).toHaveLength(FEED_LIMIT);
		expect(feed.items[0]!.date.iso).toBe('2027-01-28');
	});

	it('follows one term with its own title, page and reports', () => {
		expect(taliban.title).toBe('Brief Archive: Taliban');
		expect(taliban.description).toBe('New reports in Brief Archive on the armed group Taliban.');
		expect(taliban.pagePath).toBe('/groups/taliban/');
		expect(ids(taliban)).toEqual(['year-report/', 'month-report/']);
	});

	it('includes the places within a region in its feed', () => {
		const afghanistan = archive.regions.find((r) => r.slug === 'afghanistan')!;
		expect(ids(termFeed(afghanistan, SITE))).toEqual(['day-report/', 'month-report/']);
	});

	it('follows an author', () => {
		const jane = archive.authors.find((a) => a.slug === 'jane-analyst')!;
		const feed = termFeed(jane, SITE);
		expect(feed.description).toBe('New reports in Brief Archive by Jane Analyst.');
		expect(ids(feed)).toEqual(['day-report/']);
		expect(feedLinks(feed).map((l) => l.href)).toEqual([
			'/authors/jane-analyst/feed.xml',
			'/authors/jane-analyst/atom.xml',
			'/authors/jane-analyst/feed.json',
		]);
	});

	it('makes one feed for the site, one of corrections and one per group, region, topic and author', () => {
		const feeds = allFeeds(archive, SITE);
		expect(feeds.map((f) => f.pagePath)).toEqual([
			'/reports/',
			'/corrections/',
			'/groups/is-k/',
			'/groups/taliban/',
			'/regions/afghanistan/',
			'/regions/kunduz/',
			'/topics/economic-crisis/',
			'/topics/recruitment/',
			'/authors/jane-analyst/',
			'/authors/ct-fellow/',
			'/authors/the-desk/',
		]);
	});
});

describe('the record in feeds', () => {
	const record = recordArchive();
	const get = (slug: string) => record.bySlug.get(slug)!;

	it('gives a changed report the day of its last change as its modified day', () => {
		expect(modifiedDay(get('corrected-report'))?.iso).toBe('2022-05-20');
		expect(modifiedDay(get('month-report'))).toBeUndefined();
	});

	it('says in a report’s summary when it was last changed, superseded or withdrawn', () => {
		const items = new Map(siteFeed(record, SITE).items.map((i) => [i.id, i.summary]));
		const summary = (slug: string) => items.get(`${SITE_URL}/reports/${slug}/`);
		expect(summary('corrected-report')).toBe(
			'A corrected and updated report. (Updated 20 May 2022.)',
		);
		expect(summary('old-report')).toBe(
			'Superseded by the day report. (Superseded by “IS-K & the <Taliban>: a "day" report”.)',
		);
		expect(summary('withdrawn-report')).toBe(
			'Withdrawn after its sources were found unreliable. (Withdrawn 10 January 2022: Its main source was found to be unreliable.)',
		);
	});

	it('lists every correction, update and withdrawal, newest first, each at its anchor', () => {
		expect(
			changeLog(record.reports).map(
				(e) => `${e.change.date.iso} ${e.change.kind} ${e.report.slug}#${e.anchor}`,
			),
		).toEqual([
			'2022-05-20 update corrected-report#change-2',
			'2022-04-12 correction corrected-report#change-1',
			'2022-01-10 withdrawal withdrawn-report#withdrawn',
		]);
		const feed = correctionsFeed(record.reports, SITE);
		expect(feed.items.map((i) => [i.title, i.date.iso, i.url])).toEqual([
			[
				'Update: Kunduz after the offensive',
				'2022-05-20',
				`${SITE_URL}/reports/corrected-report/#change-2`,
			],
			[
				'Correction: Kunduz after the offensive',
				'2022-04-12',
				`${SITE_URL}/reports/corrected-report/#change-1`,
			],
			[
				'Withdrawal: A withdrawn assessment',
				'2022-01-10',
				`${SITE_URL}/reports/withdrawn-report/#withdrawn`,
			],
		]);
		expect(feed.items[1]!.summary).toBe(
			'It said: The attack killed 30 people. It now says: The attack killed 25 people.',
		);
		expect(feedLinks(feed).map((l) => l.href)).toEqual([
			'/corrections/feed.xml',
			'/corrections/atom.xml',
			'/corrections/feed.json',
		]);
	});

	it('gives full-text items the report’s HTML, and its own addresses', () => {
		const feed = fullTextFeed(record, SITE, (r) => `<p>Text of ${r.slug}.</p>`);
		expect(feed.items[0]!.html).toMatch(/^<p>Text of .+\.<\/p>$/);
		expect(feedLinks(feed).map((l) => l.href)).toEqual([
			'/feed-full.xml',
			'/atom-full.xml',
			'/feed-full.json',
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
	it('is well-formed RSS 2.0 with absolute links, the day each entered as pubDate, and a self link', async () => {
		const xml = await rssFeed(all, SITE);
		expect(XMLValidator.validate(xml)).toBe(true);
		const rss = at(parse(xml), 'rss');
		expect(at(rss, '@version')).toBe('2.0');
		expect(at(rss, 'channel', 'link')).toBe(`${SITE_URL}/reports/`);
		expect(at(rss, 'channel', 'atom:link', '@href')).toBe(`${SITE_URL}/feed.xml`);
		const items = list(rss, 'channel', 'item');
		expect(items.map((i) => at(i, 'link'))).toEqual([
			`${SITE_URL}/reports/year-report/`,
			`${SITE_URL}/reports/day-report/`,
			`${SITE_URL}/reports/month-report/`,
		]);
		expect(items.map((i) => at(i, 'pubDate'))).toEqual([
			'Wed, 01 Apr 2026 00:00:00 GMT',
			'Sun, 01 Mar 2026 00:00:00 GMT',
			'Sun, 01 Feb 2026 00:00:00 GMT',
		]);
	});

	it('keeps the publication date at its precision in dc:date, never padded to a day', async () => {
		const items = list(parse(await rssFeed(all, SITE)), 'rss', 'channel', 'item');
		expect(items.map((i) => at(i, 'dc:date'))).toEqual([2021, '2022-05-07', '2022-03']);
	});

	it('escapes markup in titles and names the authors in dc:creator', async () => {
		const xml = await rssFeed(all, SITE);
		expect(xml).toContain('IS-K &amp; the &lt;Taliban&gt;');
		const items = list(parse(xml), 'rss', 'channel', 'item');
		expect(at(items[1], 'title')).toBe('IS-K & the <Taliban>: a "day" report');
		expect(items.map((i) => at(i, 'dc:creator'))).toEqual([
			'Brief Archive',
			'Jane Analyst',
			'Rise to Peace Counter-Terrorism Research Fellow',
		]);
		expect(list(items[1], 'category')).toEqual([
			'Special report',
			'Islamic State Khorasan Province',
			'Kunduz',
			'Recruitment',
		]);
	});

	it('carries the full text in content:encoded in a full-text feed', async () => {
		const feed = fullTextFeed(archive, SITE, () => '<p>Body &amp; more.</p>');
		const xml = await rssFeed(feed, SITE);
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(xml).toContain('xmlns:content="http://purl.org/rss/1.0/modules/content/"');
		expect(at(list(parse(xml), 'rss', 'channel', 'item')[0], 'content:encoded')).toBe(
			'<p>Body &amp; more.</p>',
		);
	});
});

describe('atomFeed', () => {
	const xml = atomFeed(all, SITE, FALLBACK);
	const feed = at(parse(xml), 'feed');

	it('is well-formed Atom with an id, a self link and the newest date as updated', () => {
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(at(feed, '@xmlns')).toBe('http://www.w3.org/2005/Atom');
		expect(at(feed, 'id')).toBe(`${SITE_URL}/atom.xml`);
		expect(list(feed, 'link').map((l) => at(l, '@rel'))).toEqual(['self', 'alternate']);
		expect(at(feed, 'updated')).toBe('2026-04-01T00:00:00.000Z');
	});

	it('gives each entry an id, a link, the day it entered, the publication date and its authors', () => {
		const entries = list(feed, 'entry');
		expect(entries.map((e) => at(e, 'id'))).toEqual([
			`${SITE_URL}/reports/year-report/`,
			`${SITE_URL}/reports/day-report/`,
			`${SITE_URL}/reports/month-report/`,
		]);
		expect(entries[1]).toMatchObject({
			published: '2026-03-01T00:00:00.000Z',
			updated: '2026-03-01T00:00:00.000Z',
			'dc:date': '2022-05-07',
			author: { name: 'Jane Analyst', uri: `${SITE_URL}/authors/jane-analyst/` },
			summary: 'A report known to the day, by a person, with a PDF.',
		});
		expect(at(entries[2], 'dc:date')).toBe('2022-03');
	});

	it('gives a corrected report its last change as updated', () => {
		const record = atomFeed(siteFeed(recordArchive(), SITE), SITE, FALLBACK);
		const entry = list(at(parse(record), 'feed'), 'entry').find(
			(e) => at(e, 'id') === `${SITE_URL}/reports/corrected-report/`,
		);
		expect(at(entry, 'updated')).toBe('2022-05-20T00:00:00.000Z');
	});

	it('escapes markup in titles', () => {
		expect(xml).toContain(
			'<title>IS-K &amp; the &lt;Taliban&gt;: a &quot;day&quot; report</title>',
		);
	});

	it('uses the fallback date as updated when the feed is empty', () => {
		const empty = atomFeed({ ...all, items: [] }, SITE, FALLBACK);
		expect(XMLValidator.validate(empty)).toBe(true);
		expect(at(parse(empty), 'feed', 'updated')).toBe(FALLBACK.toISOString());
		expect(list(parse(empty), 'feed', 'entry')).toEqual([]);
	});
});

describe('jsonFeed', () => {
	const feed = jsonFeed(all, SITE);

	it('declares JSON Feed 1.1 with the required title and items, and its own URL', () => {
		expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
		expect(feed.title).toBe('Brief Archive');
		expect(feed.feed_url).toBe(`${SITE_URL}/feed.json`);
		expect(feed.home_page_url).toBe(`${SITE_URL}/reports/`);
	});

	it('gives each item an id, content, dates, authors, tags, the social card and the publication date', () => {
		expect(feed.items[1]).toEqual({
			id: `${SITE_URL}/reports/day-report/`,
			url: `${SITE_URL}/reports/day-report/`,
			title: 'IS-K & the <Taliban>: a "day" report',
			summary: 'A report known to the day, by a person, with a PDF.',
			content_text: 'A report known to the day, by a person, with a PDF.',
			date_published: '2026-03-01T00:00:00.000Z',
			authors: [{ name: 'Jane Analyst', url: `${SITE_URL}/authors/jane-analyst/` }],
			tags: ['Special report', 'Islamic State Khorasan Province', 'Kunduz', 'Recruitment'],
			image: `${SITE_URL}/reports/day-report/card.png`,
			_brief: { published: '2022-05-07' },
		});
		expect(feed.items[2]!._brief).toEqual({ published: '2022-03' });
	});

	it('gives a corrected report date_modified, and a full-text item content_html', () => {
		const items = jsonFeed(siteFeed(recordArchive(), SITE), SITE).items;
		expect(items.find((i) => i.id.endsWith('/corrected-report/'))?.date_modified).toBe(
			'2022-05-20T00:00:00.000Z',
		);
		const full = jsonFeed(
			fullTextFeed(archive, SITE, () => '<p>x</p>'),
			SITE,
		).items[0]!;
		expect(full.content_html).toBe('<p>x</p>');
		expect(full).not.toHaveProperty('content_text');
	});
});
