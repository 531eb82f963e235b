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
import { KINDS, type TaxonomyKind } from '../model/kinds.ts';
import { placesOf } from '../model/places.ts';
import { createAliasTable, type AliasTable, type Term } from '../model/terms.ts';
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

/** The terms of every taxonomy, by kind. */
type TermsByKind = Pick<Archive, TaxonomyKind>;

/**
 * Builds the archive, in named steps. Throws a `ContentError` listing every broken reference (an
 * unknown group, region, topic or author; an unknown parent region; a region inside itself; a
 * related report that does not exist; a spelling two terms claim), in drafts too, so a mistake
 * is caught before the report is published.
 */
export function buildArchive(raw: RawCollections, now: Date, options: BuildOptions = {}): Archive {
	const mode = options.mode ?? 'publish';
	const issues: ContentIssue[] = [];

	const terms = makeTerms(raw);
	const tables = makeAliasTables(terms, issues);
	linkRegions(terms.regions, tables.regions, issues);
	const read = readReports(raw.reports, tables, now, issues);
	if (issues.length) throw new ContentError(issues);

	const reports = read.filter((r) => isIncluded(r.fields, now, mode)).map((r) => r.report);
	reports.sort(compareReports);
	const bySlug = new Map(reports.map((r) => [r.slug, r]));
	fileUnderTerms(reports);
	relateReports(reports, bySlug, new Map(read.map((r) => [r.report.slug, r.fields.related])));
	const types = typeListings(reports);

	return { mode, reports, bySlug, ...terms, types, tables };
}

/** Step 1: every term of every taxonomy, with its address and no reports yet, sorted by name. */
function makeTerms(raw: RawCollections): TermsByKind {
	function make<K extends TaxonomyKind, D extends { name: string; aliases: string[] }>(
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
	return {
		groups: make('groups', raw.groups),
		regions: make('regions', raw.regions).map((r) => ({ ...r, parent: undefined, children: [] })),
		topics: make('topics', raw.topics),
		authors: make('authors', raw.authors),
	};
}

/** Step 2: the alias table of each taxonomy; a spelling two terms claim is an issue. */
function makeAliasTables(terms: TermsByKind, issues: ContentIssue[]): Archive['tables'] {
	return {
		groups: createAliasTable('groups', terms.groups, issues),
		regions: createAliasTable('regions', terms.regions, issues),
		topics: createAliasTable('topics', terms.topics, issues),
		authors: createAliasTable('authors', terms.authors, issues),
	};
}

/**
 * Step 3: the region hierarchy. A parent must exist and must not lead back to the region itself;
 * each member of a loop is reported once and the loop is cut, so nothing below walks it forever.
 */
function linkRegions(
	regions: readonly Region[],
	table: AliasTable<Region>,
	issues: ContentIssue[],
): void {
	for (const region of regions) {
		const parentRef = region.data.parent;
		if (!parentRef) continue;
		const parent = table.get(parentRef);
		if (!parent) {
			issues.push({
				file: region.filePath,
				field: 'parent',
				message: `unknown region "${parentRef}"; did you mean ${table.suggest(parentRef).join(', ')}?`,
			});
			continue;
		}
		region.parent = parent;
	}
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
}

/** The terms a list of references names, each once; an unknown reference is an issue. */
function resolveRefs<T extends Term>(
	table: AliasTable<T>,
	file: string,
	field: string,
	refs: readonly string[],
	issues: ContentIssue[],
): T[] {
	const found: T[] = [];
	const noun = KINDS[table.kind].noun;
	refs.forEach((ref, i) => {
		const term = table.get(ref);
		if (term) {
			if (!found.includes(term)) found.push(term);
			return;
		}
		const known = table.terms.length
			? `did you mean ${table.suggest(ref).join(', ')}? Known ${table.kind} are listed in content/${table.kind}/`
			: `content/${table.kind}/ has no entries yet; add content/${table.kind}/<slug>.md first`;
		issues.push({ file, field: `${field}[${i}]`, message: `unknown ${noun} "${ref}"; ${known}` });
	});
	return found;
}

/**
 * Step 4: every report, drafts included, with its terms resolved through the alias tables and
 * its visibility at `now`; a `related` slug that names no report is an issue.
 */
function readReports(
	entries: readonly RawEntry<ReportData>[],
	tables: Archive['tables'],
	now: Date,
	issues: ContentIssue[],
): { report: Report; fields: ReportData }[] {
	const allSlugs = new Set(entries.map((r) => r.id));
	return entries.map((entry) => {
		const d = entry.data;
		const file = entry.filePath ?? `content/reports/${entry.id}.md`;
		const terms = (kind: TaxonomyKind) =>
			resolveRefs(tables[kind] as AliasTable<AnyTerm>, file, kind, d[kind], issues);
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
			authors: terms('authors') as Author[],
			groups: terms('groups') as Group[],
			regions: terms('regions') as Region[],
			topics: terms('topics') as Topic[],
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
		return { report, fields: d };
	});
}

/** Step 5: each term's list of reports; a region's includes those on the places within it. */
function fileUnderTerms(reports: readonly Report[]): void {
	for (const report of reports) {
		for (const term of [...report.groups, ...report.topics, ...report.authors])
			term.reports.push(report);
		for (const place of placesOf(report.regions)) place.reports.push(report);
	}
}

/** Step 6: related reports, computed once for all (`./related.ts`). */
function relateReports(
	reports: readonly Report[],
	bySlug: ReadonlyMap<string, Report>,
	chosen: ReadonlyMap<string, readonly string[]>,
): void {
	const related = computeRelated(
		reports.map((r) => ({
			slug: r.slug,
			groups: r.groups.map((t) => t.slug),
			regions: r.regions.map((t) => t.slug),
			topics: r.topics.map((t) => t.slug),
			related: chosen.get(r.slug) ?? [],
		})),
	);
	for (const report of reports) {
		report.related = (related.get(report.slug) ?? []).map((slug) => bySlug.get(slug)!);
	}
}

/** Step 7: the reports of each type. */
function typeListings(reports: readonly Report[]): TypeListing[] {
	return REPORT_TYPES.map((t) => ({
		type: REPORT_TYPE_INFO[t],
		url: typePath(t),
		reports: reports.filter((r) => r.type.slug === t),
	}));
}
