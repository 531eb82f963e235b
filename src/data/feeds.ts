/**
 * The archive's feeds, for the feed endpoints and the pages that announce them. The feeds
 * themselves are built in `src/lib/outputs/feeds.ts`; this module picks the archive, the site and
 * (for the full-text feed) the reports' rendered text, and answers a request in a format.
 */
import type { APIRoute } from 'astro';
import { buildTime, getArchive, getCacheKeys } from './archive.ts';
import { getReportHtml } from './report-html.ts';
import {
	allFeeds,
	atomFeed,
	correctionsFeed,
	FEED_TYPES,
	feedReports,
	fullTextFeed,
	jsonFeed,
	rssFeed,
	siteFeed,
	termFeed,
	type FeedSpec,
} from '../lib/outputs/feeds.ts';
import { FEED_KINDS } from '../lib/model/kinds.ts';
import type { FeedFormat } from '../lib/routes.ts';
import { SITE } from '../site.ts';

/**
 * Each feed is built once per build: its three formats (RSS, Atom, JSON Feed) are three routes
 * that ask for the same feed, and the full-text one parses every report's HTML.
 */
function once<T>(make: () => Promise<T>): () => Promise<T> {
	let made: Promise<T> | undefined;
	return () => (made ??= make());
}

/** The feed of every public report. */
export const getSiteFeed = once(async () => siteFeed(await getArchive(), SITE));

/** The feed of every public report, each with its full text. */
export const getFullTextFeed = once(async () => {
	const archive = await getArchive();
	const html = new Map(
		await Promise.all(
			feedReports(archive.reports).map(async (r) => [r.slug, await getReportHtml(r)] as const),
		),
	);
	return fullTextFeed(archive, SITE, (r) => html.get(r.slug));
});

/** The feed of every correction, update and withdrawal. */
export const getCorrectionsFeed = once(async () =>
	correctionsFeed((await getArchive()).reports, SITE),
);

/** Each term's feed, made once for its three formats' routes. */
const termFeeds = new WeakMap<object, FeedSpec>();

/** Static paths for the endpoints of one format: one per term of each kind that has feeds. */
export function termFeedPaths(format: FeedFormat) {
	return async () => {
		const [archive, keys] = await Promise.all([getArchive(), getCacheKeys()]);
		return FEED_KINDS.flatMap((kind) =>
			archive[kind].map((term) => {
				let feed = termFeeds.get(term);
				if (!feed) termFeeds.set(term, (feed = termFeed(term, SITE)));
				return {
					params: { kind, slug: term.slug },
					props: { feed },
					cacheKey: keys.termFeed(feed, format),
				};
			}),
		);
	};
}

/** Every feed, for tests and listings. */
export async function getAllFeeds(): Promise<FeedSpec[]> {
	return allFeeds(await getArchive(), SITE);
}

/** A feed as the text of one format. */
async function feedText(feed: FeedSpec, format: FeedFormat): Promise<string> {
	switch (format) {
		case 'rss':
			return rssFeed(feed, SITE);
		case 'atom':
			return atomFeed(feed, SITE, buildTime);
		case 'json':
			return JSON.stringify(jsonFeed(feed, SITE), null, '\t');
	}
}

/** `GET` of a feed endpoint: the feed `which` gives (or the path's own, for term feeds). */
export function feedGet(format: FeedFormat, which?: () => Promise<FeedSpec>): APIRoute {
	return async ({ props }) => {
		const feed = which ? await which() : (props as { feed: FeedSpec }).feed;
		return new Response(await feedText(feed, format), {
			headers: { 'Content-Type': `${FEED_TYPES[format]}; charset=utf-8` },
		});
	};
}
