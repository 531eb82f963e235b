/**
 * The browser sweep: every page in the sitemap, a report opened from a search result
 * (highlighting), and the 404 page, each loaded once per colour scheme; and the search page with
 * results and a filter on, loaded at 320, 768 and 1280 px in both schemes with its filters open,
 * and with no results (suggestions). On every load: no axe violations (WCAG 2.0, 2.1 and 2.2,
 * levels A and AA), no Content Security Policy violation (console errors and
 * `securitypolicyviolation` events), and not a single request to another origin (no fonts,
 * scripts, styles, images or beacons from elsewhere). In the light pass every page is also
 * resized to 320, 768 and 1280 px: no horizontal scrolling at any width.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { isReportPage, sitemapPaths } from '../built/dist.ts';
import { horizontalScroll, violations, WIDTHS } from './sweep.ts';
import { SEARCH, searchSettled } from '../support/search-page.ts';

/** The search page with results, an answer card and a filter on (its chip shown). */
const SEARCH_WITH_RESULTS = '/search/?q=taliban&group=is-k';
/** The search page when nothing is found: suggestions, a filter to remove, the browse pages. */
const SEARCH_WITHOUT_RESULTS = '/search/?q=kundus&type=brief';

/** Waits until the search page has shown its results, then opens its filters. */
async function searchDone(page: Page): Promise<void> {
	await searchSettled(page);
	const filters = page.locator(SEARCH.filters);
	if ((await filters.getAttribute('open')) === null) await filters.locator('summary').click();
	await expect(page.locator('fieldset[data-facet] input:checked')).not.toHaveCount(0);
	await expect(page.locator('fieldset[data-facet]').first()).toBeVisible();
}

const pages = [
	...sitemapPaths().map((path) => ({ path, status: 200 })),
	{ path: SEARCH_WITHOUT_RESULTS, status: 200 },
	// A report opened from a result: the header script loads Pagefind's highlighter, under the CSP.
	{
		path: `${sitemapPaths().find(isReportPage)}?highlight=taliban`,
		status: 200,
	},
	{ path: '/no-such-page-in-the-archive/', status: 404 },
];

test('the sweep covers every page in the sitemap, search with and without results and the 404 page', () => {
	expect(pages.length).toBeGreaterThan(30);
	console.log(`browser sweep: ${pages.length + 1} pages (${pages.length - 3} from the sitemap)`);
});

/** A sweep's checks of one load: CSP violations and foreign requests, collected from the start. */
async function watch(page: Page) {
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
	return { requests, csp };
}

test(`${SEARCH_WITH_RESULTS}: loaded at ${WIDTHS.join(', ')} px in light and dark with its filters open: axe, no CSP violation, only its own origin, no sideways scroll`, async ({
	page,
	baseURL,
}) => {
	// Six loads, each with axe: more than one page's worth of time.
	test.setTimeout(120_000);
	const origin = new URL(baseURL ?? 'http://127.0.0.1:4322').origin;
	const { requests, csp } = await watch(page);
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		for (const width of WIDTHS) {
			// Loaded at each width, as a reader on that screen opens it (the filters start folded
			// on a narrow one), then opened.
			await page.setViewportSize({ width, height: 800 });
			expect((await page.goto(SEARCH_WITH_RESULTS))?.status()).toBe(200);
			await searchDone(page);
			await expect(page.locator(SEARCH.chips)).toHaveCount(1);
			await expect(page.locator(SEARCH.answer)).toBeVisible();
			const where = `${SEARCH_WITH_RESULTS} at ${width} px in ${colorScheme} mode`;
			expect.soft(await violations(page), `axe violations on ${where}`).toEqual([]);
			const [scrollWidth, clientWidth] = await page.evaluate(() => {
				const root = document.scrollingElement ?? document.documentElement;
				return [root.scrollWidth, root.clientWidth];
			});
			expect.soft(scrollWidth - clientWidth, `sideways scrolling on ${where}`).toBe(0);
		}
	}
	await page.waitForLoadState('networkidle');
	expect(csp, `Content Security Policy violations on ${SEARCH_WITH_RESULTS}`).toEqual([]);
	const foreign = requests.filter((url) => new URL(url).origin !== origin);
	expect(foreign, `requests from ${SEARCH_WITH_RESULTS} to other origins`).toEqual([]);
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
			if (path === SEARCH_WITHOUT_RESULTS) {
				await searchDone(page);
				await expect(page.locator(SEARCH.emptyNames).first()).toBeVisible();
			}
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
