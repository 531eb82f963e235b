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
