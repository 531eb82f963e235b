/** Site-wide settings: what the archive calls itself and who publishes it. */
import { REPORTS_PATH, taxonomyPath, TYPES_PATH } from './lib/routes.ts';

export const SITE = {
	title: 'Brief Archive',
	tagline: 'Security analysis on Afghanistan and its armed groups',
	description:
		'An open archive of security analysis: briefs and reports on armed groups, regions and trends, searchable and citable.',
	/** The public URL, used for canonical links and citations. Override with BRIEF_SITE_URL. */
	url: process.env.BRIEF_SITE_URL ?? 'https://archive.example.org',
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
