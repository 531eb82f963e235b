/**
 * `/reports.json`: a machine-readable index of the public reports and their metadata, for
 * researchers' scripts and other archives. Versioned: `version` changes only when a field is
 * removed or changes meaning; new fields may be added within a version. Documented in
 * docs/reports-json.md, described by the JSON Schema at /reports.schema.json.
 */
import type { Archive, Report } from '../archive/build-archive.ts';
import { credits, originalPublisher } from '../archive/credits.ts';
import type { KeyJudgment } from '../markdown/judgments.ts';
import { absoluteUrl, cardPath, REPORTS_JSON_SCHEMA_PATH } from '../routes.ts';

/** The current version of the format. */
export const REPORTS_JSON_VERSION = 1;

/** A term a report is filed under. */
export interface IndexTerm {
	slug: string;
	name: string;
	url: string;
}

/** One report in the index. */
export interface IndexReport {
	slug: string;
	url: string;
	title: string;
	summary: string;
	type: { slug: string; name: string };
	/** At the precision known: `2022`, `2022-05` or `2022-05-07`. */
	published: string;
	/** The day the report entered the archive: `YYYY-MM-DD`. */
	added: string;
	/** The `updated` field as the author gave it (a change not listed below), or null. */
	updated: string | null;
	/** The latest of `updated` and the corrections' and updates' days; null when never changed. */
	lastModified: string | null;
	/** `current`, `superseded` (see `supersededBy`) or `withdrawn` (see `withdrawn`). */
	state: 'current' | 'superseded' | 'withdrawn';
	/** The URL of the report that replaces this one, or null. */
	supersededBy: string | null;
	withdrawn: { date: string; reason: string } | null;
	/** Corrections, oldest first. */
	corrections: { date: string; was: string; now: string }[];
	/** Updates, oldest first. */
	updates: { date: string; note: string }[];
	/** This text's version number: 1 until the text first changes. */
	version: number;
	/** Earlier versions, oldest first, each at its own URL, with the day it was replaced. */
	versions: { number: number; url: string; title: string; replaced: string }[];
	/** The report's number, when its publisher numbers reports. */
	number: string | null;
	doi: string | null;
	authors: { name: string; kind: 'person' | 'desk' | 'organisation'; url: string | null }[];
	groups: IndexTerm[];
	regions: IndexTerm[];
	topics: IndexTerm[];
	/** The original publisher and page; `url` may be the original site when the page is unknown. */
	source: {
		publisher: string;
		url: string | null;
		label: string | null;
		note: string | null;
		/** A copy of the original page in a web archive. */
		archived: { url: string; date: string } | null;
	} | null;
	attachments: {
		title: string;
		/** Where to get it: the copy this archive keeps when there is one, else the original. */
		url: string;
		/** The original address, when known. */
		originalUrl: string | null;
		archived: { url: string; date: string } | null;
		format: string;
		size: number | null;
		pages: number | null;
		/** SHA-256 of a kept copy, hex. */
		sha256: string | null;
		fullText: boolean;
	}[];
	/** Former URLs of the report on this site (absolute); they redirect to `url`. */
	aliases: string[];
	/** The series' name. */
	series: string | null;
	seriesVolume: string | null;
	seriesIssue: string | null;
	image: string;
	/**
	 * The report's key judgments (`<Judgment>` in an MDX report), in order, each with its ICD 203
	 * likelihood, probability band and confidence; empty when it has none.
	 */
	keyJudgments: KeyJudgment[];
}

/** The whole index. */
export interface ReportsIndex {
	$schema: string;
	version: typeof REPORTS_JSON_VERSION;
	site: { title: string; url: string; publisher: string };
	/** How many reports follow. */
	count: number;
	/** Newest first, in the archive's one sort order. */
	reports: IndexReport[];
}

/** Site-wide facts the index carries. */
export interface IndexSite {
	url: string;
	title: string;
	publisher: string;
}

function indexReport(
	report: Report,
	site: IndexSite,
	judgments: (report: Report) => KeyJudgment[],
): IndexReport {
	const abs = (path: string) => absoluteUrl(path, site.url);
	const terms = (list: readonly { slug: string; name: string; url: string }[]) =>
		list.map((t) => ({ slug: t.slug, name: t.name, url: abs(t.url) }));
	return {
		slug: report.slug,
		url: abs(report.url),
		title: report.title,
		summary: report.summary,
		type: { slug: report.type.slug, name: report.type.name },
		published: report.published.iso,
		added: (report.added ?? report.published).iso,
		updated: report.updated?.iso ?? null,
		lastModified: report.lastModified?.iso ?? null,
		state: report.standing.state,
		supersededBy: report.standing.state === 'superseded' ? abs(report.standing.by.url) : null,
		withdrawn:
			report.standing.state === 'withdrawn'
				? { date: report.standing.date.iso, reason: report.standing.reason }
				: null,
		corrections: report.changes.flatMap((c) =>
			c.kind === 'correction' ? [{ date: c.date.iso, was: c.was, now: c.now }] : [],
		),
		updates: report.changes.flatMap((c) =>
			c.kind === 'update' ? [{ date: c.date.iso, note: c.note }] : [],
		),
		version: report.versions.length + 1,
		versions: report.versions.map((v) => ({
			number: v.number,
			url: abs(v.url),
			title: v.title,
			replaced: v.replaced.iso,
		})),
		number: report.number ?? null,
		doi: report.doi ?? null,
		authors: credits(report, site.publisher).map((c) => ({
			name: c.name,
			kind: c.kind,
			url: c.url ? abs(c.url) : null,
		})),
		groups: terms(report.groups),
		regions: terms(report.regions),
		topics: terms(report.topics),
		source: report.source
			? {
					publisher: originalPublisher(report, site.publisher),
					url: report.source.url ?? null,
					label: report.source.label ?? null,
					note: report.source.note ?? null,
					archived: report.source.archived
						? { url: report.source.archived.url, date: report.source.archived.date.iso }
						: null,
				}
			: null,
		attachments: report.attachments.map((a) => ({
			title: a.title,
			url: abs(a.href),
			originalUrl: a.url ? abs(a.url) : null,
			archived: a.archived ? { url: a.archived.url, date: a.archived.date.iso } : null,
			format: a.format,
			size: a.size ?? null,
			pages: a.pages ?? null,
			sha256: a.kept?.sha256 ?? null,
			fullText: a.fullText,
		})),
		aliases: report.aliases.map(abs),
		series: report.series?.name ?? null,
		seriesVolume: report.series?.volume ?? null,
		seriesIssue: report.series?.issue ?? null,
		image: abs(cardPath(report.slug)),
		keyJudgments: judgments(report),
	};
}

/**
 * The index of every public report.
 *
 * @param judgments The key judgments of a report (read from its source by the caller); none by
 *   default.
 */
export function reportsIndex(
	archive: Pick<Archive, 'reports'>,
	site: IndexSite,
	judgments: (report: Report) => KeyJudgment[] = () => [],
): ReportsIndex {
	return {
		$schema: absoluteUrl(REPORTS_JSON_SCHEMA_PATH, site.url),
		version: REPORTS_JSON_VERSION,
		site: { title: site.title, url: absoluteUrl('/', site.url), publisher: site.publisher },
		count: archive.reports.length,
		reports: archive.reports.map((r) => indexReport(r, site, judgments)),
	};
}
