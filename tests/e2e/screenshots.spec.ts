/**
 * Screenshots for review by eye, written to test-results/screenshots/: the home page, a report
 * and the search page with results, in light and dark, at phone and desktop width. Each shot is
 * checked to be a real picture of the loaded page (not blank), not compared with a reference.
 */
import { expect, test } from '@playwright/test';

const SHOTS = [
	{ name: 'home', path: '/' },
	{ name: 'report', path: '/reports/is-k-seeks-to-undermine-the-taliban/' },
	{ name: 'search-results', path: '/search/?q=taliban&group=is-k' },
];

for (const { name, path } of SHOTS) {
	test(`screenshots of ${name} (${path}) in light and dark`, async ({ page }) => {
		const light = new Map<string, Buffer>();
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			for (const [device, width] of [
				['phone', 390],
				['desktop', 1280],
			] as const) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(path);
				if (name === 'search-results') {
					await expect(page.locator('.result__title a').first()).toBeVisible();
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
	});
}
