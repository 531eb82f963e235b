/** `/feed.json`: JSON Feed 1.1 of the newest public reports. */
import type { APIRoute } from 'astro';
import { getSiteFeed } from '../data/feeds.ts';
import { jsonFeed } from '../lib/outputs/feeds.ts';
import { absoluteUrl, cardPath } from '../lib/routes.ts';
import { SITE } from '../site.ts';

export const GET: APIRoute = async () =>
	new Response(
		JSON.stringify(
			jsonFeed(await getSiteFeed(), SITE, (r) => absoluteUrl(cardPath(r.slug), SITE.url)),
			null,
			'\t',
		),
		{ headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } },
	);
