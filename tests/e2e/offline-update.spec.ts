/**
 * A second origin under a sub-path, and publishing a new build under a reader with pages saved.
 *
 * The fixture site (tests/fixtures/site) is built twice for an onion mirror served under
 * `/briefs/` whose canonical site is https://briefs.test.example: once as published, once with a
 * report corrected. The first build is checked file by file: no absolute link to the clear-web
 * origin but the declared canonical, and every link under the sub-path. Then both builds are
 * served in turn at http://127.0.0.1:<port>/briefs/ by a plain static server: the worker runs in
 * that scope, a saved collection and the pages read from the first build keep working, and once
 * the second is published the reader gets the corrected report, online and offline, a page left
 * open under the first build keeps working, and the saved collection says it has changed and
 * updates. No request ever goes to another origin.
 */
import type { Server } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { INDEX_TAG_ATTR } from '../../src/lib/search/dom.ts';
import { buildSite, FIXTURE_SITE, listFiles } from '../support/fixture-build.ts';
import { SEARCH, searchSettled } from '../support/search-page.ts';
import { serve } from '../support/static-server.ts';

test.describe.configure({ mode: 'serial' });

const ONION = `http://${'b'.repeat(50)}234567.onion`;
const CANONICAL = 'https://briefs.test.example';
const PREFIX = '/briefs';
const REPORT = '/briefs/reports/desk-report/';
const CORRECTED = 'A desk report, corrected';

let scratch: string;
let server: Server;
let base: string;
let published: string;
const dists: { v1: string; v2: string } = { v1: '', v2: '' };

function buildFor(name: string, content: string, time: string): string {
	const build = buildSite(content, join(scratch, name), {
		BRIEF_SITE_URL: `${ONION}${PREFIX}/`,
		BRIEF_CANONICAL_URL: CANONICAL,
		BRIEF_BUILD_TIME: time,
	});
	expect(build.status, build.output).toBe(0);
	return build.outDir;
}

test.beforeAll(async () => {
	test.setTimeout(300_000);
	scratch = mkdtempSync(join(tmpdir(), 'brief-e2e-offline-update-'));
	dists.v1 = buildFor('v1', FIXTURE_SITE, '2026-06-01T00:00:00Z');
	const edited = join(scratch, 'content-v2');
	cpSync(FIXTURE_SITE, edited, { recursive: true });
	const file = join(edited, 'reports/desk-report.md');
	writeFileSync(
		file,
		readFileSync(file, 'utf8')
			.replace('title: A desk report', `title: ${CORRECTED}`)
			.replace('Body text.', 'Body text, corrected.'),
	);
	dists.v2 = buildFor('v2', edited, '2026-06-02T00:00:00Z');
	published = dists.v1;
	({ server, base } = await serve(() => published, { prefix: PREFIX }));
});

test.afterAll(() => {
	server?.close();
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const TEXT = /\.(html|xml|json|txt|js|css|bib|ris|svg)$|_headers$|_redirects$/;

test('the mirror’s build links to the clear-web origin only in its canonical links, and to itself under its sub-path', () => {
	const dist = dists.v1;
	const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
	let canonicals = 0;
	for (const file of listFiles(dist).filter((f) => TEXT.test(f))) {
		let text = readFileSync(join(dist, file), 'utf8');
		if (file.endsWith('.html')) {
			const before = text.length;
			text = text.replace(
				/<link rel="canonical" href="https:\/\/briefs\.test\.example\/[^"]*">/g,
				'',
			);
			if (text.length < before) canonicals++;
		}
		expect(text.includes('briefs.test.example'), `${file} links to the clear-web origin`).toBe(
			false,
		);
	}
	// Every page has its canonical (the 404 page and the redirect pages excepted).
	const content = pages.filter(
		(f) =>
			f !== '404.html' && !readFileSync(join(dist, f), 'utf8').includes('http-equiv="refresh"'),
	);
	expect(canonicals).toBe(content.length);
	const report = readFileSync(join(dist, 'reports/desk-report/index.html'), 'utf8');
	expect(report).toContain(`<link rel="canonical" href="${CANONICAL}/reports/desk-report/">`);
	expect(report).toContain(
		`<meta property="og:url" content="${ONION}${PREFIX}/reports/desk-report/">`,
	);
	// Every link on the site is under /briefs/.
	for (const file of pages) {
		const html = readFileSync(join(dist, file), 'utf8');
		for (const m of html.matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)) {
			expect(m[1], `${file}: ${m[0]}`).toMatch(/^\/briefs\//);
		}
	}
	const feed = readFileSync(join(dist, 'feed.xml'), 'utf8');
	expect(feed).toContain(`<link>${ONION}${PREFIX}/reports/desk-report/</link>`);
	expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toContain(
		`<loc>${ONION}${PREFIX}/reports/desk-report/</loc>`,
	);
});

/** The version in a build's worker. */
const versionOf = (dist: string) =>
	/"version":"([0-9a-f]+)"/.exec(readFileSync(join(dist, 'sw.js'), 'utf8'))![1]!;

/** The search index's tag in a build's search page. */
const tagOf = (dist: string) =>
	new RegExp(`<${SEARCH.element}[^>]* ${INDEX_TAG_ATTR}="([^"]+)"`).exec(
		readFileSync(join(dist, 'search/index.html'), 'utf8'),
	)![1]!;

async function workerControls(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

const styled = (page: Page) =>
	page.evaluate(
		() => getComputedStyle(document.querySelector('.site-header')!).borderBottomStyle === 'solid',
	);

test('under a sub-path, a reader’s saved collection and pages survive a new build, which replaces them safely', async ({
	browser,
}) => {
	test.setTimeout(120_000);
	const context = await browser.newContext();
	const requests: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	const errors: string[] = [];
	const page = await context.newPage();
	page.on('pageerror', (e) => errors.push(e.message));

	// Build 1: a report read, the worker in the /briefs/ scope, the Taliban collection saved.
	await page.goto(base + REPORT);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('A desk report');
	await workerControls(page);
	expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(
		`${base}${PREFIX}/`,
	);
	await page.goto(`${base}${PREFIX}/groups/taliban/`);
	const control = page.locator('[data-offline-pack="groups/taliban"]');
	await control.getByRole('button', { name: 'Save for offline' }).click();
	await expect(control).toContainText('Saved on this device');
	expect(await cacheNames(page)).toContain(`brief:site:20260601T000000Z:${versionOf(dists.v1)}`);
	// A second tab left open on build 1's search page.
	const open = await context.newPage();
	open.on('pageerror', (e) => errors.push(e.message));
	await open.goto(`${base}${PREFIX}/search/?q=report`);
	await searchSettled(open);
	await expect(open.locator(SEARCH.title).first()).toBeVisible();

	// Build 2 is published.
	published = dists.v2;
	await page.goto(base + REPORT);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CORRECTED);
	await expect(page.locator('.offline-note')).toHaveCount(0);
	expect(await styled(page)).toBe(true);
	// Its worker takes over; build 1's site cache stays while its pages may be open.
	const v2 = `brief:site:20260602T000000Z:${versionOf(dists.v2)}`;
	await expect.poll(() => cacheNames(page)).toContain(v2);
	expect(await cacheNames(page)).toContain(`brief:site:20260601T000000Z:${versionOf(dists.v1)}`);

	// The tab left open on build 1's search page moves to build 2 (whose index it can load), with
	// its search as it was, and searches on.
	const tagInOpenTab = () =>
		open
			.evaluate(([element, attr]) => document.querySelector(element)?.getAttribute(attr), [
				SEARCH.element,
				INDEX_TAG_ATTR,
			] as const)
			// The reload may be under way.
			.catch(() => undefined);
	await expect.poll(tagInOpenTab).toBe(tagOf(dists.v2));
	await expect(open.locator('input[name="q"]')).toHaveValue('report');
	await open.locator('input[name="q"]').fill('corrected');
	await expect(open.locator(SEARCH.title)).toHaveText([CORRECTED]);

	// The saved collection has changed: the reader is told, and updates it.
	await page.goto(`${base}${PREFIX}/groups/taliban/`);
	await expect(control).toContainText('Some of it has changed since');
	await control.getByRole('button', { name: 'Update' }).click();
	await expect(control).toContainText('Saved on this device');
	await expect(control).not.toContainText('changed since');
	expect((await cacheNames(page)).filter((n) => n.startsWith('brief:pack:'))).toEqual([
		expect.stringMatching(/^brief:pack:groups\/taliban:20260602T000000Z:/),
	]);

	// Offline: the corrected report and the collection's other report, from build 2.
	await context.setOffline(true);
	for (const [path, title] of [
		[REPORT, CORRECTED],
		[`${PREFIX}/reports/unsigned-report/`, undefined],
	] as const) {
		await page.goto(base + path);
		if (title) await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.locator('.offline-note')).toHaveText(/^Offline: this is the copy from /);
		expect(await styled(page)).toBe(true);
	}
	await page.goto(`${base}${PREFIX}/search/?q=corrected`);
	await searchSettled(page);
	await expect(page.locator(SEARCH.title)).toHaveText([CORRECTED]);

	expect(errors).toEqual([]);
	expect(requests.filter((u) => new URL(u).origin !== base)).toEqual([]);
	await context.close();
});
