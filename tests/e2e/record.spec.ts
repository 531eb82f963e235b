/**
 * A publication of record in a real browser, on the record fixture (tests/fixtures/record), built
 * once for this suite and the build-output test (tests/support/record-build.ts) and served by a
 * plain static server: the notices, a kept version and its citation, /corrections/ and its feed,
 * JSON-LD dateModified, search leaving out superseded text, and the print and copy-link controls.
 */
import type { Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { recordBuild } from '../support/record-build.ts';
import { SEARCH } from '../support/search-page.ts';
import { serve } from '../support/static-server.ts';
import { horizontalScroll, violations, WIDTHS } from './sweep.ts';

test.describe.configure({ mode: 'serial' });

let server: Server;
let base: string;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	const build = recordBuild();
	expect(build.status, build.output).toBe(0);
	({ server, base } = await serve(build.outDir));
});

test.afterAll(() => {
	server?.close();
});

const notice = (page: Page, kind: string) => page.locator(`.record-notice--${kind}`);

test('a corrected report says so at its top and leads to the full list of changes', async ({
	page,
}) => {
	await page.goto(`${base}/reports/corrected-report/`);
	await expect(notice(page, 'changed')).toContainText(
		'Corrected and updated. This report has 1 correction and 1 update since it was published on 1 March 2024, the latest on 2 April 2024.',
	);
	await expect(page.locator('.byline')).toContainText('Last updated 2 April 2024');
	await notice(page, 'changed').getByRole('link', { name: 'See what changed' }).click();
	await expect(page).toHaveURL(/#Changes$/);
	await expect(page.locator('#change-1')).toBeInViewport();
	await expect(page.locator('#change-1')).toContainText('It said');
	await expect(page.locator('#change-1')).toContainText('killed thirty-one people');
});

test('JSON-LD gives the date of the last change as dateModified', async ({ page }) => {
	await page.goto(`${base}/reports/corrected-report/`);
	const ld = JSON.parse(
		(await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
	) as Record<string, unknown>;
	expect(ld.datePublished).toBe('2024-03-01');
	expect(ld.dateModified).toBe('2024-04-02');
});

test('an earlier version is readable at its own address, marked superseded, and cites itself', async ({
	page,
}) => {
	await page.goto(`${base}/reports/corrected-report/`);
	await page.locator('#Versions + ol').getByRole('link', { name: 'Version 1' }).click();
	await expect(page).toHaveURL(`${base}/reports/corrected-report/v1/`);
	await expect(notice(page, 'superseded')).toContainText(
		'Superseded version. This is version 1 of 3, kept as it was. It was corrected on 5 March 2024',
	);
	await expect(page.locator('.prose')).toContainText('killed thirty-one people');
	await expect(page.locator('#Cite-apa')).toHaveText(
		'Analyst, J. (2024). Kunduz after the spring offensive (Brief No. 12; Version 1, Northern Afghanistan Briefs, Vol. 2, Issue 4). Brief Archive. https://record.test.example/reports/corrected-report/v1/',
	);
	await page.locator('.cite__summary').click();
	await expect(page.locator('#Cite-chicago-note')).toContainText(
		'Jane Analyst, “Kunduz after the Spring Offensive,” Brief 12, version 1, Northern Afghanistan Briefs, vol. 2, no. 4',
	);
	await expect(page.locator('#Cite-chicago-note')).toContainText('/reports/corrected-report/v1/.');
	// What the next version changed: the correction that replaced this version, in its words.
	const next = page.locator('section.record', { has: page.locator('#Changes') });
	await expect(page.locator('#Changes')).toHaveText('What the next version changed');
	await expect(next.locator('.record__change .record__meta')).toHaveText([
		'Correction, 5 March 2024',
	]);
	await expect(next.locator('.record__change .record__correction dd')).toHaveText([
		'The attack on the district centre killed thirty-one people.',
		'The attack on the district centre killed 23 people, according to the provincial hospital.',
	]);
	await notice(page, 'superseded').getByRole('link', { name: 'Read the current version' }).click();
	await expect(page).toHaveURL(`${base}/reports/corrected-report/`);
});

test('the report that replaced another names it under “Replaces”, linked', async ({ page }) => {
	await page.goto(`${base}/reports/corrected-report/`);
	const replaces = page.locator('.record__subtitle', { hasText: 'Replaces' });
	await expect(replaces).toBeVisible();
	const listed = replaces.locator('xpath=following-sibling::ul[1]/li');
	await expect(listed).toHaveCount(1);
	await expect(listed).toContainText('Kunduz before the Spring Offensive');
	await listed.getByRole('link', { name: 'Kunduz before the Spring Offensive' }).click();
	await expect(page).toHaveURL(`${base}/reports/superseded-report/`);
});

test('a superseded report links to its replacement; a withdrawn one says why', async ({ page }) => {
	await page.goto(`${base}/reports/superseded-report/`);
	await notice(page, 'superseded')
		.getByRole('link', { name: 'Kunduz after the Spring Offensive' })
		.click();
	await expect(page).toHaveURL(`${base}/reports/corrected-report/`);
	await page.goto(`${base}/reports/withdrawn-report/`);
	await expect(notice(page, 'withdrawn')).toContainText(
		'Withdrawn on 1 February 2024. Its main source, a casualty list, was found to have been fabricated.',
	);
});

test('/corrections/ lists every change, newest first, each leading to its place in the report', async ({
	page,
}) => {
	await page.goto(`${base}/corrections/`);
	await expect(page.locator('.change-log__meta')).toHaveText([
		/Update\s*2 April 2024/,
		/Correction\s*5 March 2024/,
		/Withdrawal\s*1 February 2024/,
	]);
	// Each entry says what changed in the report's own words: a correction what it said and says
	// now, an update its note, a withdrawal its reason.
	const correction = page.locator('.change-log__item--correction');
	await expect(correction.locator('.change-log__title')).toHaveText(
		'Kunduz after the Spring Offensive',
	);
	await expect(correction.locator('.record__correction dt')).toHaveText(['It said', 'It now says']);
	await expect(correction.locator('.record__correction dd')).toHaveText([
		'The attack on the district centre killed thirty-one people.',
		'The attack on the district centre killed 23 people, according to the provincial hospital.',
	]);
	await expect(page.locator('.change-log__item--update .change-log__text')).toHaveText(
		'Adds a section on the districts retaken in March.',
	);
	await expect(page.locator('.change-log__item--withdrawal .change-log__title')).toHaveText(
		'An Assessment of Checkpoint Attacks',
	);
	await expect(page.locator('.change-log__item--withdrawal .change-log__text')).toHaveText(
		'Its main source, a casualty list, was found to have been fabricated.',
	);
	await correction.locator('.change-log__title a').click();
	await expect(page).toHaveURL(`${base}/reports/corrected-report/#change-1`);
	await expect(page.locator('#change-1')).toBeInViewport();
	const feed = await page.request.get(`${base}/corrections/feed.xml`);
	expect(feed.status()).toBe(200);
	const xml = await feed.text();
	expect(xml).toContain('<title>Correction: Kunduz after the Spring Offensive</title>');
	expect(xml).toContain(
		'<link>https://record.test.example/reports/corrected-report/#change-1</link>',
	);
});

test('search finds the current text, never a superseded version, and marks superseded reports', async ({
	page,
}) => {
	await page.goto(`${base}/search/?q=thirty-one`);
	await expect(page.locator(SEARCH.status)).toHaveText(/No reports/);
	await page.goto(`${base}/search/?q=Kunduz`);
	await expect(page.locator(SEARCH.status)).toHaveText(/reports?/);
	const links = await page
		.locator(SEARCH.title)
		.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	expect(links.length).toBeGreaterThan(0);
	expect(links.some((l) => /\/v\d+\/$/.test(l))).toBe(false);
	const superseded = page.locator(SEARCH.card, {
		has: page.locator('a[href^="/reports/superseded-report/"]'),
	});
	await expect(superseded.locator('.state-badge')).toHaveText('Superseded');
});

test('“Print or save as PDF” opens the print dialog and “Copy link” copies the permanent address', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.addInitScript(() => {
		(window as unknown as { printed: number }).printed = 0;
		window.print = () => {
			(window as unknown as { printed: number }).printed++;
		};
	});
	await page.goto(`${base}/reports/corrected-report/`);
	await page.getByRole('button', { name: 'Print or save as PDF' }).click();
	expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
	await page.getByRole('button', { name: 'Copy link to this report' }).click();
	// The button says so, then turns back into itself.
	await expect(page.locator('[data-copy-link]')).toContainText('Copied');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
		'https://record.test.example/reports/corrected-report/',
	);
});

test('without JavaScript the controls that need it are not shown, and the notices are', async ({
	browser,
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`${base}/reports/corrected-report/`);
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(notice(page, 'changed')).toBeVisible();
	await context.close();
});

test('on paper, the notices print and the controls do not', async ({ page }) => {
	await page.goto(`${base}/reports/withdrawn-report/`);
	await page.emulateMedia({ media: 'print' });
	await expect(notice(page, 'withdrawn')).toBeVisible();
	await expect(page.locator('[data-report-tools]')).toBeHidden();
});

/** The pages only the record fixture has: notices, a version, /corrections/, a profile. */
const RECORD_PAGES = [
	'/reports/corrected-report/',
	'/reports/corrected-report/v1/',
	'/reports/superseded-report/',
	'/reports/withdrawn-report/',
	'/reports/old-report/',
	'/corrections/',
	'/authors/jane-analyst/',
];

for (const path of RECORD_PAGES) {
	test(`${path}: axe in light and dark, no sideways scroll`, async ({ page }) => {
		test.setTimeout(90_000);
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await page.goto(base + path);
			expect.soft(await violations(page), `axe on ${path} in ${colorScheme}`).toEqual([]);
		}
		for (const width of WIDTHS) {
			await page.setViewportSize({ width, height: 800 });
			await page.goto(base + path);
			expect.soft(await horizontalScroll(page), `sideways scroll at ${width} px`).toEqual([]);
		}
	});
}
