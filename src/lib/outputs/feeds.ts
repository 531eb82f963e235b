/**
 * Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1. One `FeedSpec` describes a feed and its items; one
 * builder per format turns it into text, so the three formats always list the same items. There
 * are feeds of every report (with summaries, and in full text), of every correction, and of the
 * reports on each group, region, topic and author.
 *
 * RSS goes through @astrojs/rss. Atom is built with fast-xml-parser's XMLBuilder (the XML writer
 * @astrojs/rss itself uses, so escaping is done by the same well-tested code), and JSON Feed is a
 * plain object: both formats are small and fixed, and the `feed` package writes JSON Feed 1.0,
 * not 1.1.
 *
 * Dates, and what they mean. A feed says when something reached its subscribers, so a report's
 * feed date is the day it entered the archive (`added`, or its publication day when that is known
 * to the day), and a correction's is the day it was made. Both are days, so no day is invented;
 * RSS and Atom want a time too, and get the start of that day in UTC. The report's own
 * publication date goes beside it at the precision known, in Dublin Core's `dc:date` (`2022-05`),
 * which RSS and Atom readers and the JSON Feed extension `_brief` carry. See docs/outputs.md.
 */
import { getRssString } from '@astrojs/rss';
import { XMLBuilder } from 'fast-xml-parser';
import type { Archive, Report } from '../archive/build-archive.ts';
import { credits } from '../archive/credits.ts';
import { latestDate, type Change } from '../archive/record.ts';
import { comparePartialDates, formatPartialDate, type PartialDate } from '../model/dates.ts';
import { FEED_KINDS, hasFeed, KINDS, type FeedKind, type TaxonomyKind } from '../model/kinds.ts';
import { changeLabel } from '../view/record.ts';
import {
	absoluteUrl,
	cardPath,
	CORRECTIONS_PATH,
	feedPath,
	FEED_FORMATS,
	REPORTS_PATH,
	type FeedFormat,
	type FeedScope,
} from '../routes.ts';

/** The newest items a feed lists. The full list of reports is in /reports.json. */
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

/** One item of a feed: a report, or a change to one. */
export interface FeedItem {
	/** A permanent id: the report's absolute URL, or the change's anchor on it. */
	id: string;
	/** The absolute URL the item links to. */
	url: string;
	title: string;
	/** Plain text. */
	summary: string;
	/** The full text as HTML, in full-text feeds. */
	html?: string | undefined;
	/** The day the item reached the feed: a report's `added`, a change's date. */
	date: PartialDate;
	/** The day of the latest change after `date`, when there was one. */
	modified?: PartialDate | undefined;
	/** The report's publication date at the precision known (`dc:date`). */
	issued?: PartialDate | undefined;
	authors: { name: string; url?: string | undefined }[];
	categories: string[];
	/** The absolute URL of the item's image (the report's social card). */
	image?: string | undefined;
}

/** What a feed is about and what it lists. */
export interface FeedSpec {
	scope: FeedScope;
	/** "Brief Archive" or "Brief Archive: Taliban". */
	title: string;
	description: string;
	/** The page the feed follows, as a site path: `/reports/`, `/corrections/` or the term's page. */
	pagePath: string;
	/** The items, newest first, at most `FEED_LIMIT`. */
	items: FeedItem[];
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

/** A day as the date-time RSS and Atom require: the start of that day, UTC. */
export function feedInstant(day: PartialDate): Date {
	if (day.precision !== 'day') {
		throw new Error(`a feed dates items by a day, not by the ${day.precision} ${day.iso}`);
	}
	return new Date(Date.UTC(day.year, day.month! - 1, day.day));
}

/**
 * The day a report reached the feeds: the day it entered the archive. Every public report has one
 * (the build requires `added` when the publication date has no day). Only an unpublished report
 * in an author's preview, which never goes into `dist/`, may lack it; it is then placed at the
 * start of its publication period so the preview's feeds still build.
 */
export function feedDay(report: Pick<Report, 'added' | 'published' | 'visibility'>): PartialDate {
	if (report.added) return report.added;
	if (report.visibility.state === 'public') {
		throw new Error('a public report has no day it entered the archive');
	}
	const { year, month = 1, day = 1 } = report.published;
	const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return { year, month, day, precision: 'day', iso };
}

/**
 * The day of the report's latest change after it entered the archive, counting only dates known
 * to the day (a correction or update always is; `updated` may not be).
 */
export function modifiedDay(
	report: Pick<Report, 'added' | 'changes' | 'updated'>,
): PartialDate | undefined {
	const days = [report.updated, ...report.changes.map((c) => c.date)].filter(
		(d): d is PartialDate => d?.precision === 'day',
	);
	const latest = latestDate(days);
	return latest && report.added && comparePartialDates(latest, report.added) > 0
		? latest
		: undefined;
}

/** The terms a report is filed under, as feed categories. */
function categories(report: Report): string[] {
	return [
		report.type.name,
		...[...report.groups, ...report.regions, ...report.topics].map((t) => t.name),
	];
}

/** A sentence on the report's standing and last change, for feed summaries; '' when it has none. */
function notice(report: Report): string {
	const s = report.standing;
	if (s.state === 'withdrawn') return `Withdrawn ${formatPartialDate(s.date)}: ${s.reason}`;
	if (s.state === 'superseded') return `Superseded by “${s.by.title}”.`;
	const last = report.changes.at(-1);
	if (!last) return '';
	return `${last.kind === 'correction' ? 'Corrected' : 'Updated'} ${formatPartialDate(last.date)}.`;
}

/** Options for the items of report feeds. */
export interface ReportItemOptions {
	/** The report's full text as HTML with absolute links, for full-text feeds. */
	html?: ((report: Report) => string | undefined) | undefined;
}

/** A report as a feed item. */
export function reportItem(
	report: Report,
	site: FeedSite,
	options: ReportItemOptions = {},
): FeedItem {
	const url = absoluteUrl(report.url, site.url);
	const note = notice(report);
	return {
		id: url,
		url,
		title: report.title,
		summary: note ? `${report.summary} (${note})` : report.summary,
		html: options.html?.(report),
		date: feedDay(report),
		modified: modifiedDay(report),
		issued: report.published,
		authors: credits(report, site.publisher).map((c) => ({
			name: c.name,
			url: c.url ? absoluteUrl(c.url, site.url) : undefined,
		})),
		categories: categories(report),
		image: absoluteUrl(cardPath(report.slug), site.url),
	};
}

/** The reports a feed lists: the `FEED_LIMIT` that entered the archive last, newest first. */
export function feedReports(reports: readonly Report[]): Report[] {
	return reports
		.map((report, i) => ({ report, i }))
		.sort((a, b) => comparePartialDates(feedDay(b.report), feedDay(a.report)) || a.i - b.i)
		.slice(0, FEED_LIMIT)
		.map((x) => x.report);
}

function reportItems(
	reports: readonly Report[],
	site: FeedSite,
	options?: ReportItemOptions,
): FeedItem[] {
	return feedReports(reports).map((r) => reportItem(r, site, options));
}

/** The feed of every public report, with summaries. */
export function siteFeed(archive: Pick<Archive, 'reports'>, site: FeedSite): FeedSpec {
	return {
		scope: { kind: 'all' },
		title: site.title,
		description: `New reports in ${site.title}: ${site.description}`,
		pagePath: REPORTS_PATH,
		items: reportItems(archive.reports, site),
	};
}

/** The feed of every public report with its full text (`html` gives each report's body). */
export function fullTextFeed(
	archive: Pick<Archive, 'reports'>,
	site: FeedSite,
	html: (report: Report) => string | undefined,
): FeedSpec {
	return {
		scope: { kind: 'full' },
		title: `${site.title} (full text)`,
		description: `New reports in ${site.title}, each in full.`,
		pagePath: REPORTS_PATH,
		items: reportItems(archive.reports, site, { html }),
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

/**
 * A feed that follows one group, region, topic or author. A region's feed includes the places
 * within it.
 */
export function termFeed(term: FeedTerm<FeedKind>, site: FeedSite): FeedSpec {
	const what = KINDS[term.kind].feed;
	return {
		...termFeedName(term, site),
		description: `New reports in ${site.title} ${what} ${term.name}.`,
		pagePath: term.url,
		items: reportItems(term.reports, site),
	};
}

/** A term feed's scope and title: what its links need, without its items. */
function termFeedName(term: FeedTerm<FeedKind>, site: FeedSite): Pick<FeedSpec, 'scope' | 'title'> {
	return { scope: { kind: term.kind, slug: term.slug }, title: `${site.title}: ${term.name}` };
}

/** A change after publication, with the report it was made to: one line of /corrections/. */
export interface ChangeEntry {
	report: Report;
	change: Change | { kind: 'withdrawal'; date: PartialDate; reason: string };
	/** The anchor on the report's page where the change is listed. */
	anchor: string;
}

/** The anchor of a report's n-th change (oldest first, from 1) on its page: `change-2`. */
export function changeAnchor(n: number): string {
	return `change-${n}`;
}

/** The anchor of the withdrawal notice on a report's page. */
export const WITHDRAWAL_ANCHOR = 'withdrawn';

/**
 * Every correction, update and withdrawal of the public reports, newest first (then by report
 * order): what `/corrections/` and its feeds list.
 */
export function changeLog(reports: readonly Report[]): ChangeEntry[] {
	const entries: ChangeEntry[] = [];
	for (const report of reports) {
		report.changes.forEach((change, i) => {
			entries.push({ report, change, anchor: changeAnchor(i + 1) });
		});
		if (report.standing.state === 'withdrawn') {
			const { date, reason } = report.standing;
			entries.push({
				report,
				change: { kind: 'withdrawal', date, reason },
				anchor: WITHDRAWAL_ANCHOR,
			});
		}
	}
	return entries
		.map((e, i) => ({ e, i }))
		.sort((a, b) => comparePartialDates(b.e.change.date, a.e.change.date) || a.i - b.i)
		.map((x) => x.e);
}

/** What a change says, in one plain sentence or two. */
export function changeText(change: ChangeEntry['change']): string {
	switch (change.kind) {
		case 'correction':
			return `It said: ${change.was} It now says: ${change.now}`;
		case 'update':
			return change.note;
		case 'withdrawal':
			return change.reason;
	}
}

/** The feed of every correction, update and withdrawal. */
export function correctionsFeed(reports: readonly Report[], site: FeedSite): FeedSpec {
	return {
		scope: { kind: 'corrections' },
		title: `${site.title}: corrections`,
		description: `Corrections, updates and withdrawals of reports in ${site.title}.`,
		pagePath: CORRECTIONS_PATH,
		items: changeLog(reports)
			.slice(0, FEED_LIMIT)
			.map(({ report, change, anchor }) => {
				const url = absoluteUrl(report.url, site.url);
				return {
					id: `${url}#${anchor}`,
					url: `${url}#${anchor}`,
					title: `${changeLabel(change)}: ${report.title}`,
					summary: changeText(change),
					date: change.date,
					issued: report.published,
					authors: [{ name: site.publisher, url: absoluteUrl('/', site.url) }],
					categories: [changeLabel(change)],
				};
			}),
	};
}

/** Every feed of the archive but the full-text one: the site's, corrections, one per term. */
export function allFeeds(archive: Pick<Archive, 'reports' | FeedKind>, site: FeedSite): FeedSpec[] {
	return [
		siteFeed(archive, site),
		correctionsFeed(archive.reports, site),
		...FEED_KINDS.flatMap((kind) => archive[kind].map((t) => termFeed(t, site))),
	];
}

/** The feed links of a term's pages: none for a kind without feeds. */
export function termFeedLinks(term: FeedTerm, site: FeedSite): FeedLink[] {
	return hasFeedTerm(term) ? feedLinks(termFeedName(term, site)) : [];
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

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

const DC = 'http://purl.org/dc/elements/1.1/';

/**
 * RSS 2.0, through @astrojs/rss. Authors go in `dc:creator` (RSS's own `author` wants an e-mail),
 * the publication date at its precision in `dc:date`, and the full text in `content:encoded`.
 */
export async function rssFeed(feed: FeedSpec, site: FeedSite): Promise<string> {
	const self = absoluteUrl(feedPath(feed.scope, 'rss'), site.url);
	return getRssString({
		title: feed.title,
		description: feed.description,
		site: absoluteUrl(feed.pagePath, site.url),
		xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: DC },
		customData:
			`<language>${escapeXml(site.lang)}</language>` +
			`<atom:link href="${escapeXml(self)}" rel="self" type="${FEED_TYPES.rss}"/>`,
		items: feed.items.map((item) => ({
			title: item.title,
			link: item.url,
			description: item.summary,
			pubDate: feedInstant(item.date),
			categories: item.categories,
			...(item.html !== undefined ? { content: item.html } : {}),
			customData:
				item.authors.map((a) => `<dc:creator>${escapeXml(a.name)}</dc:creator>`).join('') +
				(item.issued ? `<dc:date>${item.issued.iso}</dc:date>` : ''),
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
 * Atom 1.0. `updated` is the newest date among the listed items, so an unchanged feed is
 * byte-for-byte the same from one build to the next; an empty feed uses `fallbackUpdated`.
 */
export function atomFeed(feed: FeedSpec, site: FeedSite, fallbackUpdated: Date): string {
	const changed = (item: FeedItem) => feedInstant(item.modified ?? item.date);
	const latest = feed.items.map(changed).sort((a, b) => b.getTime() - a.getTime())[0];
	const doc = {
		'?xml': { '@version': '1.0', '@encoding': 'utf-8' },
		feed: {
			'@xmlns': 'http://www.w3.org/2005/Atom',
			'@xmlns:dc': DC,
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
			entry: feed.items.map((item) => ({
				id: item.id,
				title: item.title,
				link: { '@rel': 'alternate', '@type': 'text/html', '@href': item.url },
				published: feedInstant(item.date).toISOString(),
				updated: changed(item).toISOString(),
				...(item.issued ? { 'dc:date': item.issued.iso } : {}),
				author: item.authors.map((a) => ({ name: a.name, ...(a.url ? { uri: a.url } : {}) })),
				category: item.categories.map((term) => ({ '@term': term })),
				summary: item.summary,
				...(item.html !== undefined ? { content: { '@type': 'html', '#text': item.html } } : {}),
			})),
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
		content_text?: string;
		content_html?: string;
		date_published: string;
		date_modified?: string;
		authors: { name: string; url?: string }[];
		tags: string[];
		image?: string;
		/** This archive's extension: the publication date at the precision known. */
		_brief?: { published: string };
	}[];
}

/** JSON Feed 1.1. A report item's `image` is its social card. */
export function jsonFeed(feed: FeedSpec, site: FeedSite): JsonFeed {
	return {
		version: 'https://jsonfeed.org/version/1.1',
		title: feed.title,
		home_page_url: absoluteUrl(feed.pagePath, site.url),
		feed_url: absoluteUrl(feedPath(feed.scope, 'json'), site.url),
		description: feed.description,
		language: site.lang,
		authors: [{ name: site.publisher, url: absoluteUrl('/', site.url) }],
		items: feed.items.map((item) => ({
			id: item.id,
			url: item.url,
			title: item.title,
			summary: item.summary,
			...(item.html !== undefined ? { content_html: item.html } : { content_text: item.summary }),
			date_published: feedInstant(item.date).toISOString(),
			...(item.modified ? { date_modified: feedInstant(item.modified).toISOString() } : {}),
			authors: item.authors.map((a) => ({ name: a.name, ...(a.url ? { url: a.url } : {}) })),
			tags: item.categories,
			...(item.image ? { image: item.image } : {}),
			...(item.issued ? { _brief: { published: item.issued.iso } } : {}),
		})),
	};
}
