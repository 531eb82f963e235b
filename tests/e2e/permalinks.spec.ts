/**
 * Former URLs of a report lead to it in a real browser. The fixture site (tests/fixtures/site),
 * whose renamed report lists two former URLs, is built and served by a plain static file server,
 * as a host that ignores `_redirects` would serve it: only the redirect pages can do the work.
 */
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, FIXTURE_SITE } from '../support/fixture-build.ts';
import { serve } from '../support/static-server.ts';

// One build and one server for the whole file.
test.describe.configure({ mode: 'serial' });

let scratch: string;
let server: Server;
let base: string;

test.beforeAll(async () => {
	test.setTimeout(240_000);
	scratch = mkdtempSync(join(tmpdir(), 'brief-e2e-permalinks-'));
	const build = buildSite(FIXTURE_SITE, scratch);
	expect(build.status, build.output).toBe(0);
	({ server, base } = await serve(build.outDir));
});

test.afterAll(() => {
	server?.close();
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const TITLE = 'A renamed report: IS-K & the "Taliban" </script>';

for (const alias of ['/reports/old-name/', '/reports/old-name', '/2022/05/old-name.html']) {
	test(`following the former URL ${alias} lands on the report`, async ({ page }) => {
		await page.goto(base + alias);
		await page.waitForURL(`${base}/reports/renamed-report/`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	});
}

for (const address of ['/?p=41', '/?p=41&utm_source=newsletter', '/blog/?p=41']) {
	test(`following the former query address ${address} lands on the report`, async ({ page }) => {
		await page.goto(base + address);
		await page.waitForURL(`${base}/reports/renamed-report/`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	});
}

test('a query address that names no report leaves the reader on the home page', async ({
	page,
}) => {
	await page.goto(`${base}/?p=999`);
	await page.waitForLoadState('networkidle');
	expect(new URL(page.url()).pathname).toBe('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a former URL leads to the report with JavaScript turned off', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`${base}/reports/old-name/`);
	await page.waitForURL(`${base}/reports/renamed-report/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await context.close();
});
