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
	updated: string | null;
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
	} | null;
	attachments: {
		title: string;
		url: string;
		format: string;
		size: number | null;
		fullText: boolean;
	}[];
	/** Former URLs of the report on this site (absolute); they redirect to `url`. */
	aliases: string[];
	series: string | null;
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
		updated: report.updated?.iso ?? null,
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
				}
			: null,
		attachments: report.attachments.map((a) => ({
			title: a.title,
			url: abs(a.url),
			format: a.format,
			size: a.size ?? null,
			fullText: a.fullText,
		})),
		aliases: report.aliases.map(abs),
		series: report.series ?? null,
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
