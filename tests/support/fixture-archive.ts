/**
 * A small archive built through the real schemas and `buildArchive`, shared by the tests of the
 * modules that turn reports into feeds, metadata, redirects and the JSON index. It has one report
 * of each kind of byline (a person, a desk, none) and of each date precision (day, month, year).
 */
import type { z } from 'astro/zod';
import { buildArchive, type Archive, type RawEntry } from '../../src/lib/archive/build-archive.ts';
import {
	authorSchema,
	groupSchema,
	regionSchema,
	reportSchema,
	topicSchema,
	versionSchema,
	type VersionData,
	type AuthorData,
	type GroupData,
	type RegionData,
	type ReportData,
	type TopicData,
} from '../../src/lib/model/schema.ts';

export const SITE_URL = 'https://archive.example.org';
export const NOW = new Date('2026-06-01T00:00:00Z');

/** A report entry as the content collection yields it: frontmatter run through the real schema. */
export function reportEntry(
	id: string,
	frontmatter: Partial<z.input<typeof reportSchema>> = {},
): RawEntry<ReportData> {
	return {
		id,
		filePath: `content/reports/${id}.md`,
		data: reportSchema.parse({
			title: `Report ${id}`,
			summary: 'A summary.',
			type: 'brief',
			status: 'published',
			published: '2022',
			// The day it entered the archive, which feeds date it by (required when `published`
			// has no day); a test that needs another passes its own.
			added: '2026-01-05',
			...frontmatter,
		}),
	};
}

const entry = <D>(kind: string, id: string, data: D): RawEntry<D> => ({
	id,
	filePath: `content/${kind}/${id}.md`,
	data,
});

const GROUPS = [
	entry<GroupData>(
		'groups',
		'is-k',
		groupSchema.parse({
			name: 'Islamic State Khorasan Province',
			shortName: 'IS-K',
			aliases: ['ISKP', 'ISIS-K'],
		}),
	),
	entry<GroupData>(
		'groups',
		'taliban',
		groupSchema.parse({ name: 'Taliban', aliases: ['Taleban'] }),
	),
];
const REGIONS = [
	entry<RegionData>(
		'regions',
		'afghanistan',
		regionSchema.parse({ name: 'Afghanistan', kind: 'country' }),
	),
	entry<RegionData>(
		'regions',
		'kunduz',
		regionSchema.parse({
			name: 'Kunduz',
			kind: 'province',
			parent: 'afghanistan',
			aliases: ['Kundoz'],
		}),
	),
];
const TOPICS = [
	entry<TopicData>('topics', 'recruitment', topicSchema.parse({ name: 'Recruitment' })),
	entry<TopicData>('topics', 'economic-crisis', topicSchema.parse({ name: 'Economic crisis' })),
];
const AUTHORS = [
	entry<AuthorData>(
		'authors',
		'jane-analyst',
		authorSchema.parse({ name: 'Jane Analyst', kind: 'person', affiliation: 'Rise to Peace' }),
	),
	entry<AuthorData>(
		'authors',
		'ct-fellow',
		authorSchema.parse({
			name: 'Rise to Peace Counter-Terrorism Research Fellow',
			kind: 'desk',
			affiliation: 'Rise to Peace',
		}),
	),
	entry<AuthorData>('authors', 'the-desk', authorSchema.parse({ name: 'The Desk', kind: 'desk' })),
];

/** The raw reports of the fixture archive, newest first once built. */
export const REPORTS = [
	reportEntry('day-report', {
		title: 'IS-K & the <Taliban>: a "day" report',
		summary: 'A report known to the day, by a person, with a PDF.',
		type: 'special-report',
		published: '2022-05-07',
		updated: '2022-06-01',
		authors: ['jane-analyst'],
		groups: ['ISKP'],
		regions: ['kunduz'],
		topics: ['recruitment'],
		source: { publisher: 'Rise to Peace', url: 'https://www.risetopeace.org/day-report/' },
		attachments: [
			{
				title: 'Full report (PDF)',
				url: 'https://www.risetopeace.org/files/day-report.pdf',
				format: 'pdf',
				fullText: true,
			},
		],
		aliases: ['/2022/05/day-report/'],
	}),
	reportEntry('month-report', {
		summary: 'A report known to the month, by a desk.',
		published: '2022-03',
		authors: ['ct-fellow'],
		groups: ['taliban'],
		regions: ['afghanistan'],
		topics: ['economic-crisis'],
		source: { publisher: 'Rise to Peace', url: 'https://www.risetopeace.org/' },
	}),
	reportEntry('year-report', {
		summary: 'A report known to the year, unsigned, with no provenance.',
		type: 'analysis',
		published: '2021',
		groups: ['is-k', 'taliban'],
	}),
	reportEntry('draft-report', { status: 'draft', published: '2023' }),
];

/** Builds the fixture archive (a fresh one each call: the archive's term lists are mutable). */
export function fixtureArchive(reports = REPORTS, versions: RawEntry<VersionData>[] = []): Archive {
	return buildArchive(
		{ reports, groups: GROUPS, regions: REGIONS, topics: TOPICS, authors: AUTHORS, versions },
		NOW,
	);
}

/** A kept version entry (`content/versions/<slug>/<n>.md`) through the real schema. */
export function versionEntry(
	slug: string,
	n: number,
	fields: Partial<z.input<typeof versionSchema>> = {},
): RawEntry<VersionData> {
	return {
		id: `${slug}/${n}`,
		filePath: `content/versions/${slug}/${n}.md`,
		data: versionSchema.parse({
			title: `Report ${slug}`,
			summary: 'A summary.',
			published: '2022',
			...fields,
		}),
	};
}

/**
 * The reports of a publication of record, beside the fixture's: a corrected and updated report
 * with two kept versions, a report superseded by the day report, and a withdrawn report.
 */
export const RECORD_REPORTS = [
	reportEntry('corrected-report', {
		title: 'Kunduz after the offensive',
		summary: 'A corrected and updated report.',
		published: '2022-04-10',
		added: '2022-04-10',
		authors: ['jane-analyst'],
		groups: ['taliban'],
		regions: ['kunduz'],
		number: 7,
		series: { name: 'Khorasan Papers', volume: 2, issue: 3 },
		doi: '10.1234/brief.7',
		corrections: [
			{
				date: '2022-04-12',
				was: 'The attack killed 30 people.',
				now: 'The attack killed 25 people.',
			},
		],
		updates: [{ date: '2022-05-20', note: 'Adds the ministry’s figures for May.' }],
	}),
	reportEntry('old-report', {
		title: 'Kunduz before the offensive',
		summary: 'Superseded by the day report.',
		published: '2021-06-01',
		added: '2021-06-01',
		groups: ['taliban'],
		supersededBy: 'day-report',
	}),
	reportEntry('withdrawn-report', {
		title: 'A withdrawn assessment',
		summary: 'Withdrawn after its sources were found unreliable.',
		published: '2021-09-15',
		added: '2021-09-15',
		withdrawn: { date: '2022-01-10', reason: 'Its main source was found to be unreliable.' },
	}),
];

/** The kept versions of `corrected-report`: as first published, and after the correction. */
export const RECORD_VERSIONS = [
	versionEntry('corrected-report', 1, {
		title: 'Kunduz after the offensive',
		published: '2022-04-10',
		authors: ['jane-analyst'],
	}),
	versionEntry('corrected-report', 2, {
		title: 'Kunduz after the offensive',
		published: '2022-04-10',
		authors: ['jane-analyst'],
		corrections: [
			{
				date: '2022-04-12',
				was: 'The attack killed 30 people.',
				now: 'The attack killed 25 people.',
			},
		],
	}),
];

/** The fixture archive with the reports and versions of a publication of record. */
export function recordArchive(): Archive {
	return fixtureArchive([...REPORTS, ...RECORD_REPORTS], RECORD_VERSIONS);
}
