/** `/<groups|regions|topics>/<slug>/feed.json`: JSON Feed 1.1 of the newest reports on one term. */
import type { APIRoute } from 'astro';
import { termFeedPaths } from '../../../data/feeds.ts';
import { jsonFeed, type FeedSpec } from '../../../lib/outputs/feeds.ts';
import { absoluteUrl, cardPath } from '../../../lib/routes.ts';
import { SITE } from '../../../site.ts';

export const getStaticPaths = termFeedPaths('json');

export const GET: APIRoute = ({ props }) =>
	new Response(
		JSON.stringify(
			jsonFeed((props as { feed: FeedSpec }).feed, SITE, (r) =>
				absoluteUrl(cardPath(r.slug), SITE.url),
			),
			null,
			'\t',
		),
		{ headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } },
	);
