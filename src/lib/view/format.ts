/** Small display formatters. */
import type { Attachment } from '../model/schema.ts';

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

/** "PDF, 1.2 MB, on risetopeace.org": what a reader needs to know before following the link. */
export function describeAttachment(attachment: Attachment, siteUrl: string): string {
	const parts: string[] = [FORMAT_LABELS[attachment.format]];
	if (attachment.size !== undefined) parts.push(formatBytes(attachment.size));
	const url = new URL(attachment.url, siteUrl);
	if (url.origin !== new URL(siteUrl).origin) {
		parts.push(`on ${url.hostname.replace(/^www\./, '')}`);
	}
	return parts.join(', ');
}

/** "1 report", "3 reports". */
export function countLabel(n: number, singular: string, plural = `${singular}s`): string {
	return `${n} ${n === 1 ? singular : plural}`;
}
