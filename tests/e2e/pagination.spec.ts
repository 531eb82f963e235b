/**
 * Paginated listings in a real browser. The seed content is too small to paginate, so a content
 * folder with more reports than a page holds (`writeManyReports`) is built and served by a plain
 * static server. The pages that only exist at that size (later pages, the pager, a capped
 * /reports/) get the sweep's checks: axe in light and dark, no sideways scrolling at 320, 768 and
 * 1280 px. And a reader without JavaScript pages through a whole listing by its links.
 */
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, writeManyReports, type GeneratedReport } from '../support/fixture-build.ts';
import { serve } from '../support/static-server.ts';
import { horizontalScroll, violations } from './sweep.ts';

// One build and one server for the whole file.
test.describe.configure({ mode: 'serial' });

let scratch: string;
let server: Server;
let base: string;
let reports: GeneratedReport[];

test.beforeAll(async () => {
	test.setTimeout(300_000);
	scratch = mkdtempSync(join(tmpdir(), 'brief-e2e-pages-'));
	reports = writeManyReports(join(scratch, 'content'), { 2024: 30, 2023: 45, 2022: 130, 2021: 5 });
	const build = buildSite(join(scratch, 'content'), scratch);
	expect(build.status, build.output).toBe(0);
	({ server, base } = await serve(build.outDir));
});

test.afterAll(() => {
	server?.close();
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A capped front page, first, middle and last pages of listings, and a year with two pages. */
const PAGES = [
	'/reports/',
	'/reports/2022/',
	'/reports/2022/2/',
	'/groups/is-k/',
	'/groups/is-k/2/',
	'/groups/is-k/3/',
	'/regions/afghanistan/2/',
	'/authors/jane-analyst/2/',
	'/types/brief/2/',
];

for (const path of PAGES) {
	test(`${path}: axe in light and dark, no sideways scroll`, async ({ page }) => {
		// Two axe runs over a page of 100 cards: about 15 s on an idle 2-core machine, 35 s under load.
		test.setTimeout(90_000);
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			const response = await page.goto(base + path);
			expect(response?.status(), `status of ${path}`).toBe(200);
			expect(page.frames()).toHaveLength(1);
			expect
				.soft(await violations(page), `axe violations on ${path} in ${colorScheme} mode`)
				.toEqual([]);
			if (colorScheme === 'light') {
				expect.soft(await horizontalScroll(page), `sideways scrolling on ${path}`).toEqual([]);
			}
		}
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a reader pages through all of IS-K’s reports by the “Older” links, and back by “Newer”', async ({
		page,
	}) => {
		const seen: string[] = [];
		await page.goto(`${base}/groups/is-k/`);
		for (;;) {
			const pages = page.getByRole('navigation', { name: 'Pages' });
			await expect(pages.locator('[aria-current="page"]')).toHaveText(
				`Page ${1 + seen.length / 100}`,
			);
			seen.push(
				...(await page
					.locator('main li > article h3 > a, main li > article h2 > a')
					.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))),
			);
			const older = pages.getByRole('link', { name: 'Older reports' });
			if ((await older.count()) === 0) break;
			await older.click();
		}
		expect(seen).toEqual(reports.map((r) => r.url));
		await expect(page).toHaveURL(`${base}/groups/is-k/3/`);
		await page
			.getByRole('navigation', { name: 'Pages' })
			.getByRole('link', { name: 'Newer reports' })
			.click();
		await expect(page).toHaveURL(`${base}/groups/is-k/2/`);
	});

	test('the page numbers are links, named “Page N”, and the current one is marked', async ({
		page,
	}) => {
		await page.goto(`${base}/reports/2022/2/`);
		const pages = page.getByRole('navigation', { name: 'Pages' });
		await expect(pages.getByRole('link')).toHaveText(['← Newer reports', 'Page 1', 'Page 2']);
		await expect(pages.getByRole('link', { name: 'Page 2' })).toHaveAttribute(
			'aria-current',
			'page',
		);
		await pages.getByRole('link', { name: 'Page 1' }).click();
		await expect(page).toHaveURL(`${base}/reports/2022/`);
	});
});
