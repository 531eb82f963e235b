/** `/feed.xml`: RSS 2.0 of the newest public reports. */
import type { APIRoute } from 'astro';
import { getSiteFeed } from '../data/feeds.ts';
import { rssFeed } from '../lib/outputs/feeds.ts';
import { SITE } from '../site.ts';

export const GET: APIRoute = async () =>
	new Response(await rssFeed(await getSiteFeed(), SITE), {
		headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
	});
