/**
 * The reader's path through search on the site already built in dist/ (or --dist <folder>), as
 * `npm run bench` measures it (scripts/lib/bench/reader.ts): for each query, a fresh context opens
 * /search/?q=… until the results are on screen, then a query typed into a loaded page, on loopback
 * and, with --throttled, on Chromium's emulated slow network. Prints a table.
 *
 *   npm run build && npm run bench:search [-- --throttled] [-- --dist /tmp/bench/10000/dist] [-- "query" …]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';
import { benchReaderPath, type Profile } from './lib/bench/reader.ts';
import { QUERIES, type Query } from './lib/bench/search.ts';
import { serveStatic } from './lib/bench/static-server.ts';

const { values, positionals } = parseArgs({
	options: {
		dist: { type: 'string', default: 'dist' },
		throttled: { type: 'boolean', default: false },
	},
	allowPositionals: true,
});
const queries: readonly Query[] = positionals.length
	? positionals.map((q) => ({ label: 'query', q }))
	: QUERIES;
const profiles: Profile[] = values.throttled ? ['loopback', 'throttled'] : ['loopback'];

const server = await serveStatic(resolve(values.dist));
const browser = await chromium.launch(chromiumLaunchOptions());
try {
	const results = await benchReaderPath(browser, server.url, profiles, queries);
	const rows = [
		['profile', 'query', 'status', 'cold ms', 'KB to results', 'KB in all', 'requests', 'typed ms'],
	];
	for (const r of results) {
		rows.push([
			r.profile,
			r.q,
			r.status,
			r.coldMs.toFixed(0),
			(r.coldBytes / 1024).toFixed(1),
			(r.totalBytes / 1024).toFixed(1),
			String(r.requests),
			r.typedMs.toFixed(0),
		]);
	}
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
	for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
} finally {
	await browser.close();
	await server.close();
}
