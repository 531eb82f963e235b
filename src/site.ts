/** Site-wide settings: what the archive calls itself, who publishes it and where. */
import { basePathOf, REPORTS_PATH, taxonomyPath, TYPES_PATH } from './lib/routes.ts';

const url = process.env.BRIEF_SITE_URL ?? 'https://archive.example.org';

export const SITE = {
	title: 'Brief Archive',
	tagline: 'Security analysis on Afghanistan and its armed groups',
	description:
		'An open archive of security analysis: briefs and reports on armed groups, regions and trends, searchable and citable.',
	/**
	 * The public URL this build is served at, used for every absolute link (feeds, citations,
	 * link previews, the sitemap). Set BRIEF_SITE_URL per build: `https://briefs.example.org`,
	 * `https://example.org/briefs` under a sub-path, `http://<56 letters>.onion` for an onion
	 * service.
	 */
	url,
	/** The path the site is served under, from `url`: `/`, or `/briefs/` under a sub-path. */
	base: basePathOf(url),
	/**
	 * Where search engines should find each page: `<link rel="canonical">` points there. The
	 * build's own URL unless BRIEF_CANONICAL_URL names another, as a mirror (an onion service)
	 * names the clear-web site it copies. The only link to that origin in such a build.
	 */
	canonicalUrl: process.env.BRIEF_CANONICAL_URL ?? url,
	/**
	 * The onion service that mirrors this site, when there is one (BRIEF_ONION_URL, e.g.
	 * `http://<56 letters>.onion`): Tor Browser offers it to its readers through the
	 * `Onion-Location` header and meta tag (docs/deploy.md, "An onion service").
	 */
	onionUrl: process.env.BRIEF_ONION_URL || undefined,
	publisher: 'Brief Archive',
	lang: 'en',
	licence:
		'Reports are reproduced with their provenance; rights remain with their original publishers.',
	/**
	 * The notice on reports that are no longer kept up to date, in the publisher's words, shown once
	 * a report's publication (or last change) is `afterYears` old. `{when}` is "in December 2020"
	 * or "on 7 May 2022"; `{type}` the report type ("brief"). See src/lib/view/record.ts.
	 */
	staleness: {
		afterYears: 3,
		text: 'This {type} was published {when} and is not being updated. What it describes may have changed since.',
	},
} as const;

/** The main navigation, in order. */
export const NAV = [
	{ href: REPORTS_PATH, label: 'Reports' },
	{ href: taxonomyPath('groups'), label: 'Groups' },
	{ href: taxonomyPath('regions'), label: 'Regions' },
	{ href: taxonomyPath('topics'), label: 'Topics' },
	{ href: TYPES_PATH, label: 'Types' },
] as const;
