/**
 * The archive, computed once per build from the raw collections: references resolved and
 * checked, the publish rule applied, reports sorted, and every taxonomy's report lists, counts
 * and related reports worked out. Pages only read from it.
 */
import { comparePartialDates, type PartialDate } from '../model/dates.ts';
import { ContentError, type ContentIssue } from '../model/content-error.ts';
import { isIncluded, visibility, type PublishMode, type Visibility } from '../model/publish.ts';
import { computeRelated } from './related.ts';
import { REPORT_TYPE_INFO, REPORT_TYPES, type ReportTypeInfo } from '../model/report-types.ts';
import type { AuthorData, GroupData, RegionData, ReportData, TopicData } from '../model/schema.ts';
import { createAliasTable, type AliasTable, type TaxonomyKind, type Term } from '../model/terms.ts';
import { reportPath, termPath, typePath } from '../routes.ts';

/** An entry as a content collection yields it. */
export interface RawEntry<D> {
	id: string;
	filePath?: string | undefined;
	data: D;
}

export interface RawCollections {
	reports: readonly RawEntry<ReportData>[];
	groups: readonly RawEntry<GroupData>[];
	regions: readonly RawEntry<RegionData>[];
	topics: readonly RawEntry<TopicData>[];
	authors: readonly RawEntry<AuthorData>[];
}

export interface TermBase<K extends TaxonomyKind, D> extends Term {
	kind: K;
	url: string;
	data: D;
	filePath: string;
	/** Public reports on this term, newest first. For a region, those on the places inside it too. */
	reports: Report[];
}
export type Group = TermBase<'groups', GroupData>;
export type Topic = TermBase<'topics', TopicData>;
export type Author = TermBase<'authors', AuthorData>;
export interface Region extends TermBase<'regions', RegionData> {
	parent: Region | undefined;
	children: Region[];
}
export type AnyTerm = Group | Region | Topic | Author;

export interface Report {
	slug: string;
	url: string;
	filePath: string;
	title: string;
	/** The author's sentence-case title for citations, when the automatic one would be wrong. */
	titleSentenceCase: string | undefined;
	summary: string;
	type: ReportTypeInfo;
	published: PartialDate;
	updated: PartialDate | undefined;
	authors: Author[];
	groups: Group[];
	regions: Region[];
	topics: Topic[];
	source: ReportData['source'];
	attachments: ReportData['attachments'];
	aliases: string[];
	series: string | undefined;
	/** Related public reports, best first (computed once per build). */
	related: Report[];
	/** Public, or (in an author's preview only) a draft or embargoed. */
	visibility: Visibility;
}

export interface TypeListing {
	type: ReportTypeInfo;
	url: string;
	reports: Report[];
}

export interface YearGroup {
	year: number;
	reports: Report[];
}

export interface Archive {
	/** `publish` for the public site; `preview` when unpublished reports are included, marked. */
	mode: PublishMode;
	/** Public reports, newest first (in preview mode, every report). */
	reports: Report[];
	bySlug: ReadonlyMap<string, Report>;
	groups: Group[];
	regions: Region[];
	topics: Topic[];
	authors: Author[];
	types: TypeListing[];
	/** The alias tables, for resolving any spelling of a term. */
	tables: {
		groups: AliasTable<Group>;
		regions: AliasTable<Region>;
		topics: AliasTable<Topic>;
		authors: AliasTable<Author>;
	};
}

/** The one sort order of reports: newest first, then by title. */
export function compareReports(
	a: { published: PartialDate; title: string },
	b: { published: PartialDate; title: string },
): number {
	return comparePartialDates(b.published, a.published) || a.title.localeCompare(b.title, 'en');
}

/** Reports grouped by publication year, newest year first, keeping the given order within a year. */
export function groupByYear(reports: readonly Report[]): YearGroup[] {
	const byYear = new Map<number, Report[]>();
	for (const report of reports) {
		const year = report.published.year;
		const list = byYear.get(year);
		if (list) list.push(report);
		else byYear.set(year, [report]);
	}
	return [...byYear]
		.map(([year, list]) => ({ year, reports: list }))
		.sort((a, b) => b.year - a.year);
}

const byName = (a: Term, b: Term) => a.name.localeCompare(b.name, 'en');

export interface BuildOptions {
	/**
	 * `publish` (the default) keeps only public reports; `preview` keeps every report, each marked
	 * with its visibility, for authors' previews that never go into `dist/`.
	 */
	mode?: PublishMode;
}

/**
 * Builds the archive. Throws a `ContentError` listing every broken reference (an unknown group,
 * region, topic or author; an unknown parent region; a related report that does not exist), in
 * drafts too, so a mistake is caught before the report is published.
 */
export function buildArchive(raw: RawCollections, now: Date, options: BuildOptions = {}): Archive {
	const mode = options.mode ?? 'publish';
	const issues: ContentIssue[] = [];

	function makeTerms<K extends TaxonomyKind, D extends { name: string; aliases: string[] }>(
		kind: K,
		entries: readonly RawEntry<D>[],
	) {
		return entries
			.map((e) => ({
				kind,
				slug: e.id,
				name: e.data.name,
				aliases: e.data.aliases,
				url: termPath(kind, e.id),
				data: e.data,
				filePath: e.filePath ?? `content/${kind}/${e.id}.md`,
				reports: [] as Report[],
			}))
			.sort(byName);
	}

	const groups: Group[] = makeTerms('groups', raw.groups);
	const topics: Topic[] = makeTerms('topics', raw.topics);
	const authors: Author[] = makeTerms('authors', raw.authors);
	const regions: Region[] = makeTerms('regions', raw.regions).map((r) => ({
		...r,
		parent: undefined,
		children: [],
	}));

	const tables = {
		groups: createAliasTable('groups', groups),
		regions: createAliasTable('regions', regions),
		topics: createAliasTable('topics', topics),
		authors: createAliasTable('authors', authors),
	};

	// Region hierarchy: a parent must exist and must not lead back to the region itself.
	for (const region of regions) {
		const parentRef = region.data.parent;
		if (!parentRef) continue;
		const parent = tables.regions.get(parentRef);
		if (!parent) {
			issues.push({
				file: region.filePath,
				field: 'parent',
				message: `unknown region "${parentRef}"; did you mean ${tables.regions.suggest(parentRef).join(', ')}?`,
			});
			continue;
		}
		region.parent = parent;
	}
	// A region is in a loop when following its parents leads back to it. Report each member of a
	// loop once, then cut the loop so nothing below walks it forever.
	const inLoop = regions.filter((region) => {
		const seen = new Set<Region>();
		for (let r = region.parent; r && !seen.has(r); r = r.parent) {
			if (r === region) return true;
			seen.add(r);
		}
		return false;
	});
	for (const region of inLoop) {
		issues.push({
			file: region.filePath,
			field: 'parent',
			message: `following the parents from ${region.slug} leads back to it; a region cannot contain itself`,
		});
	}
	for (const region of inLoop) region.parent = undefined;
	for (const region of regions) region.parent?.children.push(region);

	function resolve<T extends Term>(
		table: AliasTable<T>,
		file: string,
		field: string,
		refs: readonly string[],
	): T[] {
		const found: T[] = [];
		refs.forEach((ref, i) => {
			const term = table.get(ref);
			if (term) {
				if (!found.includes(term)) found.push(term);
				return;
			}
			const known = table.terms.length
				? `did you mean ${table.suggest(ref).join(', ')}? Known ${table.kind} are listed in content/${table.kind}/`
				: `content/${table.kind}/ has no entries yet; add content/${table.kind}/<slug>.md first`;
			issues.push({
				file,
				field: `${field}[${i}]`,
				message: `unknown ${table.kind.replace(/s$/, '')} "${ref}"; ${known}`,
			});
		});
		return found;
	}

	const allSlugs = new Set(raw.reports.map((r) => r.id));
	const reports: Report[] = [];
	const relatedRefs = new Map<string, string[]>();
	for (const entry of raw.reports) {
		const d = entry.data;
		const file = entry.filePath ?? `content/reports/${entry.id}.md`;
		const report: Report = {
			slug: entry.id,
			url: reportPath(entry.id),
			filePath: file,
			title: d.title,
			titleSentenceCase: d.titleSentenceCase,
			summary: d.summary,
			type: REPORT_TYPE_INFO[d.type],
			published: d.published,
			updated: d.updated,
			authors: resolve(tables.authors, file, 'authors', d.authors),
			groups: resolve(tables.groups, file, 'groups', d.groups),
			regions: resolve(tables.regions, file, 'regions', d.regions),
			topics: resolve(tables.topics, file, 'topics', d.topics),
			source: d.source,
			attachments: d.attachments,
			aliases: d.aliases,
			series: d.series,
			related: [],
			visibility: visibility(d, now),
		};
		d.related.forEach((slug, i) => {
			if (!allSlugs.has(slug)) {
				issues.push({ file, field: `related[${i}]`, message: `no report has the slug "${slug}"` });
			}
		});
		if (isIncluded(d, now, mode)) {
			reports.push(report);
			relatedRefs.set(report.slug, d.related);
		}
	}
	if (issues.length) throw new ContentError(issues);

	reports.sort(compareReports);
	const bySlug = new Map(reports.map((r) => [r.slug, r]));

	for (const report of reports) {
		for (const term of [...report.groups, ...report.topics, ...report.authors])
			term.reports.push(report);
		// A report on Kunduz is also a report on Afghanistan.
		const places = new Set<Region>();
		for (const region of report.regions) {
			for (let r: Region | undefined = region; r; r = r.parent) places.add(r);
		}
		for (const place of places) place.reports.push(report);
	}

	const related = computeRelated(
		reports.map((r) => ({
			slug: r.slug,
			groups: r.groups.map((t) => t.slug),
			regions: r.regions.map((t) => t.slug),
			topics: r.topics.map((t) => t.slug),
			related: relatedRefs.get(r.slug) ?? [],
		})),
	);
	for (const report of reports) {
		report.related = (related.get(report.slug) ?? []).map((slug) => bySlug.get(slug)!);
	}

	const types = REPORT_TYPES.map((t) => ({
		type: REPORT_TYPE_INFO[t],
		url: typePath(t),
		reports: reports.filter((r) => r.type.slug === t),
	}));

	return { mode, reports, bySlug, groups, regions, topics, authors, types, tables };
}
