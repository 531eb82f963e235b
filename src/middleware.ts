/**
 * Runs on every page as it is rendered (at build time for this static site). When the site is
 * served under a sub-path (BRIEF_SITE_URL with a path, Astro's `base`), it gives every site path
 * in the page's links the base: the pages, components and reports all link by site path
 * (`/reports/a/`), and this is the one place that knows where the site is served. At the root of
 * a host it does nothing. See `src/lib/outputs/base-path.ts`.
 */
import { defineMiddleware } from 'astro:middleware';
import { rebaseHtml } from './lib/outputs/base-path.ts';
import { SITE } from './site.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
	const response = await next();
	if (SITE.base === '/' || !response.headers.get('content-type')?.startsWith('text/html')) {
		return response;
	}
	const html = rebaseHtml(await response.text(), SITE.base);
	return new Response(html, {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers,
	});
});
