/**
 * `/reports.json`: the machine-readable index of public reports (docs/reports-json.md). Written
 * without indentation: at 10,000 reports it is several megabytes, and readers may be on slow
 * links.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import { bodyOf } from '../data/file-body.ts';
import type { Report } from '../lib/archive/build-archive.ts';
import { extractJudgments } from '../lib/markdown/judgments.ts';
import { reportsIndex } from '../lib/outputs/reports-json.ts';
import { SITE } from '../site.ts';

/** The key judgments of an MDX report, read from its file; a Markdown report has none. */
function judgmentsOf(report: Report) {
	if (!report.filePath.endsWith('.mdx')) return [];
	return extractJudgments(bodyOf(report.filePath));
}

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(reportsIndex(await getArchive(), SITE, judgmentsOf)), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
