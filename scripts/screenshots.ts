/**
 * Screenshots of built pages for review by eye: phone and desktop width, light and dark.
 *
 *   npm run build && npm run screenshots -- /reports/some-slug/ / [--full] [--outDir dist-dev]
 *
 * Serves dist/ with `astro preview` on 127.0.0.1:4323 and writes PNGs to test-results/screenshots/.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';

const port = Number(process.env.SCREENSHOT_PORT ?? 4323);
const base = `http://127.0.0.1:${port}`;
const args = process.argv.slice(2);
/** `--outDir dist-dev` serves another build than dist/. */
const outDirAt = args.indexOf('--outDir');
// Page paths start with a slash; an absolute --outDir folder does too, but is not a page.
const paths = args.filter((a, i) => a.startsWith('/') && (outDirAt < 0 || i !== outDirAt + 1));
const outDirArgs = outDirAt >= 0 ? ['--outDir', args[outDirAt + 1] ?? 'dist'] : [];
if (paths.length === 0) paths.push('/', '/reports/', '/groups/is-k/');
const outDir = 'test-results/screenshots';

const server = spawn(
	'npx',
	[
		'astro',
		'preview',
		'--port',
		String(port),
		'--host',
		'127.0.0.1',
		'--ignore-lock',
		...outDirArgs,
	],
	{
		stdio: 'ignore',
		detached: true,
	},
);
try {
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(base)).ok) break;
		} catch {
			if (i > 100) throw new Error('astro preview did not start');
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	await mkdir(outDir, { recursive: true });
	const browser = await chromium.launch(chromiumLaunchOptions());
	for (const scheme of ['light', 'dark'] as const) {
		for (const [name, width] of [
			['phone', 390],
			['desktop', 1280],
		] as const) {
			const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
			for (const path of paths) {
				await page.goto(base + path, { waitUntil: 'networkidle' });
				const file = `${outDir}/${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${name}-${scheme}.png`;
				await page.screenshot({ path: file, fullPage: process.argv.includes('--full') });
				console.log(file);
			}
			await page.close();
		}
	}
	await browser.close();
} finally {
	if (server.pid) process.kill(-server.pid);
}
