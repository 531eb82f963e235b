/**
 * Screenshots for review by eye, written to test-results/screenshots/: the home page, a report
 * and every state of the search page (results, the answer card, nothing found with suggestions,
 * filters as chips, and without JavaScript the index of names), in light and dark, at phone and
 * desktop width. Each shot is checked to be a real picture of the loaded page (not blank), not
 * compared with a reference.
 */
import { expect, test } from '@playwright/test';
import { SEARCH, searchSettled } from '../support/search-page.ts';

const SHOTS = [
	{ name: 'home', path: '/' },
	{ name: 'report', path: '/reports/is-k-seeks-to-undermine-the-taliban/' },
	{ name: 'search-results', path: '/search/?q=taliban&group=is-k' },
	{ name: 'search-answer', path: '/search/?q=ISKP' },
	{ name: 'search-none', path: '/search/?q=kundus&type=brief' },
	{ name: 'search-chips', path: '/search/?q=attack&group=taliban&type=analysis' },
	{ name: 'search-nojs', path: '/search/?q=taliban', js: false },
];

for (const { name, path, js = true } of SHOTS) {
	test(`screenshots of ${name} (${path}) in light and dark`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: js });
		const page = await context.newPage();
		const light = new Map<string, Buffer>();
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			for (const [device, width] of [
				['phone', 390],
				['desktop', 1280],
			] as const) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(path);
				if (js && path.startsWith('/search/')) await searchSettled(page);
				if (name === 'search-results') {
					await expect(page.locator(SEARCH.title).first()).toBeVisible();
				}
				await page.waitForLoadState('networkidle');
				const file = `test-results/screenshots/${name}-${device}-${colorScheme}.png`;
				const png = await page.screenshot({ path: file, fullPage: true });
				expect(png.length, file).toBeGreaterThan(10_000);
				// The dark shot really is another picture than the light one.
				if (colorScheme === 'light') light.set(device, png);
				else expect(png.equals(light.get(device) ?? Buffer.alloc(0)), file).toBe(false);
			}
		}
		await context.close();
	});
}

/**
 * Offline reading, for review by eye: a group's "Save for offline" control offered, saving and
 * saved; the list of saved collections on the home page; a report read offline; offline search
 * and its answer card; and the offline page in place of a page never opened. Phone and desktop, light and dark.
 */
test('screenshots of the offline controls, the saved list and the offline page', async ({
	browser,
}) => {
	test.setTimeout(120_000);
	const shots: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		for (const [device, width] of [
			['phone', 390],
			['desktop', 1280],
		] as const) {
			const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
			const page = await context.newPage();
			/** A part of the page, or (without one) the window as the reader sees it. */
			const shot = async (name: string, target?: ReturnType<typeof page.locator>) => {
				const file = `test-results/screenshots/offline-${name}-${device}-${colorScheme}.png`;
				await (target ?? page).screenshot({ path: file });
				shots.push(file);
			};
			await page.goto('/groups/is-k/');
			await page.evaluate(() => navigator.serviceWorker.ready);
			const control = page.locator('[data-offline-pack]');
			await expect(control.getByRole('button', { name: 'Save for offline' })).toBeVisible();
			await shot('save-offered', page.locator('.term__aside'));
			let release: () => void = () => undefined;
			const held = new Promise<void>((resolve) => (release = resolve));
			await context.route('**/pagefind/wasm.*.pagefind', async (route) => {
				await held;
				await route.continue();
			});
			await control.getByRole('button', { name: 'Save for offline' }).click();
			await expect(control.locator('.offline-save__progress-text')).toHaveText(/KB of/);
			await shot('save-progress', control);
			release();
			await expect(control).toContainText('Saved on this device');
			await shot('save-saved', control);
			await page.goto('/');
			await expect(page.locator('[data-offline-saved] li')).toHaveCount(1);
			await shot('home-saved-list', page.locator('.home__latest'));
			await context.setOffline(true);
			await page.goto('/reports/is-k-seeks-to-undermine-the-taliban/');
			await expect(page.locator('.offline-note')).toBeVisible();
			await page.setViewportSize({ width, height: 600 });
			await shot('report-offline');
			await page.goto('/search/?q=taliban');
			await searchSettled(page);
			await expect(page.locator(SEARCH.title).first()).toBeVisible();
			await expect(page.locator('[data-offline-search]')).toBeVisible();
			await shot('search-offline');
			// The answer card as an offline reader gets it (its count and offer: src/lib/search/answer.ts).
			await expect(page.locator(SEARCH.answer)).toBeVisible();
			await shot('search-offline-answer', page.locator(SEARCH.answer));
			await page.goto('/topics/human-rights/');
			await expect(page.locator('.offline-note')).toBeVisible();
			await page.setViewportSize({ width, height: 900 });
			await page.screenshot({
				path: `test-results/screenshots/offline-page-${device}-${colorScheme}.png`,
				fullPage: true,
			});
			await context.close();
		}
	}
	expect(shots.length).toBe(28);
});
