/**
 * The built site in `dist/`, as the file-based gates read it: every HTML file, the pages the
 * sitemap lists (as paths), and the file a URL path is served from. Run after `npm run build`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(import.meta.dirname, '../../dist');

/** Every file under dist/, as a path relative to it with forward slashes. */
export function distFiles(ext?: string): string[] {
	if (!existsSync(path.join(DIST, 'index.html'))) {
		throw new Error('dist/ has no index.html: run `npm run build` first');
	}
	return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
		.map((f) => f.split(path.sep).join('/'))
		.filter((f) => (ext ? f.endsWith(ext) : true) && statSync(path.join(DIST, f)).isFile())
		.sort();
}

export function readDist(file: string): string {
	return readFileSync(path.join(DIST, file), 'utf8');
}

const LOC = /<loc>([^<]+)<\/loc>/g;

/** The absolute URLs listed in a sitemap file, following a sitemap index to its sitemaps. */
function sitemapUrls(file: string): string[] {
	const xml = readDist(file);
	const locs = [...xml.matchAll(LOC)].map((m) => m[1] ?? '');
	if (!xml.includes('<sitemapindex')) return locs;
	return locs.flatMap((loc) => sitemapUrls(new URL(loc).pathname.slice(1)));
}

/** The site's own origin, as the build wrote it into the sitemap (BRIEF_SITE_URL). */
export function siteOrigin(): string {
	const [first] = sitemapUrls('sitemap-index.xml');
	if (!first) throw new Error('the sitemap lists no page');
	return new URL(first).origin;
}

/** Every page in the sitemap, as a path (`/reports/x/`), in the sitemap's order. */
export function sitemapPaths(): string[] {
	const paths = sitemapUrls('sitemap-index.xml').map((url) => new URL(url).pathname);
	if (paths.length === 0) throw new Error('the sitemap lists no page');
	return paths;
}

/**
 * The file under dist/ that a static host serves for a URL path (`/a/` → `a/index.html`,
 * `/a` → `a` or `a/index.html`), or undefined if there is none.
 */
export function fileFor(urlPath: string): string | undefined {
	const rel = decodeURIComponent(urlPath).replace(/^\/+/, '');
	const candidates =
		rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
	return candidates.find(
		(c) => existsSync(path.join(DIST, c)) && statSync(path.join(DIST, c)).isFile(),
	);
}

/** The URL path a dist/ HTML file is served at (`a/index.html` → `/a/`). */
export function pathOf(file: string): string {
	return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Whether a path is a report's page (`/reports/<slug>/`), not a year's (`/reports/2022/`). */
export function isReportPage(urlPath: string): boolean {
	return /^\/reports\/[^/]+\/$/.test(urlPath) && !/^\/reports\/[0-9]+\/$/.test(urlPath);
}
