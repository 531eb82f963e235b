/**
 * The archive, computed once per build from the raw collections: references resolved and
 * checked, the publish rule applied, reports sorted, and every taxonomy's report lists, counts
 * and related reports worked out. Pages only read from it.
 */
import { comparePartialDates, type PartialDate } from '../model/dates.ts';
import { ContentError, type ContentIssue } from '../model/content-error.ts';
import { isIncluded, visibility, type PublishMode, type Visibility } from '../model/publish.ts';
import { computeRelated, type RelatableReport } from './related.ts';
import { REPORT_TYPE_INFO, REPORT_TYPES, type ReportTypeInfo } from '../model/report-types.ts';
import type {
	Attachment,
	AuthorData,
	GroupData,
	RegionData,
	ReportData,
	Series,
	TopicData,
	VersionData,
} from '../model/schema.ts';
import {
	changesOf,
	latestDate,
	placeVersions,
	standing,
	type Change,
	type Standing,
} from './record.ts';
import { KINDS, type TaxonomyKind } from '../model/kinds.ts';
import { placesOf } from '../model/places.ts';
import { didYouMean } from '../model/nearest.ts';
import { createAliasTable, type AliasTable, type Term } from '../model/terms.ts';
import { keptFilePath, reportPath, termPath, typePath, versionPath } from '../routes.ts';

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
	/** Kept earlier versions of reports, with ids `<slug>/<n>` (content/versions/<slug>/<n>.md). */
	versions?: readonly RawEntry<VersionData>[];
}

/** What the build worked out from a file kept in the repository (`content/files/…`). */
export interface FileFacts {
	/** Size in bytes. */
	size: number;
	/** SHA-256 of the bytes, in lower-case hex. */
	sha256: string;
	/** Number of pages, for a PDF that could be read. */
	pages?: number | undefined;
}

/** A report's file: the kept copy, the original, or both. */
export interface ReportAttachment extends Omit<Attachment, 'url'> {
	/** Where readers get it: the kept copy on this site (`/files/…`) when there is one, else the original. */
	href: string;
	/** The original address, when known. */
	url: string | undefined;
	/** The kept copy's path under the content folder and what the build read from it. */
	kept: ({ path: string } & Partial<FileFacts>) | undefined;
}

/** An earlier version of a report, kept as it was, at its own address. */
export interface ReportVersion {
	/** 1 for the text as first published, then 2, 3, … */
	number: number;
	/** `/reports/<slug>/v<n>/`. */
	url: string;
	/** The collection entry to render (`<slug>/<n>`). */
	entryId: string;
	title: string;
	titleSentenceCase: string | undefined;
	titleShort: string | undefined;
	summary: string;
	authors: Author[];
	published: PartialDate;
	/** The changes it listed then. */
	changes: Change[];
	/** The day the next version replaced it. */
	replaced: PartialDate;
	/** What the next version changed. */
	replacedBy: Change[];
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
	/** The author's short title for Chicago notes, when the automatic one would read badly. */
	titleShort: string | undefined;
	summary: string;
	type: ReportTypeInfo;
	published: PartialDate;
	/** The day the report entered the archive: what feeds date it by (`added`, else a day-precise `published`). */
	added: PartialDate | undefined;
	/** The `updated` field: a change not listed as a correction or update. */
	updated: PartialDate | undefined;
	/** Corrections and updates, oldest first. */
	changes: Change[];
	/** The latest of `updated` and the changes' dates: "Last updated". Undefined when never changed. */
	lastModified: PartialDate | undefined;
	/** Earlier versions, oldest first; the report itself is version `versions.length + 1`. */
	versions: ReportVersion[];
	/** Current, superseded by another report of this build, or withdrawn. */
	standing: Standing<Report>;
	/** The reports this one supersedes, newest first. */
	supersedes: Report[];
	/** The report's number, when its publisher numbers reports. */
	number: string | undefined;
	doi: string | undefined;
	authors: Author[];
	groups: Group[];
	regions: Region[];
	topics: Topic[];
	source: ReportData['source'];
	attachments: ReportAttachment[];
	aliases: string[];
	series: Series | undefined;
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
	/**
	 * The files kept under the content folder's `files/`, by path (`files/a.pdf`), with what the
	 * build read from each when it did. When given, an attachment whose `file` is not among them is
	 * an issue.
	 */
	files?: ReadonlyMap<string, FileFacts | undefined>;
	/**
	 * How related reports are computed: `computeRelated` (the default), the same kept between
	 * builds (src/lib/node/related-cache.ts), or `false` when they are not wanted (the content
	 * checks need only the issues; computing them is about 1.5 s at 10,000 reports). With `false`
	 * every report's `related` is empty.
	 */
	related?:
		false | ((reports: readonly RelatableReport[]) => ReadonlyMap<string, readonly string[]>);
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
	const read = readReports(raw.reports, tables, now, issues, options.files);
	keepVersions(read, raw.versions ?? [], tables.authors, issues);
	checkSupersession(read, issues);
	if (issues.length) throw new ContentError(issues);

	const reports = read.filter((r) => isIncluded(r.fields, now, mode)).map((r) => r.report);
	reports.sort(compareReports);
	const bySlug = new Map(reports.map((r) => [r.slug, r]));
	linkSuccessors(reports, bySlug, new Map(read.map((r) => [r.report.slug, r.fields])));
	fileUnderTerms(reports);
	if (options.related !== false) {
		const chosen = new Map(read.map((r) => [r.report.slug, r.fields.related]));
		relateReports(reports, bySlug, chosen, options.related ?? computeRelated);
	}
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
	files: ReadonlyMap<string, FileFacts | undefined> | undefined,
): { report: Report; fields: ReportData }[] {
	const allSlugs = new Set(entries.map((r) => r.id));
	return entries.map((entry) => {
		const d = entry.data;
		const file = entry.filePath ?? `content/reports/${entry.id}.md`;
		const terms = (kind: TaxonomyKind) =>
			resolveRefs(tables[kind] as AliasTable<AnyTerm>, file, kind, d[kind], issues);
		const changes = changesOf(d);
		const report: Report = {
			slug: entry.id,
			url: reportPath(entry.id),
			filePath: file,
			title: d.title,
			titleSentenceCase: d.titleSentenceCase,
			titleShort: d.titleShort,
			summary: d.summary,
			type: REPORT_TYPE_INFO[d.type],
			published: d.published,
			added: d.added ?? (d.published.precision === 'day' ? d.published : undefined),
			updated: d.updated,
			changes,
			lastModified: latestDate([d.updated, ...changes.map((c) => c.date)]),
			versions: [],
			standing: { state: 'current' },
			supersedes: [],
			number: d.number,
			doi: d.doi,
			authors: terms('authors') as Author[],
			groups: terms('groups') as Group[],
			regions: terms('regions') as Region[],
			topics: terms('topics') as Topic[],
			source: d.source,
			attachments: d.attachments.map((a, i) => reportAttachment(a, files, file, i, issues)),
			aliases: d.aliases,
			series: d.series,
			related: [],
			visibility: visibility(d, now),
		};
		if (report.added === undefined && report.visibility.state === 'public') {
			issues.push({
				file,
				field: 'added',
				message: `a public report needs the day it entered the archive: "published" is known only to the ${d.published.precision}, and feeds date a report to the day; add e.g. added: "${isoToday(now)}" (the archive never invents a day)`,
			});
		}
		d.related.forEach((slug, i) => {
			if (!allSlugs.has(slug)) {
				issues.push({ file, field: `related[${i}]`, message: `no report has the slug "${slug}"` });
			}
		});
		return { report, fields: d };
	});
}

/** The UTC day of an instant, `YYYY-MM-DD` (the form itself, never a made-up day, if it has none). */
function isoToday(now: Date): string {
	return Number.isNaN(now.getTime()) ? 'YYYY-MM-DD' : now.toISOString().slice(0, 10);
}

/** A report's file as pages show it: the kept copy when there is one, with what the build read. */
function reportAttachment(
	a: Attachment,
	files: ReadonlyMap<string, FileFacts | undefined> | undefined,
	reportFile: string,
	i: number,
	issues: ContentIssue[],
): ReportAttachment {
	const { url, ...rest } = a;
	if (a.file === undefined) return { ...rest, url, href: url!, kept: undefined };
	if (files && !files.has(a.file)) {
		issues.push({
			file: reportFile,
			field: `attachments[${i}].file`,
			message: `there is no file ${a.file} in the content folder; put the file at content/${a.file} or remove the field`,
		});
	}
	const facts = files?.get(a.file);
	return {
		...rest,
		url,
		href: keptFilePath(a.file),
		kept: { path: a.file, ...facts },
		...(facts?.size !== undefined ? { size: facts.size } : {}),
		...(facts?.pages !== undefined ? { pages: facts.pages } : {}),
	};
}

/**
 * Step 4b: each report's kept earlier versions, placed in its history and checked
 * (`placeVersions` in `./record.ts`); a version of a report that does not exist is an issue.
 */
function keepVersions(
	read: readonly { report: Report; fields: ReportData }[],
	versions: readonly RawEntry<VersionData>[],
	authors: AliasTable<Author>,
	issues: ContentIssue[],
): void {
	const bySlug = new Map(read.map((r) => [r.report.slug, r.report]));
	const snapshots = new Map<
		string,
		{ id: string; number: number; file: string; data: VersionData }[]
	>();
	for (const v of versions) {
		const m = /^(.+)\/(\d+)$/.exec(v.id);
		const file = v.filePath ?? `content/versions/${v.id}.md`;
		if (!m) {
			issues.push({
				file,
				field: 'file',
				message:
					'a kept version is content/versions/<report slug>/<number>.md, e.g. versions/my-report/1.md',
			});
			continue;
		}
		const [, slug, n] = m as unknown as [string, string, string];
		if (!bySlug.has(slug)) {
			issues.push({
				file,
				field: 'file',
				message: `no report has the slug "${slug}"; a kept version lives in the folder named after its report`,
			});
			continue;
		}
		const list = snapshots.get(slug) ?? [];
		list.push({ id: v.id, number: Number(n), file, data: v.data });
		snapshots.set(slug, list);
	}
	for (const { report } of read) {
		const kept = snapshots.get(report.slug) ?? [];
		const placed = placeVersions(
			{ file: report.filePath, changes: report.changes },
			kept.map((k) => ({ number: k.number, file: k.file, changes: changesOf(k.data), data: k })),
			issues,
		);
		report.versions = placed.map((p) => ({
			number: p.number,
			url: versionPath(report.slug, p.number),
			entryId: p.data.id,
			title: p.data.data.title,
			titleSentenceCase: p.data.data.titleSentenceCase,
			titleShort: p.data.data.titleShort,
			summary: p.data.data.summary,
			authors: resolveRefs(authors, p.file, 'authors', p.data.data.authors, issues),
			published: p.data.data.published,
			changes: p.changes,
			replaced: p.replaced,
			replacedBy: p.replacedBy,
		}));
	}
}

/**
 * Step 4c: `supersededBy` names another report that exists, and following it never leads back.
 */
function checkSupersession(
	read: readonly { report: Report; fields: ReportData }[],
	issues: ContentIssue[],
): void {
	const fields = new Map(read.map((r) => [r.report.slug, r.fields]));
	for (const { report, fields: d } of read) {
		const next = d.supersededBy;
		if (next === undefined) continue;
		if (!fields.has(next)) {
			issues.push({
				file: report.filePath,
				field: 'supersededBy',
				message: `no report has the slug "${next}"${((h) => (h ? `; ${h}` : ''))(didYouMean(next, [...fields.keys()]))}`,
			});
			continue;
		}
		const seen = new Set([report.slug]);
		for (let s: string | undefined = next; s !== undefined; s = fields.get(s)?.supersededBy) {
			if (seen.has(s)) {
				issues.push({
					file: report.filePath,
					field: 'supersededBy',
					message: `following supersededBy from ${report.slug} leads back to ${s}; a report cannot replace itself`,
				});
				break;
			}
			seen.add(s);
		}
	}
}

/**
 * Step 5a: who replaces whom, among the reports of this build. A replacement that is not public
 * yet does not supersede anything until it is.
 */
function linkSuccessors(
	reports: readonly Report[],
	bySlug: ReadonlyMap<string, Report>,
	fields: ReadonlyMap<string, ReportData>,
): void {
	for (const report of reports) {
		const d = fields.get(report.slug)!;
		const successor = d.supersededBy === undefined ? undefined : bySlug.get(d.supersededBy);
		report.standing = standing(d, successor);
		if (successor) successor.supersedes.push(report);
	}
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
	compute: (reports: readonly RelatableReport[]) => ReadonlyMap<string, readonly string[]>,
): void {
	const related = compute(
		reports.map((r) => ({
			slug: r.slug,
			groups: r.groups.map((t) => t.slug),
			regions: r.regions.map((t) => t.slug),
			topics: r.topics.map((t) => t.slug),
			related: chosen.get(r.slug) ?? [],
			// A report that no longer stands (superseded or withdrawn) is never suggested: left out
			// before the best are chosen, so the next best take its place.
			suggestable: r.standing.state === 'current',
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
