import { describe, expect, it } from 'vitest';
import {
	copyNote,
	formatCopyDate,
	insertNote,
	notSavedNote,
	searchNotSavedNote,
} from '../../../src/lib/offline/notes.ts';

const PAGE =
	'<!doctype html><html><body><a class="skip-link" href="#Main">Skip</a><header>…</header><main id="Main" tabindex="-1"><div class="wrap"><h1>Title</h1></div></main></body></html>';

describe('the offline notes', () => {
	it('say on which day the copy was made, at day precision', () => {
		expect(formatCopyDate('2026-03-01T23:59:00Z')).toBe('1 March 2026');
		expect(formatCopyDate('')).toBe('an earlier visit');
		expect(copyNote('2026-03-01T10:00:00Z')).toBe(
			'<p class="offline-note" role="status" data-offline-copy="2026-03-01T10:00:00Z"><strong>Offline:</strong> this is the copy from 1 March 2026.</p>',
		);
	});

	it('name the page that is not saved, as text', () => {
		const note = notSavedNote('/reports/<b>x</b>/');
		expect(note).toContain(
			'<span class="offline-note__path">/reports/&lt;b&gt;x&lt;/b&gt;/</span>',
		);
		expect(note).toContain('has not been saved on this device');
	});

	it('say, in place of the search page, that search offline needs a saved collection', () => {
		expect(searchNotSavedNote()).toContain(
			'search works without a connection over the collections saved on this device, and none is saved yet.',
		);
	});

	it('go at the start of the main content, before the page’s own heading', () => {
		const html = insertNote(PAGE, copyNote('2026-03-01T10:00:00Z'));
		expect(html).toContain('<main id="Main" tabindex="-1"><p class="offline-note"');
		expect(html.indexOf('offline-note')).toBeLessThan(html.indexOf('<h1>'));
		expect(html.indexOf('offline-note')).toBeGreaterThan(html.indexOf('skip-link'));
	});

	it('leave a page without a <main> as it is', () => {
		expect(insertNote('<p>x</p>', copyNote('2026-03-01T10:00:00Z'))).toBe('<p>x</p>');
	});
});
