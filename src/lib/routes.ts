/**
 * Every path of the site, made here and read back here, so that a route changes in one place
 * only. Paths end with a slash, as the static build writes `<path>/index.html`. The functions that
 * make paths come first; `parseSitePath` and `reportFileOf` read them back (for the content
 * checks' link rules, the preview server's media types and the output scan).
 *
 * Browser-safe: the search page's script imports it.
 */
import { TAXONOMY_KINDS, type FeedKind, type TaxonomyKind } from './model/kinds.ts';
import type { ReportType } from './model/report-types.ts';

/** `/`: the home page. */
export const HOME_PATH = '/';

/** `/search/`: the search page; its state is in the query (`src/lib/search/state.ts`). */
export const SEARCH_PATH = '/search/';

/** `/search/terms.json`: every name and spelling, for the search page (`src/lib/search/term-table.ts`). */
export const SEARCH_TERMS_PATH = `${SEARCH_PATH}terms.json`;

/** `/pagefind/`: the search engine and its index, written by the build (`src/integrations/pagefind.ts`). */
export const PAGEFIND_PATH = '/pagefind/';

/** `/reports/`: the archive's front door, every year with its count and the latest reports. */
export const REPORTS_PATH = '/reports/';

/** `/reports/<slug>/`, with an optional heading anchor. */
export function reportPath(slug: string, fragment?: string): string {
	return `${REPORTS_PATH}${slug}/${fragment ? `#${fragment}` : ''}`;
}

/** `reports/<slug>/index.html`: the file of a report's page in the output, as the build writes it. */
export function reportPagePath(slug: string): string {
	return `${reportPath(slug).slice(1)}index.html`;
}

/** Reports in the order of their pages' paths (as a sorted listing of the output gives them). */
export function inPathOrder<T extends { slug: string }>(reports: readonly T[]): T[] {
	const paths = new Map(reports.map((r) => [r, reportPagePath(r.slug)]));
	return [...reports].sort((a, b) => {
		const x = paths.get(a)!;
		const y = paths.get(b)!;
		return x < y ? -1 : x > y ? 1 : 0;
	});
}

/**
 * `/reports/<slug>/v<n>/`: an earlier version of a report, kept as it was (`n` from 1, the text as
 * first published). The current text is the report's own page.
 */
export function versionPath(slug: string, n: number): string {
	return `${reportPath(slug)}v${n}/`;
}

/** `/corrections/`: every correction, update and withdrawal, newest first. */
export const CORRECTIONS_PATH = '/corrections/';

/**
 * Where a file kept in the repository is served: its path under the content folder, at the root
 * of the site (`files/report.pdf` → `/files/report.pdf`).
 */
export function keptFilePath(path: string): string {
	return `/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The folder under the content directory whose files reports may attach, and the site serves. */
export const KEPT_FILES_FOLDER = 'files';

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

/** `/types/`: the index of report types. */
export const TYPES_PATH = '/types/';

/** `/groups/`, `/regions/`, … : the index of one taxonomy. */
export function taxonomyPath(kind: TaxonomyKind | 'types'): string {
	return kind === 'types' ? TYPES_PATH : `/${kind}/`;
}

/** `/types/<slug>/`; with a page number above 1, that page of its reports: `/types/<slug>/2/`. */
export function typePath(type: ReportType, page = 1): string {
	return pagePath(`${TYPES_PATH}${type}/`, page);
}

/** `/reports/<year>/`, the reports of one year; with a page number above 1, `/reports/<year>/2/`. */
export function yearPath(year: number, page = 1): string {
	return pagePath(`${REPORTS_PATH}${year}/`, page);
}

/**
 * An absolute URL on the site, for canonical links and citations. A site served under a sub-path
 * (`https://example.org/briefs/`) keeps it: `/reports/a/` is `https://example.org/briefs/reports/a/`.
 */
export function absoluteUrl(path: string, site: string | URL): string {
	const root = new URL(String(site));
	if (!root.pathname.endsWith('/')) root.pathname += '/';
	return new URL(path.startsWith('/') && !path.startsWith('//') ? path.slice(1) : path, root).href;
}

/**
 * The path a site is served under, from its public URL: `/` at the root of its host,
 * `/briefs/` for `https://example.org/briefs`. Always starts and ends with a slash.
 */
export function basePathOf(siteUrl: string | URL): string {
	const path = new URL(String(siteUrl)).pathname;
	return path.endsWith('/') ? path : `${path}/`;
}

/**
 * A site path (`/reports/a/`, as every function above makes them) as the URL path it is served
 * at under `base`: `/briefs/reports/a/`. Anything that is not a site path (a full URL, `//host`,
 * `#x`, `?q`, a relative path) and a path already under `base` is left as it is.
 */
export function withBase(path: string, base: string): string {
	if (base === '/' || !path.startsWith('/') || path.startsWith('//')) return path;
	if (path === base.slice(0, -1) || path.startsWith(base)) return path;
	return `${base}${path.slice(1)}`;
}

/** The site path of a URL path served under `base`: `/briefs/reports/a/` is `/reports/a/`. */
export function stripBase(path: string, base: string): string {
	if (base === '/') return path;
	if (path === base.slice(0, -1)) return '/';
	return path.startsWith(base) ? `/${path.slice(base.length)}` : path;
}

/** The feed formats every feed comes in. */
export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

const FEED_FILES: Record<FeedFormat, string> = {
	rss: 'feed.xml',
	atom: 'atom.xml',
	json: 'feed.json',
};

/**
 * What a feed follows: every report (with summaries, or `full` with each report's text), every
 * correction, or the reports on one group, region, topic or author.
 */
export type FeedScope =
	{ kind: 'all' } | { kind: 'full' } | { kind: 'corrections' } | { kind: FeedKind; slug: string };

/**
 * A feed's permanent path: `/feed.xml`, `/atom.xml` and `/feed.json` for every report;
 * `/feed-full.xml`, `/atom-full.xml`, `/feed-full.json` for every report in full;
 * `/corrections/feed.xml` (and the other two) for corrections; `/<kind>/<slug>/feed.xml` (and
 * `atom.xml`, `feed.json`) for one group, region, topic or author.
 */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
	if (scope.kind === 'full') return `${HOME_PATH}${FEED_FILES[format].replace('.', '-full.')}`;
	const base =
		scope.kind === 'all'
			? HOME_PATH
			: scope.kind === 'corrections'
				? CORRECTIONS_PATH
				: termPath(scope.kind, scope.slug);
	return `${base}${FEED_FILES[format]}`;
}

/** `/reports/<slug>/card.png`: the report's social card image (1200×630). */
export function cardPath(slug: string): string {
	return reportFilePath(slug, CARD_FILE);
}

/** The social card's file name in a report's folder. */
export const CARD_FILE = 'card.png';

/** `/reports/<slug>/<file>`: a file beside a report's page (its card, its citation files). */
export function reportFilePath(slug: string, file: string): string {
	return `${reportPath(slug)}${file}`;
}

/** The site's own social card, for pages that are not reports. */
export const SITE_CARD_PATH = '/card.png';

/** The site's icon. */
export const FAVICON_PATH = '/favicon.svg';

/**
 * `/offline/`: reading offline, what this device keeps and the collections saved on it; the
 * service worker also shows it in place of a page that was never opened, when there is no network.
 */
export const OFFLINE_PATH = '/offline/';

/**
 * `/sw.js`: the service worker. At the root of the site, so that its scope is the whole site; its
 * name never changes (a new build changes its content), so a page of any build registers it.
 */
export const SERVICE_WORKER_PATH = '/sw.js';

/** `/offline/packs.json`: every collection a reader can save for offline, with its size. */
export const PACKS_INDEX_PATH = '/offline/packs.json';

/**
 * A collection that can be saved for offline: `all` (the whole archive), `groups/is-k`,
 * `regions/kunduz`, `topics/recruitment`, `years/2022` or `types/brief`.
 */
export type PackId = 'all' | `${'groups' | 'regions' | 'topics' | 'years' | 'types'}/${string}`;

/** `/offline/packs/<id>.json`: a collection's files, sizes and edition (src/lib/offline/). */
export function packManifestPath(id: PackId): string {
	return `/offline/packs/${id}.json`;
}

/** The machine-readable index of public reports, and its JSON Schema. */
export const REPORTS_JSON_PATH = '/reports.json';
export const REPORTS_JSON_SCHEMA_PATH = '/reports.schema.json';

// Reading paths back.

/** The sections of the archive whose pages have slugs: reports, the taxonomies and the types. */
export type Section = 'reports' | TaxonomyKind | 'types';
export const SECTIONS: readonly Section[] = /* @__PURE__ */ (['reports'] as Section[]).concat(
	TAXONOMY_KINDS,
	['types'],
);

/** A path inside one of the archive's sections, split into its parts. */
export interface SitePath {
	section: Section;
	/** The segment after the section, still URL-encoded; undefined for the section's index. */
	slug: string | undefined;
	/** Whether the slug is followed by a slash (`/reports/a/` rather than `/reports/a`). */
	slash: boolean;
	/** What follows `<slug>/`: '' for the page itself, `2/` for a later page, `card.png`, … */
	rest: string;
}

let sectionPath: RegExp | undefined;

/**
 * Splits a path (no query, no fragment) of one of the archive's sections: `/groups/is-k/2/` is
 * `{ section: 'groups', slug: 'is-k', slash: true, rest: '2/' }`; `/reports/` has no slug.
 * Undefined for any other path (`/search/`, `/feed.xml`, `/about/`).
 */
export function parseSitePath(path: string): SitePath | undefined {
	sectionPath ??= new RegExp(`^/(${SECTIONS.join('|')})(?:/([^/]*)(/?)(.*))?$`);
	const m = sectionPath.exec(path);
	if (!m) return undefined;
	const [, section, slug, slash, rest] = m as unknown as [
		string,
		Section,
		string?,
		string?,
		string?,
	];
	return {
		section,
		slug: slug === undefined || slug === '' ? undefined : slug,
		slash: slash === '/',
		rest: rest ?? '',
	};
}

/** The report and the file a path names beside a report's page: `/reports/a/cite.bib`. */
export function reportFileOf(path: string): { slug: string; file: string } | undefined {
	const p = parseSitePath(path);
	if (p?.section !== 'reports' || !p.slug || !p.slash || !/^[^/]+\.[a-z]+$/.test(p.rest)) {
		return undefined;
	}
	return { slug: p.slug, file: p.rest };
}

/** The report and version a path names: `/reports/a/v1/` is `{ slug: 'a', number: 1 }`. */
export function versionOf(path: string): { slug: string; number: number } | undefined {
	const p = parseSitePath(path);
	const m = p?.section === 'reports' && p.slug && p.slash ? /^v([1-9]\d*)\/$/.exec(p.rest) : null;
	return m ? { slug: p!.slug!, number: Number(m[1]) } : undefined;
}

/** The pattern of every report file path, for servers that route by regular expression. */
export const REPORT_FILE_PATTERN = `^${REPORTS_PATH}[^/]+/[^/]+\\.[a-z]+$`;
