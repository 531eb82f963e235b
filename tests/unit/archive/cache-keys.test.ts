import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import {
	buildArchive,
	groupByYear,
	type Archive,
	type RawEntry,
} from '../../../src/lib/archive/build-archive.ts';
import { cacheKeys, type CacheKeys } from '../../../src/lib/archive/cache-keys.ts';
import { paginate } from '../../../src/lib/archive/pagination.ts';
import { yearLinks, yearNeighbours } from '../../../src/lib/archive/years.ts';
import { termFeed } from '../../../src/lib/outputs/feeds.ts';
import { yearPath } from '../../../src/lib/routes.ts';
import type { CollectionName } from '../../../src/lib/model/collections.ts';
import {
	authorSchema,
	groupSchema,
	regionSchema,
	reportSchema,
	topicSchema,
	type AuthorData,
	type GroupData,
	type RegionData,
	type ReportData,
	type TopicData,
} from '../../../src/lib/model/schema.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const SITE = {
	url: 'https://archive.example.org',
	title: 'Brief Archive',
	description: 'An archive.',
	publisher: 'Brief Archive',
	lang: 'en',
};

const entry = <D>(kind: string, id: string, data: D): RawEntry<D> => ({
	id,
	filePath: `content/${kind}/${id}.md`,
	data,
});
const report = (id: string, fields: Partial<z.input<typeof reportSchema>> = {}) =>
	entry<ReportData>(
		'reports',
		id,
		reportSchema.parse({
			title: `Report ${id}`,
			summary: 'A summary.',
			type: 'brief',
			status: 'published',
			published: '2022',
			// The day it entered the archive, which feeds date it by (required unless published is
			// known to the day).
			added: '2023-01-02',
			...fields,
		}),
	);

/** The raw collections, each part replaceable, so a test can change one thing. */
function raw(changes: {
	reports?: RawEntry<ReportData>[];
	groups?: z.input<typeof groupSchema>[];
}) {
	const groups = (
		changes.groups ?? [
			{ name: 'Islamic State Khorasan Province', shortName: 'IS-K', aliases: ['ISKP'] },
			{ name: 'Taliban', aliases: ['Taleban'] },
		]
	).map((g, i) => entry<GroupData>('groups', ['is-k', 'taliban'][i]!, groupSchema.parse(g)));
	return {
		reports: changes.reports ?? REPORTS,
		groups,
		regions: [
			entry<RegionData>(
				'regions',
				'afghanistan',
				regionSchema.parse({ name: 'Afghanistan', kind: 'country' }),
			),
			entry<RegionData>(
				'regions',
				'kunduz',
				regionSchema.parse({ name: 'Kunduz', kind: 'province', parent: 'afghanistan' }),
			),
		],
		topics: [entry<TopicData>('topics', 'recruitment', topicSchema.parse({ name: 'Recruitment' }))],
		authors: [
			entry<AuthorData>(
				'authors',
				'jane-analyst',
				authorSchema.parse({ name: 'Jane Analyst', kind: 'person' }),
			),
		],
	};
}

const REPORTS = [
	report('a-kunduz', {
		published: '2022-05-07',
		groups: ['is-k'],
		regions: ['kunduz'],
		authors: ['jane-analyst'],
	}),
	report('b-kunduz-too', { published: '2022-04', groups: ['is-k'], regions: ['kunduz'] }),
	report('c-taliban', { published: '2021', groups: ['taliban'], regions: ['afghanistan'] }),
	report('d-unrelated', { published: '2020', topics: ['recruitment'] }),
];

/** Digests as the content layer gives them: one per file, changed by editing that file. */
type Digests = Partial<Record<string, string>>;

function keysOf(archive: Archive, digests: Digests = {}, now = NOW): CacheKeys {
	return cacheKeys({
		archive,
		digest: (collection: CollectionName, id: string) =>
			digests[`${collection}/${id}`] ?? `${collection}/${id}@1`,
		now,
		site: SITE,
		staleAfterYears: 3,
	});
}

/** Every key of an archive, by route and path, to see which ones an edit changes. */
function allKeys(archive: Archive, digests: Digests = {}, now = NOW): Map<string, string> {
	const keys = keysOf(archive, digests, now);
	const all = new Map<string, string>();
	for (const r of archive.reports) {
		all.set(`/reports/${r.slug}/`, keys.reportPage(r));
		all.set(`/reports/${r.slug}/cite`, keys.citationFile(r));
	}
	for (const kind of ['groups', 'regions', 'topics', 'authors'] as const) {
		all.set(`/${kind}/`, keys.taxonomyIndex(kind));
		for (const term of archive[kind]) {
			const pages = paginate(term.reports, term.url, 1);
			all.set(term.url, keys.termPage(term, pages[0]!));
			for (const page of pages.slice(1)) all.set(page.path, keys.termListingPage(term, page));
			if (term.kind !== 'authors') {
				const feed = termFeed(term, SITE);
				for (const format of ['rss', 'atom', 'json'] as const) {
					all.set(`${term.url}${format}`, keys.termFeed(feed, format));
				}
			}
		}
	}
	const years = groupByYear(archive.reports);
	for (const y of years) {
		const { newer, older } = yearNeighbours(years, y.year);
		for (const page of paginate(y.reports, yearPath(y.year), 1)) {
			all.set(page.path, keys.yearPage(y.year, page, yearLinks(years), newer, older));
		}
	}
	for (const listing of archive.types) {
		for (const page of paginate(listing.reports, listing.url, 1)) {
			all.set(page.path, keys.typePage(listing, page));
		}
	}
	return all;
}

/** The paths whose keys differ between two builds. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
	const paths = new Set([...before.keys(), ...after.keys()]);
	return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

const build = (changes: Parameters<typeof raw>[0] = {}, mode: 'publish' | 'preview' = 'publish') =>
	buildArchive(raw(changes), NOW, { mode });

describe('cacheKeys', () => {
	it('changes a report’s page, and only it, on the build at which it turns stale, with no edit', () => {
		const archive = build();
		// a-kunduz was published on 2022-05-07: stale once three years have passed.
		const before = allKeys(archive, {}, new Date('2025-05-01T00:00:00Z'));
		const after = allKeys(archive, {}, new Date('2025-06-01T00:00:00Z'));
		expect(changed(before, after)).toEqual(['/reports/a-kunduz/']);
	});

	it('gives the same keys for the same content, build after build', () => {
		expect(changed(allKeys(build()), allKeys(build()))).toEqual([]);
	});

	it('changes only the report’s own page when its body is edited (its file’s digest)', () => {
		const after = allKeys(build(), { 'reports/a-kunduz': 'reports/a-kunduz@2' });
		expect(changed(allKeys(build()), after)).toEqual(['/reports/a-kunduz/']);
	});

	it('changes every page that shows a title when it is edited: its page, citations, listings, feeds and related blocks', () => {
		const edited = REPORTS.map((r) =>
			r.id === 'a-kunduz' ? { ...r, data: { ...r.data, title: 'A new title' } } : r,
		);
		const paths = changed(allKeys(build()), allKeys(build({ reports: edited })));
		expect(paths).toEqual(
			expect.arrayContaining([
				'/reports/a-kunduz/',
				'/reports/a-kunduz/cite',
				// b-kunduz-too shows a-kunduz as a related report.
				'/reports/b-kunduz-too/',
				'/groups/is-k/',
				'/groups/is-k/rss',
				'/groups/is-k/atom',
				'/groups/is-k/json',
				'/regions/kunduz/',
				// A region lists the reports on the places within it.
				'/regions/afghanistan/',
				'/authors/jane-analyst/',
				'/reports/2022/',
				'/types/brief/',
			]),
		);
		// Pages that do not show it keep their keys.
		for (const path of [
			'/reports/d-unrelated/',
			'/reports/b-kunduz-too/cite',
			'/topics/recruitment/',
		]) {
			expect(paths).not.toContain(path);
		}
	});

	it('changes only a term’s own page when its profile is edited', () => {
		const after = allKeys(build(), { 'groups/taliban': 'groups/taliban@2' });
		expect(changed(allKeys(build()), after)).toEqual(['/groups/taliban/']);
	});

	it('changes a group’s pages, its reports’ pages and every citation (proper nouns) when its aliases change', () => {
		const groups = [
			{ name: 'Islamic State Khorasan Province', shortName: 'IS-K', aliases: ['ISKP', 'ISIS-K'] },
			{ name: 'Taliban', aliases: ['Taleban'] },
		];
		const paths = changed(allKeys(build()), allKeys(build({ groups })));
		expect(paths).toEqual(
			expect.arrayContaining([
				'/groups/',
				'/groups/is-k/',
				'/reports/a-kunduz/',
				'/reports/b-kunduz-too/',
				// Sentence case keeps every group's and place's names and aliases, in every citation.
				'/reports/d-unrelated/',
				'/reports/d-unrelated/cite',
			]),
		);
		expect(paths).not.toContain('/groups/taliban/');
	});

	it('moves the keys of the pages whose reports shift when a report is added', () => {
		const added = [...REPORTS, report('e-newest', { published: '2023', groups: ['taliban'] })];
		const paths = changed(allKeys(build()), allKeys(build({ reports: added })));
		expect(paths).toEqual(
			expect.arrayContaining([
				'/reports/e-newest/',
				'/groups/taliban/',
				'/types/brief/',
				// Every year page lists every year with its count.
				'/reports/2020/',
				'/reports/2022/',
			]),
		);
	});

	it('dates an empty Atom feed by the build time, and no feed with reports', () => {
		const later = new Date('2026-07-01T00:00:00Z');
		const paths = changed(allKeys(build()), allKeys(build(), {}, later));
		// Terms without public reports have empty feeds: authors have none, topics and regions
		// here all have reports, and every group does too.
		expect(paths.every((p) => p.endsWith('atom'))).toBe(true);
		const empty = build({ reports: REPORTS.filter((r) => r.id !== 'd-unrelated') });
		expect(changed(allKeys(empty), allKeys(empty, {}, later))).toEqual([
			'/topics/recruitment/atom',
		]);
	});

	it('puts a field added to a report in every key that shows the report, without a change to the keys', () => {
		const before = allKeys(build());
		const archive = build();
		// As a new field of Report would be (corrections, versions): no key names it.
		Object.assign(archive.bySlug.get('c-taliban')!, { corrections: ['2023-01: a date fixed'] });
		const paths = changed(before, allKeys(archive));
		expect(paths).toEqual(
			expect.arrayContaining([
				'/reports/c-taliban/',
				'/reports/c-taliban/cite',
				'/groups/taliban/',
			]),
		);
		expect(paths).not.toContain('/reports/d-unrelated/');
	});

	it('changes the page of a superseded report when the report that supersedes it is retitled', () => {
		const superseded = (title: string) =>
			REPORTS.map((r) =>
				r.id === 'd-unrelated'
					? { ...r, data: { ...r.data, supersededBy: 'c-taliban' } }
					: r.id === 'c-taliban'
						? { ...r, data: { ...r.data, title } }
						: r,
			);
		const paths = changed(
			allKeys(build({ reports: superseded('Report c-taliban') })),
			allKeys(build({ reports: superseded('A new title') })),
		);
		// Its notice names the successor by its title, as do its citations and its listings.
		expect(paths).toEqual(
			expect.arrayContaining([
				'/reports/c-taliban/',
				'/reports/d-unrelated/',
				'/reports/d-unrelated/cite',
				'/topics/recruitment/',
			]),
		);
	});

	it('keeps preview keys apart from public ones', () => {
		const publish = allKeys(build());
		const preview = allKeys(build({}, 'preview'));
		expect(changed(publish, preview).length).toBe(publish.size);
	});
});
