/**
 * The browser sweep: every page in the sitemap, the search page with results and filters open, a
 * report opened from a search result (highlighting), and the 404 page, each loaded once per colour scheme. On every load: no axe violations (WCAG 2.0,
 * 2.1 and 2.2, levels A and AA), no Content Security Policy violation (console errors and
 * `securitypolicyviolation` events), and not a single request to another origin (no fonts,
 * scripts, styles, images or beacons from elsewhere). In the light pass the same page is also
 * resized to 320, 768 and 1280 px: no horizontal scrolling at any width.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { isReportPage, sitemapPaths } from '../built/dist.ts';
import { horizontalScroll, violations } from './sweep.ts';

/** The search page with results for a query and a ticked filter. */
const SEARCH_WITH_RESULTS = '/search/?q=taliban&group=is-k';

/** Waits until the search page has run its search and opened its filters. */
async function searchDone(page: Page): Promise<void> {
	await expect(page.locator('[data-search-status]')).toHaveText(/\d+ reports? for/);
	await expect(page.locator('.result__title a').first()).toBeVisible();
	const filters = page.locator('[data-search-filters]');
	if ((await filters.getAttribute('open')) === null) await filters.locator('summary').click();
	await expect(page.locator('fieldset[data-facet] input:checked')).not.toHaveCount(0);
	await expect(page.locator('fieldset[data-facet]').first()).toBeVisible();
}

const pages = [
	...sitemapPaths().map((path) => ({ path, status: 200 })),
	{ path: SEARCH_WITH_RESULTS, status: 200 },
	// A report opened from a result: the header script loads Pagefind's highlighter, under the CSP.
	{
		path: `${sitemapPaths().find(isReportPage)}?highlight=taliban`,
		status: 200,
	},
	{ path: '/no-such-page-in-the-archive/', status: 404 },
];

test('the sweep covers every page in the sitemap, search with results and the 404 page', () => {
	expect(pages.length).toBeGreaterThan(30);
	console.log(`browser sweep: ${pages.length} pages (${pages.length - 3} from the sitemap)`);
});

for (const { path, status } of pages) {
	test(`${path}: axe in light and dark, no CSP violation, only its own origin, no sideways scroll`, async ({
		page,
		baseURL,
	}) => {
		// The site under test, http://127.0.0.1:4322 (playwright.config.ts).
		const origin = new URL(baseURL ?? 'http://127.0.0.1:4322').origin;
		const requests: string[] = [];
		page.on('request', (request: Request) => requests.push(request.url()));
		const csp: string[] = [];
		page.on('console', (message) => {
			if (/Content.Security.Policy/i.test(message.text())) csp.push(message.text());
		});
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) => {
				console.error(
					`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI}`,
				);
			});
		});

		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			const response = await page.goto(path);
			expect(response?.status(), `status of ${path}`).toBe(status);
			if (path === SEARCH_WITH_RESULTS) await searchDone(page);
			// The highlighter really ran (so the CSP check covers it).
			if (path.includes('?highlight=')) {
				await expect(page.locator('mark.pagefind-highlight').first()).toBeVisible();
			}
			const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
			expect(dark, 'colour scheme emulated').toBe(colorScheme === 'dark');
			expect(page.frames(), `frames in ${path}`).toHaveLength(1);
			expect
				.soft(await violations(page), `axe violations on ${path} in ${colorScheme} mode`)
				.toEqual([]);
			if (colorScheme === 'light') {
				expect.soft(await horizontalScroll(page), `sideways scrolling on ${path}`).toEqual([]);
			}
		}

		await page.waitForLoadState('networkidle');
		expect(csp, `Content Security Policy violations on ${path}`).toEqual([]);
		expect(requests.length, `requests made by ${path}`).toBeGreaterThan(0);
		const foreign = requests.filter((url) => new URL(url).origin !== origin);
		expect(foreign, `requests from ${path} to origins other than ${origin}`).toEqual([]);
	});
}
