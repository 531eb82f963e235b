/**
 * Offline reading in Chromium, against the built site: a report opened once is read again with no
 * connection (and says it is the copy from a given day), a page never opened gives the offline
 * page, a group saved for offline is read and searched with no connection, saving can be
 * cancelled, saved collections are listed and removed, and axe finds nothing on the offline page
 * or on the save controls in any state. At no step does the browser ask another origin for
 * anything. The update to a new build, under a sub-path, is tests/e2e/offline-update.spec.ts.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { SEARCH, searchSettled } from '../support/search-page.ts';
import { content, expectedReportUrls, report, SEED_SLUGS } from './support.ts';
import { violations } from './sweep.ts';

/** Every request the context makes, to check that none leaves the site's origin. */
function recordRequests(context: BrowserContext): string[] {
	const urls: string[] = [];
	context.on('request', (r) => urls.push(r.url()));
	return urls;
}

function expectOnlyOrigin(urls: readonly string[], origin: string): void {
	expect(urls.length).toBeGreaterThan(0);
	expect(urls.filter((u) => new URL(u).origin !== origin)).toEqual([]);
}

/** Waits until the service worker controls the page. */
async function workerControls(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Whether the page at `path` is kept on the device. */
async function isKept(page: Page, path: string): Promise<boolean> {
	return page.evaluate(
		async (url) => (await caches.match(url)) !== undefined,
		new URL(path, page.url()).href,
	);
}

/** Whether the site's stylesheet applies to the page (a page without it would be unstyled). */
async function styled(page: Page): Promise<boolean> {
	return page.evaluate(
		() => getComputedStyle(document.querySelector('.site-header')!).borderBottomStyle === 'solid',
	);
}

const COPY_NOTE = /^Offline: this is the copy from \d{1,2} [A-Z][a-z]+ \d{4}\.$/;

test('a report opened once is read again offline, with its citation files; a page never opened gives the offline page', async ({
	browser,
	baseURL,
}) => {
	test.setTimeout(60_000);
	const origin = new URL(baseURL!).origin;
	const context = await browser.newContext();
	const requests = recordRequests(context);
	const page = await context.newPage();
	const [first, never] = [report(SEED_SLUGS[1]), report(SEED_SLUGS[2])];

	await page.goto(first.url);
	await workerControls(page);
	// The first page was loaded before the worker started: it keeps it as soon as it runs.
	await expect.poll(() => isKept(page, first.url)).toBe(true);
	await expect.poll(() => isKept(page, `${first.url}cite.bib`)).toBe(true);
	await expect(page.locator('.offline-note')).toHaveCount(0);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
	await expect(page.locator('.offline-note')).toHaveText(COPY_NOTE);
	expect(await styled(page)).toBe(true);
	const bib = await page.evaluate(async (url) => (await fetch(url)).text(), `${first.url}cite.bib`);
	expect(bib).toMatch(/^@\w+\{/);

	const response = await page.goto(never.url);
	expect(response?.status()).toBe(503);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reading without a connection');
	await expect(page.locator('.offline-note')).toHaveText(
		`Offline: ${never.url} has not been saved on this device, so it cannot be shown without a connection.`,
	);
	expect(await styled(page)).toBe(true);
	// The offline page lists what can be read: the report kept from the visit.
	await expect(page.locator('[data-offline-kept-list] a')).toHaveText([
		new RegExp(first.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
	]);
	expect(await violations(page)).toEqual([]);
	await page.emulateMedia({ colorScheme: 'dark' });
	expect(await violations(page)).toEqual([]);

	// Search, with nothing saved: it says what would make it work.
	await page.goto('/search/?q=taliban');
	await expect(page.locator('.offline-note')).toHaveText(
		'Offline: search works without a connection over the collections saved on this device, and none is saved yet.',
	);

	expectOnlyOrigin(requests, origin);
	await context.close();
});

/** The save control of the page at `path`, once it shows its offer. */
async function saveControl(page: Page) {
	const control = page.locator('[data-offline-pack]');
	await expect(control.getByRole('button', { name: 'Save for offline' })).toBeVisible();
	return control;
}

test('a group saved for offline is read and searched with no connection, its results limited to its reports', async ({
	browser,
	baseURL,
}) => {
	test.setTimeout(60_000);
	const origin = new URL(baseURL!).origin;
	const context = await browser.newContext();
	const requests = recordRequests(context);
	const page = await context.newPage();
	const group = content().terms.groups.find((g) => g.slug === 'al-qaeda')!;
	const saved = expectedReportUrls('groups', group.slug);
	const others = content()
		.reports.map((r) => r.url)
		.filter((u) => !saved.includes(u));
	expect(saved.length).toBeGreaterThan(0);
	expect(others.length).toBeGreaterThan(0);

	await page.goto(group.url);
	await workerControls(page);
	const control = await saveControl(page);
	// The size is shown before anything is downloaded.
	await expect(control).toContainText(
		new RegExp(
			`Save its ${saved.length} reports on this device, to read and search them without a connection: \\d+ KB to download\\.`,
		),
	);
	await control.getByRole('button', { name: 'Save for offline' }).click();
	await expect(control).toContainText('Saved on this device');
	await expect(control.locator('[data-offline-status]')).toHaveText(
		`${group.name} is saved: it can be read and searched offline.`,
	);

	await context.setOffline(true);
	for (const url of saved) {
		await page.goto(url);
		const r = content().reports.find((x) => x.url === url)!;
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(r.title);
		await expect(page.locator('.offline-note')).toHaveText(COPY_NOTE);
		expect(await styled(page)).toBe(true);
	}
	// Search: a word every report has, answered from the saved reports only.
	await page.goto('/search/?q=taliban');
	await expect(page.locator('[data-offline-search]')).toHaveText(
		`You are offline: results come only from the ${saved.length} reports saved on this device.`,
	);
	// That line stands alone: the copy's date line is not shown above it as well.
	await expect(page.locator('.offline-note')).toHaveCount(1);
	await searchSettled(page);
	await expect(page.locator(SEARCH.status)).toHaveText(/^\d+ reports? for /);
	const found = await page
		.locator(SEARCH.title)
		.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	expect(found.length).toBeGreaterThan(0);
	expect(found.every((p) => saved.includes(p))).toBe(true);
	// The answer card gives the archive's count as the archive's, and does not promise to show
	// that many: offline, only the saved reports filed under the name can show.
	const underTaliban = content().reports.filter((r) => r.groups.includes('taliban'));
	const talibanReports = underTaliban.length;
	expect(underTaliban.filter((r) => saved.includes(r.url)).length).toBeLessThan(talibanReports);
	await expect(page.locator(SEARCH.answer)).toContainText(
		`${talibanReports} reports in the archive`,
	);
	await expect(page.locator(SEARCH.answerApply)).toHaveText('Filter by this group');
	// A result opens its saved report, with the searched word marked.
	await page.locator(SEARCH.title).first().click();
	await expect(page.locator('.offline-note')).toHaveText(COPY_NOTE);
	await expect(page.locator('article.report mark').first()).toBeVisible();
	// A report that was neither saved nor opened is not there.
	expect((await page.goto(others[0]!))?.status()).toBe(503);

	expectOnlyOrigin(requests, origin);
	await context.close();
});

test('saving can be cancelled, and then nothing is kept; saved collections are listed with size and date, and removed', async ({
	browser,
	baseURL,
}) => {
	test.setTimeout(60_000);
	const origin = new URL(baseURL!).origin;
	const context = await browser.newContext();
	const requests = recordRequests(context);
	const page = await context.newPage();
	await page.goto('/types/brief/');
	await workerControls(page);
	// The search engine's WebAssembly held back, so that the save is still running when cancelled.
	let release: () => void = () => undefined;
	const held = new Promise<void>((resolve) => (release = resolve));
	await context.route('**/pagefind/wasm.*.pagefind', async (route) => {
		await held;
		await route.continue();
	});
	const control = await saveControl(page);
	await control.getByRole('button', { name: 'Save for offline' }).click();
	await expect(control.locator('progress')).toBeVisible();
	await expect(control.locator('.offline-save__progress-text')).toHaveText(
		/^Saving(…|: \d+(\.\d)? KB of \d+ KB)$/,
	);
	await control.getByRole('button', { name: 'Cancel' }).click();
	await expect(control.locator('[data-offline-status]')).toHaveText(
		'Saving cancelled: nothing was kept.',
	);
	release();
	await expect(control.getByRole('button', { name: 'Save for offline' })).toBeVisible();
	expect(
		await page.evaluate(async () =>
			(await caches.keys()).filter((n) => n.startsWith('brief:pack:')),
		),
	).toEqual([]);
	await context.unroute('**/pagefind/wasm.*.pagefind');

	// Saved, it is listed on the home page with its size and date, and removed from there.
	await control.getByRole('button', { name: 'Save for offline' }).click();
	await expect(control).toContainText('Saved on this device');
	await page.goto('/');
	const list = page.locator('[data-offline-saved]');
	await expect(list.locator('li')).toHaveCount(1);
	await expect(list.locator('li a')).toHaveText('Briefs');
	await expect(list.locator('li .offline-saved__facts')).toHaveText(
		/^\d+ reports? · \d+ KB · saved \d{1,2} [A-Z][a-z]+ \d{4}$/,
	);
	await list.getByRole('button', { name: 'Remove Briefs' }).click();
	await expect(list).toBeHidden();
	expect(
		await page.evaluate(async () =>
			(await caches.keys()).filter((n) => n.startsWith('brief:pack:')),
		),
	).toEqual([]);

	expectOnlyOrigin(requests, origin);
	await context.close();
});

test('the save controls pass axe in every state, in light and dark', async ({ browser }) => {
	// Six axe runs over the home page: about 20 s on an idle machine, more under load.
	test.setTimeout(120_000);
	const context = await browser.newContext();
	const page = await context.newPage();
	const check = async (state: string) => {
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			expect(await violations(page), `${state}, ${scheme}`).toEqual([]);
		}
	};
	await page.goto('/');
	await workerControls(page);
	const control = await saveControl(page);
	await check('offered');
	let release: () => void = () => undefined;
	const held = new Promise<void>((resolve) => (release = resolve));
	await context.route('**/pagefind/wasm.*.pagefind', async (route) => {
		await held;
		await route.continue();
	});
	await control.getByRole('button', { name: 'Save for offline' }).click();
	await expect(control.locator('progress')).toBeVisible();
	await check('saving');
	release();
	await expect(control).toContainText('Saved on this device');
	await expect(page.locator('[data-offline-saved] li')).toHaveCount(1);
	await check('saved, and listed');
	await context.close();
});
