/**
 * The "Save for offline" controls and the list of what is saved on this device. Loaded only on
 * the pages that have them (listings, the home page, the offline page); without JavaScript, or in
 * a browser that cannot keep pages, they stay hidden and nothing is stored.
 *
 * The size a control shows comes from the page itself (the build writes it into
 * `data-offline-summary`), so it is known before anything is downloaded.
 */
import type { PackSummary } from '../lib/offline/manifest.ts';
import { formatCopyDate } from '../lib/offline/notes.ts';
import { countLabel } from '../lib/view/count.ts';
import { formatBytes } from '../lib/view/format.ts';
import { withBase, type PackId } from '../lib/routes.ts';
import {
	ChangedWhileSaving,
	keptPages,
	offlineSupported,
	removeEverything,
	removePack,
	savedPack,
	savedPacks,
	savePack,
	storageUsed,
	type SavedPack,
} from './offline-packs.ts';

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');
/** " · Brief Archive", which every page title ends with, left out of the list of kept pages. */
const SITE_NAME = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content;
const SITE_SUFFIX = SITE_NAME ? ` · ${SITE_NAME}` : '\u0000';

function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className?: string,
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	node.append(...children);
	return node;
}

function button(text: string, quiet = true, ...extra: (Node | string)[]): HTMLButtonElement {
	const b = el('button', quiet ? 'button button--quiet' : 'button', text, ...extra);
	b.type = 'button';
	return b;
}

/** Tells assistive technology what just happened, in the control's live region. */
function announce(section: HTMLElement, text: string): void {
	const status = section.querySelector('[data-offline-status]');
	if (status) status.textContent = text;
}

/** Every other control and list on the page, told that what is saved has changed. */
const CHANGED = 'brief-offline-changed';
const changed = () => document.dispatchEvent(new CustomEvent(CHANGED));

/** What the control says before anything is saved. */
function offer(summary: PackSummary): string {
	const what =
		summary.id === 'all'
			? `the whole archive (${countLabel(summary.reports, 'report')} and every listing) on this device, to read and search it`
			: summary.reports === 1
				? 'its report on this device, to read and search it'
				: `its ${countLabel(summary.reports, 'report')} on this device, to read and search them`;
	return `Save ${what} without a connection: ${formatBytes(summary.bytes)} to download.`;
}

/** One "Save for offline" control. */
function saveControl(section: HTMLElement, summary: PackSummary): void {
	const body = section.querySelector<HTMLElement>('[data-offline-body]')!;
	let controller: AbortController | undefined;

	const render = async (error?: string) => {
		const saved = await savedPack(summary.id);
		if (controller) return;
		const children: Node[] = [];
		if (error) {
			children.push(el('p', 'offline-save__text offline-save__text--error', error));
			const retry = button('Try again', false);
			retry.addEventListener('click', () => void save());
			children.push(el('p', 'offline-save__actions', retry));
		} else if (saved) {
			const stale = saved.manifest.edition !== summary.edition;
			children.push(
				el(
					'p',
					'offline-save__text',
					el('strong', undefined, 'Saved on this device'),
					` on ${formatCopyDate(saved.savedAt)} (${formatBytes(saved.manifest.bytes)}): ${saved.manifest.reports === 1 ? 'its report' : 'its reports'} can be read and searched offline.`,
					...(stale ? [' Some of it has changed since: update to save the current version.'] : []),
				),
			);
			const actions = el('p', 'offline-save__actions');
			if (stale) {
				const update = button('Update', false);
				update.addEventListener('click', () => void save());
				actions.append(update);
			}
			const remove = button(
				'Remove',
				true,
				el('span', 'visually-hidden', ` ${summary.title} from this device`),
			);
			remove.addEventListener('click', () => {
				void removePack(summary.id).then(() => {
					announce(section, `${summary.title} removed from this device.`);
					changed();
				});
			});
			actions.append(remove);
			children.push(actions);
		} else {
			children.push(el('p', 'offline-save__text', offer(summary)));
			const saveButton = button('Save for offline', false);
			saveButton.addEventListener('click', () => void save());
			children.push(el('p', 'offline-save__actions', saveButton));
		}
		body.replaceChildren(...children);
	};

	const save = async () => {
		const mine = new AbortController();
		controller = mine;
		const progress = el('progress', 'offline-save__bar');
		progress.max = summary.bytes;
		progress.value = 0;
		progress.id = `${section.id}-progress`;
		const label = el('label', 'offline-save__progress-text', 'Saving…');
		label.htmlFor = progress.id;
		const cancel = button('Cancel');
		cancel.addEventListener('click', () => mine.abort());
		body.replaceChildren(
			el('div', 'offline-save__progress', label, progress),
			el('p', 'offline-save__actions', cancel),
		);
		announce(section, `Saving ${summary.title} for offline.`);
		try {
			await savePack(summary.id, {
				signal: mine.signal,
				onProgress: (p) => {
					progress.max = p.total;
					progress.value = p.done;
					label.textContent = `Saving: ${formatBytes(p.done)} of ${formatBytes(p.total)}`;
				},
			});
			controller = undefined;
			announce(section, `${summary.title} is saved: it can be read and searched offline.`);
			await render();
			changed();
		} catch (error) {
			const cancelled = mine.signal.aborted;
			controller = undefined;
			if (cancelled) {
				announce(section, 'Saving cancelled: nothing was kept.');
				await render();
			} else {
				const why =
					error instanceof ChangedWhileSaving
						? 'the archive was updated while saving'
						: navigator.onLine
							? 'a file could not be downloaded'
							: 'the connection was lost';
				announce(section, `Saving stopped: ${why}. Nothing was kept.`);
				await render(`Saving stopped: ${why}. Nothing was kept.`);
			}
		}
	};

	document.addEventListener(CHANGED, () => void render());
	void render();
}

/** The list of collections saved on this device, each with its size, date and a Remove button. */
function savedList(section: HTMLElement): void {
	const list = section.querySelector<HTMLElement>('[data-offline-list]')!;
	const empty = section.querySelector<HTMLElement>('[data-offline-empty]');
	const alwaysShown = section.hasAttribute('data-offline-always');
	const render = async () => {
		const saved = await savedPacks();
		list.replaceChildren(...saved.map((s) => savedItem(section, s)));
		if (empty) empty.hidden = saved.length > 0;
		section.hidden = saved.length === 0 && !alwaysShown;
	};
	document.addEventListener(CHANGED, () => void render());
	void render();
}

function savedItem(section: HTMLElement, saved: SavedPack): HTMLLIElement {
	const { manifest } = saved;
	const link = el('a', undefined, manifest.title);
	link.href = withBase(manifest.path, BASE);
	const remove = button('Remove', true, el('span', 'visually-hidden', ` ${manifest.title}`));
	remove.addEventListener('click', () => {
		void removePack(manifest.id).then(() => {
			announce(section, `${manifest.title} removed from this device.`);
			changed();
		});
	});
	return el(
		'li',
		'offline-saved__item',
		el(
			'span',
			'offline-saved__what',
			link,
			el(
				'span',
				'offline-saved__facts meta',
				`${countLabel(manifest.reports, 'report')} · ${formatBytes(manifest.bytes)} · saved ${formatCopyDate(saved.savedAt)}`,
			),
		),
		remove,
	);
}

/** The offline page: the pages kept from visits, the space used, and "remove everything". */
function keptSection(section: HTMLElement): void {
	const list = section.querySelector<HTMLElement>('[data-offline-kept-list]')!;
	const empty = section.querySelector<HTMLElement>('[data-offline-kept-empty]');
	const usage = section.querySelector<HTMLElement>('[data-offline-usage]');
	const render = async () => {
		const pages = await keptPages();
		list.replaceChildren(
			...pages.map((p) => {
				const title = p.title.endsWith(SITE_SUFFIX)
					? p.title.slice(0, -SITE_SUFFIX.length)
					: p.title;
				const a = el('a', undefined, title);
				a.href = p.url;
				return el('li', undefined, a, ' ', el('span', 'meta', `kept ${formatCopyDate(p.savedAt)}`));
			}),
		);
		if (empty) empty.hidden = pages.length > 0;
		const used = await storageUsed();
		if (usage) {
			usage.textContent =
				used === undefined ? '' : `This site keeps ${formatBytes(used)} on this device.`;
		}
	};
	const clear = section.querySelector<HTMLButtonElement>('[data-offline-clear]');
	clear?.addEventListener('click', () => {
		if (!window.confirm('Remove every page and collection this site keeps on this device?')) return;
		void removeEverything().then(() => {
			announce(section, 'Everything this site kept on this device has been removed.');
			changed();
		});
	});
	document.addEventListener(CHANGED, () => void render());
	section.hidden = false;
	void render();
}

function start(): void {
	if (!offlineSupported()) return;
	for (const section of document.querySelectorAll<HTMLElement>('[data-offline-pack]')) {
		let summary: PackSummary;
		try {
			summary = JSON.parse(section.dataset.offlineSummary ?? '') as PackSummary;
		} catch {
			// `astro dev`: the sizes exist only in a built site.
			continue;
		}
		if (summary.id !== (section.dataset.offlinePack as PackId)) continue;
		section.hidden = false;
		saveControl(section, summary);
	}
	for (const section of document.querySelectorAll<HTMLElement>('[data-offline-saved]'))
		savedList(section);
	for (const section of document.querySelectorAll<HTMLElement>('[data-offline-kept]'))
		keptSection(section);
	for (const note of document.querySelectorAll<HTMLElement>('[data-offline-js]'))
		note.hidden = false;
}

start();
