/**
 * Measures search as a reader meets it: for each query, a fresh browser context (cold cache) opens
 * /search/?q=… on the built site and waits for the results. Prints the time from navigation to the
 * first results on screen and the bytes fetched, in total and for Pagefind's files alone.
 *
 *   npm run build && npm run bench:search [-- --port 4324] [-- "query" …]
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args[portAt + 1]) : 4324;
const queries = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--port');
if (queries.length === 0) queries.push('taliban', 'ISKP', 'Kunduz', '"military hospital"', 'zzzz');
const base = `http://127.0.0.1:${port}`;

const server = spawn(
	'npx',
	['astro', 'preview', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'],
	{ stdio: 'ignore', detached: true },
);
try {
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(base)).ok) break;
		} catch {
			if (i > 150) throw new Error('astro preview did not start');
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	const browser = await chromium.launch(chromiumLaunchOptions());
	const rows: string[][] = [
		['query', 'results', 'cold ms', 'KB fetched', 'KB pagefind', 'requests'],
	];
	for (const q of queries) {
		const context = await browser.newContext();
		const page = await context.newPage();
		let bytes = 0;
		let pagefindBytes = 0;
		let requests = 0;
		page.on('response', (response) => {
			void response
				.body()
				.then((body) => {
					requests++;
					bytes += body.length;
					if (response.url().includes('/pagefind/')) pagefindBytes += body.length;
				})
				.catch(() => undefined);
		});
		const start = performance.now();
		await page.goto(`${base}/search/?q=${encodeURIComponent(q)}`);
		await page.waitForFunction(() =>
			/report/i.test(document.querySelector('[data-search-status]')?.textContent ?? ''),
		);
		const ms = performance.now() - start;
		await page.waitForLoadState('networkidle');
		const results = await page.locator('.result').count();
		rows.push([
			q,
			String(results),
			ms.toFixed(0),
			(bytes / 1024).toFixed(1),
			(pagefindBytes / 1024).toFixed(1),
			String(requests),
		]);
		await context.close();
	}
	await browser.close();
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
	for (const row of rows) console.log(row.map((cell, c) => cell.padStart(widths[c]!)).join('  '));
	console.log(
		'Bytes are as transferred by the preview server (uncompressed; a CDN would gzip the JS).',
	);
} finally {
	if (server.pid) process.kill(-server.pid);
}
