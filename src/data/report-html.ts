/**
 * A report's body as HTML for full-text feeds: the HTML the content layer rendered for a Markdown
 * report, with absolute addresses (`src/lib/outputs/feed-html.ts`). An MDX report has no such
 * HTML (its components render only inside a page), so its feed item keeps the summary and link.
 */
import { getReportEntry } from './archive.ts';
import type { Report } from '../lib/archive/build-archive.ts';
import { feedHtml } from '../lib/outputs/feed-html.ts';
import { absoluteUrl } from '../lib/routes.ts';
import { SITE } from '../site.ts';

export async function getReportHtml(report: Report): Promise<string | undefined> {
	const html = (await getReportEntry(report.slug)).rendered?.html;
	return html ? feedHtml(html, absoluteUrl(report.url, SITE.url)) : undefined;
}
