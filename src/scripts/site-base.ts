/**
 * Site paths in the browser, under the path the site is served at (Astro's `base`, from
 * `BRIEF_SITE_URL`). The middleware (src/middleware.ts) gives the base to the links of every
 * rendered page, but not to what a script builds or fetches: scripts give it here.
 */
import { withBase } from '../lib/routes.ts';

/** The site's base, with its trailing slash: `/`, or `/briefs/` under a sub-path. */
export const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A site path (`/reports/a/`) as the browser must ask for it (`/briefs/reports/a/`). */
export function sitePath(path: string): string {
	return withBase(path, BASE);
}
