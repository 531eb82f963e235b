/**
 * The quiet lines the service worker adds to a page it serves without the network: "Offline:
 * this is the copy from 3 March 2026." on a page kept on the device, and, on the offline page
 * shown in place of a page that was never opened, which page that was. They are plain markup
 * styled by the site's CSS (no script, no inline style), put at the top of the page's main
 * content. Browser-safe: the worker imports it.
 */

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/** "3 March 2026", in UTC (the date the copy was made, the same wherever the reader is). */
export function formatCopyDate(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return 'an earlier visit';
	return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** The line on a page served from the device: when the copy was made. */
export function copyNote(savedAt: string): string {
	return (
		`<p class="offline-note" role="status" data-offline-copy="${escapeHtml(savedAt)}">` +
		`<strong>Offline:</strong> this is the copy from ${formatCopyDate(savedAt)}.</p>`
	);
}

/** The line on the offline page when it stands in for a page that is not on the device. */
export function notSavedNote(path: string): string {
	return (
		`<p class="offline-note offline-note--missing" role="status" data-offline-missing="${escapeHtml(path)}">` +
		`<strong>Offline:</strong> <span class="offline-note__path">${escapeHtml(path)}</span> ` +
		`has not been saved on this device, so it cannot be shown without a connection.</p>`
	);
}

/**
 * The line on the offline page when it stands in for the search page: search works offline over
 * saved collections only, and none is saved.
 */
export function searchNotSavedNote(): string {
	return (
		'<p class="offline-note offline-note--missing" role="status" data-offline-missing="search">' +
		'<strong>Offline:</strong> search works without a connection over the collections saved on this device, and none is saved yet.</p>'
	);
}

const MAIN = /<main\b[^>]*>/i;

/** The page with `note` at the start of its main content; unchanged if it has no `<main>`. */
export function insertNote(html: string, note: string): string {
	const m = MAIN.exec(html);
	if (!m) return html;
	const at = m.index + m[0].length;
	return `${html.slice(0, at)}${note}${html.slice(at)}`;
}
