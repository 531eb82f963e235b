/**
 * Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest public reports, for the whole archive
 * and for each group, region and topic. One `FeedSpec` describes a feed; one builder per format
 * turns it into text, so the three formats always list the same reports.
 *
 * RSS goes through @astrojs/rss. Atom is built with fast-xml-parser's XMLBuilder (the XML writer
 * @astrojs/rss itself uses, so escaping is done by the same well-tested code), and JSON Feed is a
 * plain object: both formats are small and fixed, and the `feed` package writes JSON Feed 1.0,
 * not 1.1.
 *
 * Dates: RSS and Atom require a full date-time, so a report known only to the month or year is
 * dated at the first instant (UTC) of that period. This is a constraint of the formats; pages,
 * citations and the JSON index keep the date at its real precision.
 */
import { getRssString } from '@astrojs/rss';
import { XMLBuilder } from 'fast-xml-parser';
import type { Archive, Report } from '../archive/build-archive.ts';
import { credits } from '../archive/credits.ts';
import type { PartialDate } from '../model/dates.ts';
import { FEED_KINDS, hasFeed, KINDS, type FeedKind, type TaxonomyKind } from '../model/kinds.ts';
import {
	absoluteUrl,
	feedPath,
	FEED_FORMATS,
	REPORTS_PATH,
	type FeedFormat,
	type FeedScope,
} from '../routes.ts';

/** The newest reports a feed lists. The full list is in /reports.json. */
export const FEED_LIMIT = 50;

/** The MIME type each format is announced with in `<link rel="alternate">`. */
export const FEED_TYPES: Record<FeedFormat, string> = {
	rss: 'application/rss+xml',
	atom: 'application/atom+xml',
	json: 'application/feed+json',
};

/** What readers call each format. */
export const FEED_LABELS: Record<FeedFormat, string> = {
	rss: 'RSS',
	atom: 'Atom',
	json: 'JSON Feed',
};

/** What a feed is about and which reports it lists. */
export interface FeedSpec {
	scope: FeedScope;
	/** "Brief Archive" or "Brief Archive: Taliban". */
	title: string;
	description: string;
	/** The page the feed follows, as a site path: `/reports/` or the term's page. */
	pagePath: string;
	/** The reports listed, newest first, at most `FEED_LIMIT`. */
	reports: readonly Report[];
}

/** Site-wide facts every feed carries. */
export interface FeedSite {
	url: string;
	title: string;
	description: string;
	publisher: string;
	lang: string;
}

/** A feed's address in one format, ready for a `<link rel="alternate">` or a visible link. */
export interface FeedLink {
	format: FeedFormat;
	type: string;
	label: string;
	href: string;
	title: string;
}

/** The first instant (UTC) of the period a partial date names: 2022-05 → 2022-05-01T00:00:00Z. */
export function feedDate(date: PartialDate): Date {
	return new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1));
}

/** When a report last changed, as a feed date: its update, or else its publication. */
function changed(report: Report): Date {
	return feedDate(report.updated ?? report.published);
}

/** The feed of every public report. */
export function siteFeed(archive: Pick<Archive, 'reports'>, site: FeedSite): FeedSpec {
	return {
		scope: { kind: 'all' },
		title: site.title,
		description: `New reports in ${site.title}: ${site.description}`,
		pagePath: REPORTS_PATH,
		reports: archive.reports.slice(0, FEED_LIMIT),
	};
}

/** A term as a feed sees it. */
interface FeedTerm<K extends TaxonomyKind = TaxonomyKind> {
	kind: K;
	slug: string;
	name: string;
	url: string;
	reports: readonly Report[];
}

/** A feed that follows one group, region or topic. A region's feed includes the places within it. */
export function termFeed(term: FeedTerm<FeedKind>, site: FeedSite): FeedSpec {
	const what = KINDS[term.kind].feed;
	return {
		scope: { kind: term.kind, slug: term.slug },
		title: `${site.title}: ${term.name}`,
		description: `New reports in ${site.title} on ${what} ${term.name}.`,
		pagePath: term.url,
		reports: term.reports.slice(0, FEED_LIMIT),
	};
}

/** Every feed of the archive: the site's, then one per term of each kind that has feeds. */
export function allFeeds(archive: Pick<Archive, 'reports' | FeedKind>, site: FeedSite): FeedSpec[] {
	return [
		siteFeed(archive, site),
		...FEED_KINDS.flatMap((kind) => archive[kind].map((t) => termFeed(t, site))),
	];
}

/** The feed links of a term's pages: none for a kind without feeds (authors). */
export function termFeedLinks(term: FeedTerm, site: FeedSite): FeedLink[] {
	return hasFeedTerm(term) ? feedLinks(termFeed(term, site)) : [];
}

function hasFeedTerm(term: FeedTerm): term is FeedTerm<FeedKind> {
	return hasFeed(term.kind);
}

/** A feed's three addresses, in the order RSS, Atom, JSON Feed. */
export function feedLinks(feed: Pick<FeedSpec, 'scope' | 'title'>): FeedLink[] {
	return FEED_FORMATS.map((format) => ({
		format,
		type: FEED_TYPES[format],
		label: FEED_LABELS[format],
		href: feedPath(feed.scope, format),
		title: `${feed.title} (${FEED_LABELS[format]})`,
	}));
}

/** The terms a report is filed under, as feed categories. */
function categories(report: Report): string[] {
	return [
		report.type.name,
		...[...report.groups, ...report.regions, ...report.topics].map((t) => t.name),
	];
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** RSS 2.0, through @astrojs/rss. Authors go in `dc:creator`: RSS's own `author` wants an e-mail. */
export async function rssFeed(feed: FeedSpec, site: FeedSite): Promise<string> {
	const self = absoluteUrl(feedPath(feed.scope, 'rss'), site.url);
	return getRssString({
		title: feed.title,
		description: feed.description,
		site: absoluteUrl(feed.pagePath, site.url),
		xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
		customData:
			`<language>${escapeXml(site.lang)}</language>` +
			`<atom:link href="${escapeXml(self)}" rel="self" type="${FEED_TYPES.rss}"/>`,
		items: feed.reports.map((report) => ({
			title: report.title,
			link: absoluteUrl(report.url, site.url),
			description: report.summary,
			pubDate: feedDate(report.published),
			categories: categories(report),
			customData: credits(report, site.publisher)
				.map((c) => `<dc:creator>${escapeXml(c.name)}</dc:creator>`)
				.join(''),
		})),
	});
}

const atomBuilder = new XMLBuilder({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	suppressEmptyNode: true,
	format: true,
	indentBy: '\t',
});

/**
 * Atom 1.0. `updated` is the newest change among the listed reports, so an unchanged feed is
 * byte-for-byte the same from one build to the next; an empty feed uses `fallbackUpdated`.
 */
export function atomFeed(feed: FeedSpec, site: FeedSite, fallbackUpdated: Date): string {
	const latest = feed.reports.map(changed).sort((a, b) => b.getTime() - a.getTime())[0];
	const doc = {
		'?xml': { '@version': '1.0', '@encoding': 'utf-8' },
		feed: {
			'@xmlns': 'http://www.w3.org/2005/Atom',
			'@xml:lang': site.lang,
			id: absoluteUrl(feedPath(feed.scope, 'atom'), site.url),
			title: feed.title,
			subtitle: feed.description,
			updated: (latest ?? fallbackUpdated).toISOString(),
			link: [
				{
					'@rel': 'self',
					'@type': FEED_TYPES.atom,
					'@href': absoluteUrl(feedPath(feed.scope, 'atom'), site.url),
				},
				{
					'@rel': 'alternate',
					'@type': 'text/html',
					'@href': absoluteUrl(feed.pagePath, site.url),
				},
			],
			author: { name: site.publisher, uri: absoluteUrl('/', site.url) },
			entry: feed.reports.map((report) => {
				const url = absoluteUrl(report.url, site.url);
				return {
					id: url,
					title: report.title,
					link: { '@rel': 'alternate', '@type': 'text/html', '@href': url },
					published: feedDate(report.published).toISOString(),
					updated: changed(report).toISOString(),
					author: credits(report, site.publisher).map((c) => ({
						name: c.name,
						...(c.url ? { uri: absoluteUrl(c.url, site.url) } : {}),
					})),
					category: categories(report).map((term) => ({ '@term': term })),
					summary: report.summary,
				};
			}),
		},
	};
	return String(atomBuilder.build(doc));
}

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
export interface JsonFeed {
	version: 'https://jsonfeed.org/version/1.1';
	title: string;
	home_page_url: string;
	feed_url: string;
	description: string;
	language: string;
	authors: { name: string; url?: string }[];
	items: {
		id: string;
		url: string;
		title: string;
		summary: string;
		content_text: string;
		date_published: string;
		date_modified?: string;
		authors: { name: string; url?: string }[];
		tags: string[];
		image: string;
	}[];
}

/** JSON Feed 1.1. Each item's `image` is the report's social card. */
export function jsonFeed(
	feed: FeedSpec,
	site: FeedSite,
	cardUrl: (report: Report) => string,
): JsonFeed {
	return {
		version: 'https://jsonfeed.org/version/1.1',
		title: feed.title,
		home_page_url: absoluteUrl(feed.pagePath, site.url),
		feed_url: absoluteUrl(feedPath(feed.scope, 'json'), site.url),
		description: feed.description,
		language: site.lang,
		authors: [{ name: site.publisher, url: absoluteUrl('/', site.url) }],
		items: feed.reports.map((report) => ({
			id: absoluteUrl(report.url, site.url),
			url: absoluteUrl(report.url, site.url),
			title: report.title,
			summary: report.summary,
			content_text: report.summary,
			date_published: feedDate(report.published).toISOString(),
			...(report.updated ? { date_modified: feedDate(report.updated).toISOString() } : {}),
			authors: credits(report, site.publisher).map((c) => ({
				name: c.name,
				...(c.url ? { url: absoluteUrl(c.url, site.url) } : {}),
			})),
			tags: categories(report),
			image: cardUrl(report),
		})),
	};
}
