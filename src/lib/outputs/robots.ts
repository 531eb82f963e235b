/** `robots.txt`: the whole site may be crawled, and the sitemap is named by its absolute URL. */
import { absoluteUrl } from '../routes.ts';

/** The sitemap index @astrojs/sitemap writes, and the copy of it at the conventional address. */
export const SITEMAP_INDEX_PATH = '/sitemap-index.xml';
export const SITEMAP_PATH = '/sitemap.xml';

/** The text of robots.txt for a site at `site`. */
export function robotsTxt(site: string): string {
	return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(SITEMAP_INDEX_PATH, site)}\n`;
}
