/** `/<groups|regions|topics>/<slug>/atom.xml`: Atom 1.0 of the newest public reports on one term. */
import type { APIRoute } from 'astro';
import { buildTime } from '../../../data/archive.ts';
import { termFeedPaths } from '../../../data/feeds.ts';
import { atomFeed, type FeedSpec } from '../../../lib/outputs/feeds.ts';
import { SITE } from '../../../site.ts';

export const getStaticPaths = termFeedPaths('atom');

export const GET: APIRoute = ({ props }) =>
	new Response(atomFeed((props as { feed: FeedSpec }).feed, SITE, buildTime), {
		headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
	});
