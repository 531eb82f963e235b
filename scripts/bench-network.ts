/**
 * `npm run bench:network`: the home page, a report, a term page and a search, loaded cold in
 * Chromium on the "2G" and "Slow 4G" profiles (scripts/lib/bench/network.ts), from a server on
 * 127.0.0.1. Prints, for each, the time to first contentful paint, to readable text and to the
 * first search results, with bytes and requests (medians of the runs), and whether the targets
 * hold: on 2G, a report's text readable within 2.5 s of the request, and the first search results
 * within 6 s, cold.
 *
 *   npm run build && npm run bench:network
 *   npm run bench:network -- --dist path/to/dist --runs 5 --query security
 *   npm run bench -- --n 1000 --keep && npm run bench:network -- --dist <kept>/dist --query security
 *
 * The pages are chosen from the build: the report and the group page with the most HTML. Results
 * are also written to test-results/bench/network.json; `--docs` writes the table into
 * docs/benchmarks.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';
import { serveStatic } from './lib/bench/static-server.ts';
import { benchNetwork, PROFILES, Throttle, type PageToLoad } from './lib/bench/network.ts';
import { formatNetwork, networkTargets } from './lib/bench/network-report.ts';

const { values } = parseArgs({
	options: {
		dist: { type: 'string', default: 'dist' },
		runs: { type: 'string', default: '3' },
		query: { type: 'string', default: 'taliban' },
		docs: { type: 'boolean', default: false },
	},
});
const ROOT = resolve(import.meta.dirname, '..');
const dist = resolve(values.dist);
if (!existsSync(join(dist, 'index.html'))) {
	console.error(`${dist} has no built site: run npm run build first, or pass --dist`);
	process.exit(2);
}
const runs = Number(values.runs);

/** Of the pages `/<section>/<slug>/`, the one whose HTML is heaviest, gzipped. */
function heaviest(section: string, skip: RegExp = /^$/): string {
	let best = { path: '', bytes: -1 };
	const dir = join(dist, section);
	for (const slug of readdirSync(dir)) {
		const file = join(dir, slug, 'index.html');
		if (skip.test(slug) || !existsSync(file) || !statSync(file).isFile()) continue;
		const bytes = gzipSync(readFileSync(file)).length;
		if (bytes > best.bytes) best = { path: `/${section}/${slug}/`, bytes };
	}
	if (!best.path) throw new Error(`no page under /${section}/`);
	return best.path;
}

const pages: PageToLoad[] = [
	{ label: 'home', path: '/' },
	{ label: 'report', path: heaviest('reports', /^\d+$/) },
	{ label: 'term page', path: heaviest('groups') },
	{ label: 'search', path: `/search/?q=${encodeURIComponent(values.query)}`, search: true },
];

/** A free port on 127.0.0.1, for the browser's debugging connection. */
async function freePort(): Promise<number> {
	return new Promise((resolvePort) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const address = s.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			s.close(() => resolvePort(port));
		});
	});
}

const log = (line: string) => console.log(`[bench:network] ${line}`);
const server = await serveStatic(dist);
const port = await freePort();
const launch = chromiumLaunchOptions();
const browser = await chromium.launch({
	...launch,
	args: [...(launch.args ?? []), `--remote-debugging-port=${port}`],
});
let results;
try {
	const throttle = await Throttle.connect(port, server.url);
	try {
		log(`${dist}, ${runs} cold loads of each page on each profile`);
		results = await benchNetwork(browser, throttle, server.url, pages, runs, log);
	} finally {
		throttle.close();
	}
} finally {
	await browser.close();
	await server.close();
}

const run = {
	date: new Date().toISOString(),
	dist,
	runs,
	profiles: PROFILES,
	results: results.map((r) => ({
		profile: r.profile,
		page: r.page,
		median: r.median,
		runs: r.runs,
	})),
};
/** The service worker's install, after the first page: its script, then what it keeps (gzipped). */
const gz = (file: string) => gzipSync(readFileSync(join(dist, file))).length;
const core = (
	JSON.parse(/__BRIEF_SW__=(\{.*?\});/.exec(readFileSync(join(dist, 'sw.js'), 'utf8'))![1]!) as {
		core: string[];
	}
).core.map((p) => (p.endsWith('/') ? `${p.slice(1)}index.html` : p.slice(1)));
const install = `The service worker, once the first page has loaded: /sw.js ${(gz('sw.js') / 1024).toFixed(1)} KB, then at most ${(core.reduce((n, f) => n + gz(f), 0) / 1024).toFixed(1)} KB for the offline page and the site's styles and scripts, less what the browser already has.`;
const table = `${formatNetwork(run)}\n\n${install}`;
console.log(`\n${table}\n`);
for (const t of networkTargets(run))
	console.log(`${t.holds ? '✅ holds' : '❌ misses'}: ${t.text}`);
const out = join(ROOT, 'test-results/bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'network.json'), `${JSON.stringify(run, null, '\t')}\n`);
log('results written to test-results/bench/network.json');
if (values.docs) {
	const file = join(ROOT, 'docs/benchmarks.md');
	const start = '<!-- network:start -->';
	const end = '<!-- network:end -->';
	const docs = readFileSync(file, 'utf8');
	if (!docs.includes(start) || !docs.includes(end))
		throw new Error(`${file} has no ${start} … ${end}`);
	const targets = networkTargets(run)
		.map((t) => `- ${t.holds ? '✅ holds' : '❌ misses'}: ${t.text}`)
		.join('\n');
	writeFileSync(
		file,
		docs.replace(
			new RegExp(`${start}[\\s\\S]*?${end}`),
			`${start}\n${table}\n\n${targets}\n${end}`,
		),
	);
	log('figures written to docs/benchmarks.md');
}
