/**
 * Every URL the site links to is made here, so that a route changes in one place only. Paths end
 * with a slash, as the static build writes `<path>/index.html`.
 */
import type { TaxonomyKind } from './model/kinds.ts';
import type { ReportType } from './model/report-types.ts';

/** `/reports/<slug>/`, with an optional heading anchor. */
export function reportPath(slug: string, fragment?: string): string {
	return `/reports/${slug}/${fragment ? `#${fragment}` : ''}`;
}

/**
 * Page `n` of a paginated listing whose first page is `base`: page 1 is `base` itself, page 2 is
 * `<base>2/`, and so on. There is never a `/1/` address.
 */
export function pagePath(base: string, n = 1): string {
	if (!Number.isInteger(n) || n < 1)
		throw new RangeError(`no page ${n}: pages are numbered from 1`);
	return n === 1 ? base : `${base}${n}/`;
}

/**
 * `/groups/<slug>/`, `/regions/<slug>/`, `/topics/<slug>/` or `/authors/<slug>/`; with a page
 * number above 1, that page of the term's reports: `/groups/<slug>/2/`.
 */
export function termPath(kind: TaxonomyKind, slug: string, page = 1): string {
	return pagePath(`/${kind}/${slug}/`, page);
}

/** `/groups/`, `/regions/`, … : the index of one taxonomy. */
export function taxonomyPath(kind: TaxonomyKind | 'types'): string {
	return `/${kind}/`;
}

/** `/types/<slug>/`; with a page number above 1, that page of its reports: `/types/<slug>/2/`. */
export function typePath(type: ReportType, page = 1): string {
	return pagePath(`/types/${type}/`, page);
}

/** `/reports/`: the archive's front door, every year with its count and the latest reports. */
export const REPORTS_PATH = '/reports/';

/** `/reports/<year>/`, the reports of one year; with a page number above 1, `/reports/<year>/2/`. */
export function yearPath(year: number, page = 1): string {
	return pagePath(`${REPORTS_PATH}${year}/`, page);
}

/** An absolute URL on the site, for canonical links and citations. */
export function absoluteUrl(path: string, site: string | URL): string {
	return new URL(path, site).href;
}

/** The feed formats every feed comes in. */
export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

const FEED_FILES: Record<FeedFormat, string> = {
	rss: 'feed.xml',
	atom: 'atom.xml',
	json: 'feed.json',
};

/** What a feed follows: every report, or the reports on one group, region or topic. */
export type FeedScope = { kind: 'all' } | { kind: 'groups' | 'regions' | 'topics'; slug: string };

/**
 * A feed's permanent path: `/feed.xml`, `/atom.xml` and `/feed.json` for every report;
 * `/<kind>/<slug>/feed.xml` (and `atom.xml`, `feed.json`) for one group, region or topic.
 */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
	const base = scope.kind === 'all' ? '/' : termPath(scope.kind, scope.slug);
	return `${base}${FEED_FILES[format]}`;
}

/** `/reports/<slug>/card.png`: the report's social card image (1200×630). */
export function cardPath(slug: string): string {
	return `${reportPath(slug)}card.png`;
}

/** The site's own social card, for pages that are not reports. */
export const SITE_CARD_PATH = '/card.png';

/** The machine-readable index of public reports, and its JSON Schema. */
export const REPORTS_JSON_PATH = '/reports.json';
export const REPORTS_JSON_SCHEMA_PATH = '/reports.schema.json';
