/** `/<groups|regions|topics>/<slug>/feed.xml`: RSS 2.0 of the newest public reports on one term. */
import type { APIRoute } from 'astro';
import { termFeedPaths } from '../../../data/feeds.ts';
import { rssFeed, type FeedSpec } from '../../../lib/outputs/feeds.ts';
import { SITE } from '../../../site.ts';

export const getStaticPaths = termFeedPaths('rss');

export const GET: APIRoute = async ({ props }) =>
	new Response(await rssFeed((props as { feed: FeedSpec }).feed, SITE), {
		headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
	});
