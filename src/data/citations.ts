/**
 * Citations of public reports, for the report pages and the citation-file endpoints. The context
 * (site URL, archive name, the proper nouns that keep their capitals) is built once per build,
 * and so are the CSL engines.
 */
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Report, ReportVersion } from '../lib/archive/build-archive.ts';
import {
	citationRecord,
	properNouns,
	toCslItem,
	type CitationContext,
	type CitationRecord,
} from '../lib/citation/record.ts';
import { CITATION_FILES, type CitationFileKind } from '../lib/citation/files.ts';
import { sectionCitationTemplate } from '../lib/citation/section.ts';
import {
	createCitationFormatter,
	FORMAT_FINGERPRINT,
	type FormattedCitations,
} from '../lib/citation/styles.ts';
import { cacheFolder, fileCache } from '../lib/node/file-cache.ts';
import { projectRoot } from './project.ts';
import { SITE } from '../site.ts';
import { getArchive, getCacheKeys } from './archive.ts';

let context: Promise<CitationContext> | undefined;
/**
 * Formatted citations are kept between builds beside Astro's own cache (`node_modules/.astro`,
 * or `BRIEF_CACHE_DIR` for the test and benchmark builds).
 */
const formatter = createCitationFormatter({
	cache: fileCache<FormattedCitations>(
		join(cacheFolder(projectRoot), 'brief-citations.jsonl'),
		FORMAT_FINGERPRINT,
	),
});

function getContext(): Promise<CitationContext> {
	context ??= getArchive().then((archive) => ({
		site: SITE.url,
		archive: SITE.title,
		language: SITE.lang,
		properNouns: properNouns([...archive.groups, ...archive.regions]),
	}));
	return context;
}

/** A report's citation record, or that of one of its earlier versions. */
export async function getCitationRecord(
	report: Report,
	version?: ReportVersion,
): Promise<CitationRecord> {
	return citationRecord(report, await getContext(), version);
}

/** Everything the "Cite this report" panel shows. */
export interface ReportCitation {
	record: CitationRecord;
	formatted: FormattedCitations;
	/** The text of each downloadable format. */
	files: Record<CitationFileKind, string>;
	/** The template the section controls fill in (see src/lib/citation/section.ts). */
	sectionTemplate: string;
}

/**
 * The citations of a report, or of one of its earlier versions, formatted (APA, Chicago) and as
 * files (BibTeX, RIS, CSL-JSON).
 */
export async function getReportCitation(
	report: Report,
	version?: ReportVersion,
): Promise<ReportCitation> {
	const record = await getCitationRecord(report, version);
	const formatted = formatter.format(toCslItem(record));
	return {
		record,
		formatted,
		files: {
			bibtex: CITATION_FILES.bibtex.make(record),
			ris: CITATION_FILES.ris.make(record),
			csl: CITATION_FILES.csl.make(record),
		},
		sectionTemplate: sectionCitationTemplate(formatted.apa.text, record.url),
	};
}

/** `getStaticPaths` of the citation-file endpoints: one file per public report. */
export const citationFileStaticPaths = (async () => {
	const [archive, keys] = await Promise.all([getArchive(), getCacheKeys()]);
	return archive.reports.map((report) => ({
		params: { slug: report.slug },
		props: { report },
		cacheKey: keys.citationFile(report),
	}));
}) satisfies GetStaticPaths;

/**
 * `GET` of one citation-file endpoint. The Content-Type reaches readers through `astro dev`; a
 * static build writes only the body (see public/_headers and the preview rule in
 * astro.config.ts).
 */
export function citationFileGet(kind: CitationFileKind): APIRoute {
	return async ({ props }) => {
		const record = await getCitationRecord((props as { report: Report }).report);
		return new Response(CITATION_FILES[kind].make(record), {
			headers: { 'Content-Type': CITATION_FILES[kind].contentType },
		});
	};
}
