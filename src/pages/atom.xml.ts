/** `/atom.xml`: Atom 1.0 of the newest public reports. */
import type { APIRoute } from 'astro';
import { buildTime } from '../data/archive.ts';
import { getSiteFeed } from '../data/feeds.ts';
import { atomFeed } from '../lib/outputs/feeds.ts';
import { SITE } from '../site.ts';

export const GET: APIRoute = async () =>
	new Response(atomFeed(await getSiteFeed(), SITE, buildTime), {
		headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
	});
