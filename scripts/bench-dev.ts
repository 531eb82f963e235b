/**
 * `npm run bench:dev`: how long an author waits in `npm run dev`, from saving a report to seeing
 * it refreshed in the browser, on a content folder of any size (the benchmark corpus of
 * `npm run bench -- --work DIR` is the one to use: DIR/<N>/content, with its cache DIR/<N>/cache).
 *
 *   npm run bench:dev -- --content /tmp/bench/10000/content --cache /tmp/bench/10000/cache
 *
 * It starts `astro dev` on 127.0.0.1, opens one report in Chromium, then appends a sentence to
 * the report's file (three times) and times each save until the open page shows the sentence;
 * the dev server reloads the page by itself. Also printed: how long the server took to start and
 * to serve the report the first time. The report file is put back as it was at the end.
 *
 * Flags: --content (required), --cache (default: a new folder, so a cold start), --port (4361),
 * --report (a slug; default: the last report file), --rounds (3).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';

const { values } = parseArgs({
	options: {
		content: { type: 'string' },
		cache: { type: 'string' },
		port: { type: 'string', default: '4361' },
		report: { type: 'string' },
		rounds: { type: 'string', default: '3' },
	},
});
if (!values.content) {
	console.error('--content is required: the content folder to serve (e.g. DIR/10000/content)');
	process.exit(2);
}
const ROOT = resolve(import.meta.dirname, '..');
const content = resolve(values.content);
const cache = values.cache ? resolve(values.cache) : mkdtempSync(join(tmpdir(), 'brief-dev-'));
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const reports = readdirSync(join(content, 'reports'))
	.filter((f) => f.endsWith('.md'))
	.sort();
const slug = values.report ?? reports.at(-1)!.replace(/\.md$/, '');
const file = join(content, 'reports', `${slug}.md`);
const original = readFileSync(file, 'utf8');
const log = (message: string) => console.log(`[bench:dev] ${message}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const started = performance.now();
const server = spawn(
	process.execPath,
	[
		join(ROOT, 'node_modules/astro/bin/astro.mjs'),
		'dev',
		'--port',
		String(port),
		'--host',
		'127.0.0.1',
	],
	{
		cwd: ROOT,
		env: { ...process.env, BRIEF_CONTENT_DIR: content, BRIEF_CACHE_DIR: cache },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	},
);
let output = '';
server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

async function until(what: string, test: () => Promise<boolean>, ms = 1_800_000): Promise<void> {
	for (const start = performance.now(); !(await test());) {
		if (performance.now() - start > ms) throw new Error(`${what}: not within ${seconds(ms)}`);
		if (server.exitCode !== null) throw new Error(`astro dev stopped:\n${output.slice(-3000)}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

const browser = await chromium.launch(chromiumLaunchOptions());
try {
	await until('astro dev to answer', async () => {
		try {
			return (await fetch(`${base}/`)).ok;
		} catch {
			return false;
		}
	});
	log(`astro dev answered after ${seconds(performance.now() - started)}`);
	const page = await browser.newPage();
	let t = performance.now();
	await page.goto(`${base}/reports/${slug}/`, { timeout: 600_000 });
	log(`/reports/${slug}/ served the first time in ${seconds(performance.now() - t)}`);
	const times: number[] = [];
	for (let round = 1; round <= Number(values.rounds); round++) {
		const marker = `zqdevmarker${round}${Date.now() % 100000}`;
		t = performance.now();
		writeFileSync(file, `${readFileSync(file, 'utf8')}\nAn edit saved in the editor: ${marker}.\n`);
		await until(`the page to show edit ${round}`, async () => {
			try {
				return (await page.content()).includes(marker);
			} catch {
				// The page is reloading.
				return false;
			}
		});
		times.push(performance.now() - t);
		log(`edit ${round}: saved → refreshed page in ${seconds(times.at(-1)!)}`);
	}
	const sorted = [...times].sort((a, b) => a - b);
	log(
		`${reports.length.toLocaleString('en-GB')} reports: save → refreshed page, median ${seconds(sorted[Math.floor(sorted.length / 2)]!)} (${times.map(seconds).join(', ')})`,
	);
} finally {
	writeFileSync(file, original);
	await browser.close();
	if (server.pid) process.kill(-server.pid, 'SIGTERM');
	if (!values.cache) rmSync(cache, { recursive: true, force: true });
}
