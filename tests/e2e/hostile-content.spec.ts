/**
 * Every page of the hostile fixture's build (tests/support/hostile-build.ts: the attacks of
 * tests/fixtures/hostile, built with the content checks off) opened in Chromium with its Content
 * Security Policy taken out, so that only the body sanitizer stands between the attacks and the
 * reader: no dialog may open, and the page may make no request but for the site's own files
 * (nothing to another origin, nothing the build did not write).
 */
import type { Server } from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { hostileBuild } from '../support/hostile-build.ts';
import { serve } from '../support/static-server.ts';

test.describe.configure({ mode: 'serial' });

let server: Server;
let base: string;
let outDir: string;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	const build = hostileBuild();
	expect(build.status, build.output).toBe(0);
	outDir = build.outDir;
	({ server, base } = await serve(outDir));
});

test.afterAll(() => {
	server?.close();
});

/** Every hostile page: the reports (but the year listing) and the group's profile. */
const PAGES = (() => {
	const dir = join(import.meta.dirname, '../fixtures/hostile');
	return ['reports', 'groups'].flatMap((kind) =>
		readdirSync(join(dir, kind))
			.filter((name) => !name.startsWith('allowed-'))
			.map((name) => `/${kind}/${name.replace(/\.mdx?$/, '')}/`),
	);
})();

/** Whether the build wrote the file a path asks for (`/x/` is `x/index.html`). */
function built(path: string): boolean {
	const file = join(outDir, decodeURIComponent(path));
	if (!existsSync(file)) return false;
	return !statSync(file).isDirectory() || existsSync(join(file, 'index.html'));
}

const CSP_META = /<meta http-equiv="content-security-policy"[^>]*>/i;

test('the hostile fixture has a page for every attack', () => {
	expect(PAGES.length).toBe(32);
	for (const page of PAGES) expect(built(page), page).toBe(true);
});

test('the harness sees an attack the sanitizer did not remove (a control: an onerror added to the page)', async ({
	browser,
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const dialogs: string[] = [];
	const stray: string[] = [];
	page.on('dialog', async (dialog) => {
		dialogs.push(dialog.message());
		await dialog.dismiss();
	});
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (!built(url.pathname)) stray.push(`${request.resourceType()} ${url.pathname}`);
	});
	await context.route('**/*', async (route) => {
		if (route.request().resourceType() !== 'document') return route.continue();
		const response = await route.fetch();
		const html = (await response.text())
			.replace(CSP_META, '')
			.replace('</main>', '<img src="/none.png" onerror="alert(\'control\')"></main>');
		return route.fulfill({ response, body: html });
	});
	await page.goto(`${base}/reports/noembed-split/`, { waitUntil: 'load' });
	await expect.poll(() => dialogs).toEqual(['control']);
	expect(stray).toEqual(['image /none.png']);
	await context.close();
});

for (const path of PAGES) {
	test(`${path} with its Content Security Policy removed opens no dialog and requests nothing but the site’s own files`, async ({
		browser,
	}) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const dialogs: string[] = [];
		const stray: string[] = [];
		let policiesRemoved = 0;
		page.on('dialog', async (dialog) => {
			dialogs.push(`${dialog.type()}: ${dialog.message()}`);
			await dialog.dismiss();
		});
		page.on('request', (request) => {
			const url = new URL(request.url());
			if (url.origin !== base || !built(url.pathname))
				stray.push(`${request.resourceType()} ${url.origin === base ? url.pathname : url.href}`);
		});
		// Only the page itself is rewritten; everything else goes to the server untouched, and a
		// request to another origin is stopped (and recorded above).
		await context.route('**/*', async (route) => {
			const request = route.request();
			if (new URL(request.url()).origin !== base) return route.abort();
			if (request.resourceType() !== 'document') return route.continue();
			const response = await route.fetch();
			const html = await response.text();
			if (CSP_META.test(html)) policiesRemoved++;
			return route.fulfill({ response, body: html.replace(CSP_META, '') });
		});
		await page.goto(base + path, { waitUntil: 'load' });
		// Handlers such as onerror and ontoggle fire just after load; give them the time.
		await page.waitForTimeout(300);
		expect(policiesRemoved, 'the policy was taken out').toBeGreaterThan(0);
		expect(await page.locator('meta[http-equiv="content-security-policy" i]').count()).toBe(0);
		expect(new URL(page.url()).pathname, 'the page stayed where it was').toBe(path);
		expect(dialogs).toEqual([]);
		expect(stray).toEqual([]);
		await context.close();
	});
}
