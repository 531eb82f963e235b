/** `/robots.txt`: everything may be crawled; the sitemap's absolute URL comes from the site URL. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/outputs/robots.ts';
import { SITE } from '../site.ts';

export const GET: APIRoute = () =>
	new Response(robotsTxt(SITE.url), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
