/**
 * Former URLs of a report lead to it in a real browser. The fixture site (tests/fixtures/site),
 * whose renamed report lists two former URLs, is built and served by a plain static file server,
 * as a host that ignores `_redirects` would serve it: only the redirect pages can do the work.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, FIXTURE_SITE } from '../fixture-build.ts';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.xml': 'application/xml',
	'.json': 'application/json',
};

/** Serves `dir` like a static host: `/x/` is `x/index.html`, `/x` redirects to `/x/` if a folder. */
function serve(dir: string): Promise<{ server: Server; base: string }> {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
		let file = join(dir, path);
		const stat = statSync(file, { throwIfNoEntry: false });
		if (stat?.isDirectory()) {
			if (!path.endsWith('/')) {
				res.writeHead(301, { Location: `${path}/` }).end();
				return;
			}
			file = join(file, 'index.html');
		}
		try {
			const body = readFileSync(file);
			res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
			res.end(body);
		} catch {
			res.writeHead(404).end('Not found');
		}
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolve({ server, base: `http://127.0.0.1:${port}` });
		});
	});
}

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

test('a former URL leads to the report with JavaScript turned off', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`${base}/reports/old-name/`);
	await page.waitForURL(`${base}/reports/renamed-report/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await context.close();
});
