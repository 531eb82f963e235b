/**
 * Copy controls on report pages, a progressive enhancement: without JavaScript (or without the
 * Clipboard API) readers select the citation text, download the files, and use each heading's
 * visible "#" link.
 *
 * - The "Cite this report" panel's copy buttons (rendered `hidden`) are shown and copy their
 *   format; APA and Chicago go to the clipboard as HTML too, so italics survive a paste into a
 *   word processor.
 * - Every heading of the report body gets "Copy link" (the section's absolute URL) and "Cite" (the
 *   report's citation pointing to the section, from the panel's template).
 * - "Print or save as PDF" opens the print dialog (the print stylesheet sets the page), and
 *   "Copy link" copies the report's permanent address; both sit in the byline, `hidden` until
 *   this runs.
 * - Each copy is confirmed on the button ("Copied") and in a polite live region.
 */
import { sectionCitation, sectionUrl } from '../lib/citation/section.ts';

const panel = document.querySelector<HTMLElement>('[data-cite]');
const status = panel?.querySelector<HTMLElement>('[data-cite-status]');
const CONFIRM_MS = 2000;

function announce(message: string): void {
	if (!status) return;
	// Clear first, so that the same message twice in a row is announced twice.
	status.textContent = '';
	window.setTimeout(() => {
		status.textContent = message;
	}, 50);
}

async function writeClipboard(text: string, html?: string): Promise<boolean> {
	try {
		if (html && typeof ClipboardItem === 'function') {
			await navigator.clipboard.write([
				new ClipboardItem({
					'text/plain': new Blob([text], { type: 'text/plain' }),
					'text/html': new Blob([html], { type: 'text/html' }),
				}),
			]);
		} else {
			await navigator.clipboard.writeText(text);
		}
		return true;
	} catch {
		return false;
	}
}

/** Copies, then shows "Copied" on the button's visible label and announces it. */
async function copyFrom(button: HTMLButtonElement, what: string, text: string, html?: string) {
	const ok = await writeClipboard(text, html);
	const label = button.querySelector<HTMLElement>('[data-label]') ?? button;
	const original = label.dataset.original ?? label.textContent ?? '';
	label.dataset.original = original;
	label.textContent = ok ? 'Copied' : 'Not copied';
	window.setTimeout(() => {
		label.textContent = original;
	}, CONFIRM_MS);
	announce(ok ? `${what} copied` : `Could not copy the ${what}: select the text and copy it`);
}

/** A small text button with a visible label and, for screen readers, what it acts on. */
function sectionButton(action: string, label: string, context: string): HTMLButtonElement {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'section-tools__button';
	button.dataset.section = action;
	const visible = document.createElement('span');
	visible.dataset.label = '';
	visible.textContent = label;
	const hidden = document.createElement('span');
	hidden.className = 'visually-hidden';
	hidden.textContent = ` ${context}`;
	button.append(visible, hidden);
	return button;
}

const tools = document.querySelector<HTMLElement>('[data-report-tools]');
if (tools) {
	const copyLink = tools.querySelector<HTMLButtonElement>('[data-copy-link]');
	if (copyLink && !navigator.clipboard) copyLink.previousElementSibling?.remove();
	if (copyLink && !navigator.clipboard) copyLink.remove();
	tools.hidden = false;
	tools.addEventListener('click', (event) => {
		const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button');
		if (!button) return;
		if (button.hasAttribute('data-print')) window.print();
		else if (button.dataset.copyLink) {
			void copyFrom(button, 'Link to the report', button.dataset.copyLink);
		}
	});
}

if (panel && navigator.clipboard) {
	const permalink = panel.dataset.permalink ?? location.href;
	const template = panel.dataset.sectionTemplate ?? '';

	for (const button of panel.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
		button.hidden = false;
	}

	for (const heading of document.querySelectorAll<HTMLElement>(
		'.prose .heading-wrapper > :is(h2, h3, h4, h5, h6)[id]',
	)) {
		const title = (heading.textContent ?? '').trim();
		const tools = document.createElement('span');
		tools.className = 'section-tools';
		tools.append(
			sectionButton('link', 'Copy link', `to section “${title}”`),
			sectionButton('cite', 'Cite', `section “${title}”`),
		);
		heading.parentElement?.append(tools);
	}

	document.addEventListener('click', (event) => {
		const button = (event.target as Element | null)?.closest<HTMLButtonElement>(
			'button[data-copy], button[data-section]',
		);
		if (!button) return;
		if (button.dataset.copy) {
			const source = document.getElementById(button.dataset.copy);
			if (!source) return;
			const text = (source.textContent ?? '').trim();
			const html = source.tagName === 'PRE' ? undefined : source.innerHTML;
			void copyFrom(button, button.dataset.copyName ?? 'Citation', text, html);
			return;
		}
		const heading = button.parentElement?.parentElement?.querySelector<HTMLElement>('[id]');
		if (!heading) return;
		const url = sectionUrl(permalink, heading.id);
		if (button.dataset.section === 'link') {
			void copyFrom(button, 'Link to the section', url);
		} else {
			const title = (heading.textContent ?? '').trim();
			void copyFrom(button, 'Citation of the section', sectionCitation(template, title, url));
		}
	});
}
