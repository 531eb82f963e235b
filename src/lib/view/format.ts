/** Small display formatters. */
import type { ReportAttachment } from '../archive/build-archive.ts';
import type { Attachment } from '../model/schema.ts';
import { countLabel } from './count.ts';

/** "1.2 MB", "340 KB", "512 bytes" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
	if (bytes < 1000) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
	const units = ['KB', 'MB', 'GB', 'TB'] as const;
	let value = bytes / 1000;
	let unit = 0;
	// Round first, so that 999,999 bytes reads "1.0 MB", not "1000 KB".
	const rounded = (v: number) => (v >= 9.95 ? Math.round(v) : Math.round(v * 10) / 10);
	while (rounded(value) >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	const r = rounded(value);
	return `${r >= 10 ? r : r.toFixed(1)} ${units[unit]}`;
}

const FORMAT_LABELS: Record<Attachment['format'], string> = {
	pdf: 'PDF',
	docx: 'Word document',
	xlsx: 'Spreadsheet',
	csv: 'CSV data',
	json: 'JSON data',
	zip: 'ZIP archive',
	other: 'File',
};

/** What readers call a file format: "PDF", "Word document". */
export function formatLabel(format: Attachment['format']): string {
	return FORMAT_LABELS[format];
}

/** "34 pages", "1 page". */
export function pagesLabel(pages: number): string {
	return countLabel(pages, 'page');
}

/**
 * "PDF, 1.2 MB, 34 pages, on risetopeace.org": what a reader needs to know before following the
 * link. A copy kept by this archive says so instead of naming a host.
 */
export function describeAttachment(
	attachment: Pick<ReportAttachment, 'format' | 'size' | 'pages' | 'href' | 'kept'>,
	siteUrl: string,
): string {
	const parts: string[] = [FORMAT_LABELS[attachment.format]];
	if (attachment.size !== undefined) parts.push(formatBytes(attachment.size));
	if (attachment.pages !== undefined) parts.push(pagesLabel(attachment.pages));
	if (attachment.kept) parts.push('kept by this archive');
	else if (relOf(attachment.href, siteUrl)) parts.push(`on ${hostLabel(attachment.href, siteUrl)}`);
	return parts.join(', ');
}

/** The host a link leads to, as a reader names it: `example.org` for `https://www.example.org/a`. */
export function hostLabel(href: string, siteUrl: string): string {
	return new URL(href, siteUrl).hostname.replace(/^www\./, '');
}

/**
 * A link's `rel`: `external` when it leaves the site (another origin), none for the site's own
 * paths and addresses. One rule for every file link a report shows.
 */
export function relOf(href: string, siteUrl: string): 'external' | undefined {
	return new URL(href, siteUrl).origin === new URL(siteUrl).origin ? undefined : 'external';
}

/** A SHA-256 shortened for reading, "3f2a…9c1d"; the full value goes beside it for copying. */
export function shortHash(sha256: string): string {
	return sha256.length > 16 ? `${sha256.slice(0, 8)}…${sha256.slice(-8)}` : sha256;
}
