/**
 * `npm run bench`: what the archive costs at scale, measured side by side with a bare Astro site.
 *
 * For each size N it generates a corpus of N reports (scripts/lib/corpus.ts, seeded: the same N
 * gives the same files) in a temporary folder, never in content/, then:
 *   1. builds the site from it (`npm run build`'s atomic build, search index included), cold: an
 *      empty cache, `--full`; records wall and CPU time, the peak memory of the largest process,
 *      the output's size, the search index's size and file count, and the heaviest HTML page;
 *   2. edits one report's body and builds again, incrementally, with what the first build left;
 *      then corrects the same report's title (which every listing, feed and related block shows)
 *      and builds again; each with the phases the build printed;
 *   3. builds the same corpus with the baseline (bench/baseline: Astro 7 + unified + rehype-slug,
 *      a plain report page) and indexes it with `pagefind --site`;
 *   4. measures search in Chromium against the built site on 127.0.0.1: Pagefind's API cold and
 *      warm (scripts/lib/bench/search.ts), and the reader's path through the search page, cold
 *      and typed, on loopback and on a throttled network (scripts/lib/bench/reader.ts);
 *   5. splits the index in two shards by year and measures the merged search (docs/scaling.md).
 *
 *   npm run bench                          # N = 1,000
 *   npm run bench -- --n 200               # a quick run, a minute or two
 *   npm run bench -- --n 1000 --n 10000 --docs   # the figures in docs/benchmarks.md
 *   npm run bench -- --n 10000 --work /tmp/bench             # build once into /tmp/bench/10000/
 *   npm run bench -- --n 10000 --work /tmp/bench --reuse --docs   # …then measure search again
 *   npm run bench -- --n 10000 --work /tmp/bench --warm-only   # only the incremental rebuilds
 *
 * Flags: --n (repeatable), --seed, --no-baseline, --no-search, --no-shards, --no-warm (no warm
 * rebuild), --keep (leave the temporary folders, and print where), --work <dir> (build in
 * <dir>/<n>/ and keep it), --reuse (with --work: a size already built there is not built again,
 * only searched; build figures are then not measured), --warm-only (with --work: keep the last
 * build there and its corpus, and measure only the incremental rebuilds), --docs (rewrite the figures in
 * docs/benchmarks.md: the build's when there are any, the search's when there are any).
 * Results are also written to test-results/bench/results.json.
 */
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions, systemChromium } from '../tests/support/chromium.ts';
import { DEFAULT_SEED, editOneReport, editOneTitle, writeCorpus } from './lib/corpus.ts';
import { printedPhases } from './lib/build-phases.ts';
import { folderSize, hasGnuTime, measure, phases, type Measured } from './lib/bench/measure.ts';
import { benchSearch, median, QUERIES, type SearchRun } from './lib/bench/search.ts';
import { benchReaderPath } from './lib/bench/reader.ts';
import { buildShards, type Shard } from './lib/bench/shards.ts';
import { serveStatic } from './lib/bench/static-server.ts';
import { formatDocs, formatTables, type BenchResult } from './lib/bench/report.ts';

const { values } = parseArgs({
	options: {
		n: { type: 'string', multiple: true },
		seed: { type: 'string' },
		'no-baseline': { type: 'boolean', default: false },
		'no-search': { type: 'boolean', default: false },
		'no-shards': { type: 'boolean', default: false },
		'no-warm': { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
		work: { type: 'string' },
		reuse: { type: 'boolean', default: false },
		'warm-only': { type: 'boolean', default: false },
		docs: { type: 'boolean', default: false },
	},
});
const sizes = (values.n ?? ['1000'])
	.flatMap((v) => v.split(','))
	.map((v) => Number(v.replaceAll('_', '')));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
	console.error(
		`--n must be a whole number of reports, e.g. --n 200 (got ${values.n?.join(', ')})`,
	);
	process.exit(2);
}
const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
if (values['warm-only'] && !values.work) {
	console.error('--warm-only needs --work, the folder where the last build was kept');
	process.exit(2);
}
if (values.reuse && !values.work) {
	console.error('--reuse needs --work <dir>: the folder of an earlier run to search again');
	process.exit(2);
}
const ROOT = resolve(import.meta.dirname, '..');
const astroBin = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const pagefindBin = join(ROOT, 'node_modules/.bin/pagefind');
// Fixed, so that drafts and dates are judged the same in every run.
const BUILD_TIME = '2026-01-01T00:00:00Z';

const log = (message: string) => console.log(`[bench] ${message}`);
const s = (m: Measured) =>
	`${m.wall.toFixed(1)} s wall${m.cpu === undefined ? '' : `, ${m.cpu.toFixed(1)} s CPU`}`;

/** The heaviest HTML page of a build, gzipped (level 6, as hosts serve it). */
function heaviestPage(dist: string): { path: string; gzip: number; pages: number } {
	let heaviest = { path: '', gzip: 0, pages: 0 };
	let pages = 0;
	for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
		pages++;
		const file = join(entry.parentPath, entry.name);
		const gzip = gzipSync(readFileSync(file)).length;
		if (gzip > heaviest.gzip) heaviest = { path: file.slice(dist.length), gzip, pages: 0 };
	}
	return { ...heaviest, pages };
}

const OUT = join(ROOT, 'test-results/bench');

/** Keeps a build's output beside the results, to read where its time went. */
function saveLog(name: string, text: string): void {
	mkdirSync(OUT, { recursive: true });
	writeFileSync(join(OUT, name), text);
}

/** A build's figures, with the phases it printed (or, for older logs, the ones read from it). */
function figures(m: Measured) {
	return {
		wall: m.wall,
		cpu: m.cpu,
		peakRss: m.peakRss,
		phases: printedPhases(m.output) ?? phases(m.output),
	};
}

/** What a work folder was built from, so that --reuse never searches another corpus. */
interface Built {
	n: number;
	seed: number;
}

async function runSize(n: number): Promise<BenchResult> {
	const work = values.work
		? resolve(values.work, String(n))
		: mkdtempSync(join(tmpdir(), `brief-bench-${n}-`));
	mkdirSync(work, { recursive: true });
	const corpus = join(work, 'content');
	const dist = join(work, 'dist');
	const builtFile = join(work, 'built.json');
	const result: BenchResult = { n, seed };
	const built = existsSync(builtFile)
		? (JSON.parse(readFileSync(builtFile, 'utf8')) as Built)
		: undefined;
	const reuse = Boolean(values.reuse && built && existsSync(dist));
	if (values.reuse && built && (built.n !== n || built.seed !== seed)) {
		throw new Error(`${work} holds N=${built.n}, seed ${built.seed}, not N=${n}, seed ${seed}`);
	}
	try {
		if (reuse) log(`N=${n}: reusing the build in ${work}`);
		else {
			rmSync(builtFile, { force: true });
			await buildSize(n, work, corpus, dist, result);
			writeFileSync(builtFile, JSON.stringify({ n, seed } satisfies Built));
		}

		let shards: Shard[] | undefined;
		if (!values['no-shards'] && !reuse) {
			const t = performance.now();
			shards = await buildShards(dist);
			log(`N=${n}: two shards by year indexed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
		}
		if (!values['no-search']) {
			log(`N=${n}: search in Chromium…`);
			const server = await serveStatic(dist);
			const browser = await chromium.launch(chromiumLaunchOptions());
			try {
				const single: SearchRun = await benchSearch({ origin: server.url }, browser);
				result.search = single;
				log(`N=${n}: the reader’s path, loopback and throttled…`);
				result.reader = await benchReaderPath(browser, server.url);
				if (shards) {
					const merged = await benchSearch(
						{ origin: server.url, base: shards[0]!.base, merge: [shards[1]!.base] },
						browser,
					);
					result.shards = { shards, search: merged };
				}
			} finally {
				await server.close();
			}
			const baseDist = join(work, 'baseline-dist');
			if (result.baseline && existsSync(baseDist)) {
				// Pagefind alone on the same corpus (no filters: the baseline indexes none).
				const bare = await serveStatic(baseDist);
				try {
					result.baseline.search = await benchSearch(
						{ origin: bare.url, queries: QUERIES.filter((q) => !q.filters) },
						browser,
					);
				} finally {
					await bare.close();
				}
			}
			await browser.close();
			const loop = result.reader.filter((r) => r.profile === 'loopback');
			log(
				`N=${n}: search median cold ${median(result.search.cold.map((r) => r.ms)).toFixed(0)} ms, warm ${median(result.search.warm.map((r) => r.ms)).toFixed(0)} ms; reader’s path cold ${median(loop.map((r) => r.coldMs)).toFixed(0)} ms, typed ${median(loop.map((r) => r.typedMs)).toFixed(0)} ms`,
			);
		}
	} finally {
		if (values.work) log(`kept ${work}`);
		else if (values.keep) log(`kept ${work}`);
		else rmSync(work, { recursive: true, force: true });
	}
	return result;
}

/** Generates the corpus and builds it: the site cold (and warm), and the baseline. */
async function buildSize(
	n: number,
	work: string,
	corpus: string,
	dist: string,
	result: BenchResult,
): Promise<void> {
	const warmOnly = values['warm-only'] && existsSync(join(dist, 'index.html'));
	if (!warmOnly) {
		rmSync(corpus, { recursive: true, force: true });
		rmSync(join(work, 'cache'), { recursive: true, force: true });
		const t = performance.now();
		const written = writeCorpus(corpus, { n, seed });
		result.corpus = { ...written, seconds: (performance.now() - t) / 1000 };
	} else result.corpus = { ...folderSize(corpus), seconds: 0 };
	log(
		`N=${n}: corpus of ${result.corpus.files} files (${(result.corpus.bytes / 1e6).toFixed(1)} MB) in ${corpus}`,
	);

	const env = {
		...process.env,
		BRIEF_CONTENT_DIR: corpus,
		BRIEF_CACHE_DIR: join(work, 'cache'),
		BRIEF_BUILD_TIME: BUILD_TIME,
	};
	const build = (args: string[]) =>
		measure(process.execPath, ['scripts/build.ts', '--outDir', dist, ...args], {
			cwd: ROOT,
			env,
		});
	let cold: Measured | undefined;
	if (warmOnly) log(`N=${n}: reusing the build in ${dist}`);
	else {
		log(`N=${n}: cold build of the site…`);
		cold = await build(['--full']);
		log(`N=${n}: cold build ${s(cold)}`);
		saveLog(`${n}-cold.log`, cold.output);
	}
	let warm: Measured | undefined;
	let title: Measured | undefined;
	if (!values['no-warm']) {
		const edited = editOneReport(corpus, { n, seed });
		log(
			`N=${n}: incremental rebuild after editing the body of ${edited.slice(corpus.length + 1)}…`,
		);
		warm = await build([]);
		log(`N=${n}: body edit rebuilt in ${s(warm)}`);
		saveLog(`${n}-warm.log`, warm.output);
		editOneTitle(corpus, { n, seed });
		log(`N=${n}: incremental rebuild after correcting its title…`);
		title = await build([]);
		log(`N=${n}: title edit rebuilt in ${s(title)}`);
		saveLog(`${n}-warm-title.log`, title.output);
	}
	result.site = {
		cold: cold ? figures(cold) : { wall: Number.NaN },
		...(warm ? { warm: figures(warm) } : {}),
		...(title ? { warmTitle: figures(title) } : {}),
		output: folderSize(dist),
		pagefind: folderSize(join(dist, 'pagefind')),
		heaviest: heaviestPage(dist),
	};

	if (!values['no-baseline'] && !warmOnly) {
		const baseDist = join(work, 'baseline-dist');
		log(`N=${n}: baseline build (bare Astro + unified + rehype-slug, then pagefind --site)…`);
		// A cold build, like the site's: a cache left by an earlier run in the same folder would let
		// Astro skip the content sync (a 10,000-report baseline of 33 s instead of 183 s).
		const baseCache = join(work, 'baseline-cache');
		rmSync(baseCache, { recursive: true, force: true });
		rmSync(baseDist, { recursive: true, force: true });
		const baseEnv = { ...process.env, BENCH_CONTENT_DIR: corpus, BENCH_CACHE_DIR: baseCache };
		const astro = await measure(
			process.execPath,
			[astroBin, 'build', '--root', 'bench/baseline', '--outDir', baseDist],
			{ cwd: ROOT, env: baseEnv },
		);
		const index = await measure(pagefindBin, ['--site', baseDist], { cwd: ROOT });
		result.baseline = {
			astro: { wall: astro.wall, cpu: astro.cpu, peakRss: astro.peakRss },
			pagefind: { wall: index.wall, cpu: index.cpu, peakRss: index.peakRss },
			output: folderSize(baseDist),
			index: folderSize(join(baseDist, 'pagefind')),
		};
		log(`N=${n}: baseline ${s(astro)} + pagefind ${s(index)}`);
	}
}

function machine(): Record<string, string> {
	const cpu = cpus();
	let chromium = 'Playwright’s Chromium';
	const system = systemChromium();
	if (system) {
		try {
			// stderr is dropped: Debian's launcher script prints a shell error of its own (its
			// /etc/chromium.d/dev-shm check) on some machines before the version.
			chromium = execFileSync(system, ['--version'], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}).trim();
		} catch {
			chromium = system;
		}
	}
	return {
		cpu: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
		memory: `${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
		os: `${type()} ${release()}`,
		node: process.version,
		chromium,
		timer: hasGnuTime() ? 'GNU time (CPU and peak memory)' : 'wall clock only (no GNU time)',
	};
}

const results: BenchResult[] = [];
for (const n of sizes) results.push(await runSize(n));
const run = {
	date: new Date().toISOString(),
	machine: machine(),
	command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
	results,
};

console.log(`\n${formatTables(run)}`);
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(run, null, '\t')}\n`);
log(`results written to test-results/bench/results.json`);
if (values.docs) {
	const file = join(ROOT, 'docs/benchmarks.md');
	writeFileSync(file, formatDocs(readFileSync(file, 'utf8'), run));
	log('figures written to docs/benchmarks.md');
}
