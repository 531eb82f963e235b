/**
 * The closed set of report types. Adding one is a code change on purpose: each type has a route
 * (`/types/<slug>/`), a label and a description readers see.
 */
export const REPORT_TYPES = ['brief', 'analysis', 'special-report', 'backgrounder'] as const;

export type ReportType = (typeof REPORT_TYPES)[number];

export interface ReportTypeInfo {
	slug: ReportType;
	/** Singular label, as on a report: "Special report". */
	name: string;
	/** Plural label, as on a listing: "Special reports". */
	plural: string;
	description: string;
}

export const REPORT_TYPE_INFO: Record<ReportType, ReportTypeInfo> = {
	brief: {
		slug: 'brief',
		name: 'Brief',
		plural: 'Briefs',
		description:
			'Short assessments of a development and what it means, written to be read in minutes.',
	},
	analysis: {
		slug: 'analysis',
		name: 'Analysis',
		plural: 'Analyses',
		description: 'Longer examinations of a group, a place or a trend, with background and outlook.',
	},
	'special-report': {
		slug: 'special-report',
		name: 'Special report',
		plural: 'Special reports',
		description: 'In-depth studies, often published in full as a document.',
	},
	backgrounder: {
		slug: 'backgrounder',
		name: 'Backgrounder',
		plural: 'Backgrounders',
		description:
			'Reference pieces that explain who a group is, where it operates and how it came to be.',
	},
};
