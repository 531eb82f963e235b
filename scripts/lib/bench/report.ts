/**
 * The benchmark's results as tables (printed, and written between markers into
 * docs/benchmarks.md), and the targets of the scale, search and incremental-build issues checked
 * against them.
 */
import type { QueryResult, SearchRun } from './search.ts';
import { median } from './search.ts';
import type { Profile, ReaderResult } from './reader.ts';
import type { Shard } from './shards.ts';

export interface BuildFigures {
	wall: number;
	cpu?: number | undefined;
	peakRss?: number | undefined;
	phases?: Record<string, number>;
}

export interface BenchResult {
	n: number;
	seed: number;
	/** Absent when the run searched an earlier run's build (`--reuse`). */
	corpus?: { files: number; bytes: number; seconds: number };
	site?: {
		/** `wall` is NaN when the run reused an earlier build (`--warm-only`). */
		cold: BuildFigures;
		/** The incremental rebuild after one report's body was edited; absent with --no-warm. */
		warm?: BuildFigures;
		/** The incremental rebuild after the same report's title was corrected. */
		warmTitle?: BuildFigures;
		output: { files: number; bytes: number };
		pagefind: { files: number; bytes: number };
		heaviest: { path: string; gzip: number; pages: number };
	};
	baseline?: {
		astro: BuildFigures;
		pagefind: BuildFigures;
		output: { files: number; bytes: number };
		index: { files: number; bytes: number };
		/** The same queries (but the facet filter) against the baseline's bare Pagefind index. */
		search?: SearchRun;
	};
	search?: SearchRun;
	/** The reader's path through the search page (./reader.ts). */
	reader?: ReaderResult[];
	shards?: { shards: Shard[]; search: SearchRun };
}

export interface BenchRun {
	date: string;
	machine: Record<string, string>;
	command: string;
	results: BenchResult[];
}

/** The targets of the scale issue, the search issue and the incremental-build issue. */
export const TARGETS = {
	baselineRatio: 1.5,
	perReportGrowth: 1.2,
	peakBytes: 4 * 2 ** 30,
	/** Rebuild after one body edit, at 10,000 reports (seconds); and the goal worth reaching for. */
	bodyEdit: 60,
	bodyEditGoal: 15,
	/** Rebuild after one title edit, at 10,000 reports. */
	titleEdit: 120,
	/** Rebuild after one body edit at 1,000 reports. */
	bodyEditAt1000: 8,
	warmSearchMs: 150,
	coldSearchMs: 500,
	coldSearchBytes: 300 * 1024,
	pageGzipBytes: 100 * 1024,
	/** The reader's path (the search issue): medians over the query set, loopback. */
	readerColdMs: 1000,
	readerTypedMs: 150,
	/** …and the worst query, cold. */
	readerWorstMs: 2000,
	readerWorstBytes: 400 * 1024,
} as const;

const sec = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const gib = (bytes: number | undefined) =>
	bytes === undefined ? 'n/a' : `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const int = (x: number) => x.toLocaleString('en-GB');

function table(header: string[], rows: string[][]): string {
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	const rule = header.map((_, i) => (i === 0 ? '---' : '---:'));
	return [line(header), line(rule), ...rows.map(line)].join('\n');
}

function baselineTotal(b: NonNullable<BenchResult['baseline']>): BuildFigures {
	const cpu =
		b.astro.cpu !== undefined && b.pagefind.cpu !== undefined
			? b.astro.cpu + b.pagefind.cpu
			: undefined;
	const peak =
		b.astro.peakRss !== undefined && b.pagefind.peakRss !== undefined
			? Math.max(b.astro.peakRss, b.pagefind.peakRss)
			: undefined;
	return { wall: b.astro.wall + b.pagefind.wall, cpu, peakRss: peak };
}

/** A pass or a miss, with the figures that decide it. */
export interface Verdict {
	target: string;
	holds: boolean;
	figures: string;
}

/** Checks the targets that the run's sizes can decide. */
export function verdicts(results: readonly BenchResult[]): Verdict[] {
	const out: Verdict[] = [];
	const built = results.filter((r) => r.site);
	const largestOf = (rs: readonly BenchResult[]) => rs.reduce((a, b) => (b.n > a.n ? b : a));
	const hasCold = (r: BenchResult) => r.site !== undefined && Number.isFinite(r.site.cold.wall);
	if (built.length) {
		const largest = largestOf(built);
		const smallest = built.reduce((a, b) => (b.n < a.n ? b : a));
		const site = largest.site!;
		if (largest.baseline && hasCold(largest)) {
			const base = baselineTotal(largest.baseline);
			const ratio = site.cold.wall / base.wall;
			out.push({
				target: `cold build within ${TARGETS.baselineRatio}× the baseline (N = ${int(largest.n)})`,
				holds: ratio <= TARGETS.baselineRatio,
				figures: `${sec(site.cold.wall)} s vs ${sec(base.wall)} s: ${ratio.toFixed(2)}×`,
			});
		}
		if (largest !== smallest && hasCold(largest) && hasCold(smallest)) {
			const per = (r: BenchResult) => r.site!.cold.wall / r.n;
			const growth = per(largest) / per(smallest);
			out.push({
				target: `build time per report at N = ${int(largest.n)} within ${TARGETS.perReportGrowth}× that at N = ${int(smallest.n)}`,
				holds: growth <= TARGETS.perReportGrowth,
				figures: `${(per(largest) * 1000).toFixed(1)} ms vs ${(per(smallest) * 1000).toFixed(1)} ms: ${growth.toFixed(2)}×`,
			});
		}
		// The incremental targets are set at 10,000 reports (and one at 1,000): a smaller run decides
		// none of the first.
		if (largest.n >= 10_000 && site.warm) {
			const body = site.warm.wall;
			out.push({
				target: `rebuild after one body edit within ${TARGETS.bodyEdit} s at N = ${int(largest.n)} (the goal: ${TARGETS.bodyEditGoal} s)`,
				holds: body <= TARGETS.bodyEdit,
				figures: `${sec(body)} s${body <= TARGETS.bodyEditGoal ? ', the goal reached' : ''}`,
			});
			if (site.warmTitle) {
				out.push({
					target: `rebuild after one title edit within ${TARGETS.titleEdit} s at N = ${int(largest.n)}`,
					holds: site.warmTitle.wall <= TARGETS.titleEdit,
					figures: `${sec(site.warmTitle.wall)} s`,
				});
			}
		}
		const thousand = built.find((r) => r.n === 1000)?.site?.warm;
		if (thousand) {
			out.push({
				target: `rebuild after one body edit within ${TARGETS.bodyEditAt1000} s at N = 1,000`,
				holds: thousand.wall <= TARGETS.bodyEditAt1000,
				figures: `${sec(thousand.wall)} s${thousand.cpu === undefined ? '' : ` (${sec(thousand.cpu)} s CPU)`}`,
			});
		}
		if (hasCold(largest)) {
			const peak = site.cold.peakRss;
			out.push({
				target: `peak memory of any process of the cold build under ${gib(TARGETS.peakBytes)}`,
				holds: peak !== undefined && peak < TARGETS.peakBytes,
				figures: gib(peak),
			});
		}
		out.push({
			target: 'no HTML page over 100 KB gzipped',
			holds: site.heaviest.gzip <= TARGETS.pageGzipBytes,
			figures: `heaviest ${kb(site.heaviest.gzip)} KB (${site.heaviest.path})`,
		});
	}
	const searched = results.filter((r) => r.search);
	if (searched.length) {
		const search = largestOf(searched).search!;
		const warm = median(search.warm.map((r) => r.ms));
		const cold = median(search.cold.map((r) => r.ms));
		const bytes = Math.max(...search.cold.map((r) => r.bytes));
		out.push(
			{
				target: `Pagefind's API: first results warm under ${TARGETS.warmSearchMs} ms (median)`,
				holds: warm < TARGETS.warmSearchMs,
				figures: `${warm.toFixed(0)} ms`,
			},
			{
				target: `Pagefind's API: first results cold under ${TARGETS.coldSearchMs} ms (median)`,
				holds: cold < TARGETS.coldSearchMs,
				figures: `${cold.toFixed(0)} ms`,
			},
			{
				target: `Pagefind's API: under 300 KB fetched for a cold query (largest of the set)`,
				holds: bytes < TARGETS.coldSearchBytes,
				figures: `${kb(bytes)} KB`,
			},
		);
	}
	const read = results.filter((r) => r.reader?.some((x) => x.profile === 'loopback'));
	if (read.length) {
		const largest = largestOf(read);
		const loop = largest.reader!.filter((r) => r.profile === 'loopback');
		const at = `N = ${int(largest.n)}, loopback`;
		const coldMedian = median(loop.map((r) => r.coldMs));
		const typedMedian = median(loop.map((r) => r.typedMs));
		const worstMs = loop.reduce((a, b) => (b.coldMs > a.coldMs ? b : a));
		const worstKb = loop.reduce((a, b) => (b.totalBytes > a.totalBytes ? b : a));
		out.push(
			{
				target: `reader's path: cold page to results under ${TARGETS.readerColdMs} ms (median, ${at})`,
				holds: coldMedian < TARGETS.readerColdMs,
				figures: `${coldMedian.toFixed(0)} ms`,
			},
			{
				target: `reader's path: a typed query to its results under ${TARGETS.readerTypedMs} ms (median, ${at})`,
				holds: typedMedian < TARGETS.readerTypedMs,
				figures: `${typedMedian.toFixed(0)} ms`,
			},
			{
				target: `reader's path: worst query cold under ${TARGETS.readerWorstMs} ms (${at})`,
				holds: worstMs.coldMs < TARGETS.readerWorstMs,
				figures: `${worstMs.coldMs.toFixed(0)} ms (${worstMs.label})`,
			},
			{
				target: `reader's path: worst query cold under ${kb(TARGETS.readerWorstBytes)} KB, everything the page fetched (${at})`,
				holds: worstKb.totalBytes < TARGETS.readerWorstBytes,
				figures: `${kb(worstKb.totalBytes)} KB (${worstKb.label}; ${kb(worstKb.coldBytes)} KB to its results)`,
			},
		);
	}
	return out;
}

/** The reader's path as a table: each query cold and typed, on loopback and throttled. */
function readerTable(results: readonly ReaderResult[]): string {
	const of = (profile: Profile) => results.filter((r) => r.profile === profile);
	const loop = of('loopback');
	const slow = of('throttled');
	const count = (status: string) =>
		/^([\d,]+|No) report/.exec(status)?.[1]?.replace('No', '0') ?? '?';
	const rows = loop.map((r, i) => {
		const t = slow[i];
		return [
			`${r.label}: \`${r.q}\``,
			count(r.status),
			r.coldMs.toFixed(0),
			kb(r.coldBytes),
			kb(r.totalBytes),
			String(r.requests),
			r.typedMs.toFixed(0),
			t ? t.coldMs.toFixed(0) : '',
			t ? t.typedMs.toFixed(0) : '',
		];
	});
	const med = (xs: ReaderResult[], key: 'coldMs' | 'typedMs') =>
		xs.length ? median(xs.map((r) => r[key])).toFixed(0) : '';
	rows.push([
		'**median**',
		'',
		med(loop, 'coldMs'),
		'',
		'',
		'',
		med(loop, 'typedMs'),
		med(slow, 'coldMs'),
		med(slow, 'typedMs'),
	]);
	return table(
		[
			'query',
			'results',
			'cold ms',
			'KB to results',
			'KB in all',
			'requests',
			'typed ms',
			'throttled: cold ms',
			'typed ms',
		],
		rows,
	);
}

function searchTable(run: SearchRun, shards?: SearchRun, bare?: SearchRun): string {
	const header = ['query', 'results', 'cold ms', 'warm ms', 'cold KB', 'requests'];
	if (bare) header.push('bare Pagefind: cold ms', 'warm ms', 'cold KB');
	if (shards) header.push('2 shards: cold ms', 'cold KB', 'results', 'same top 10');
	const rows = run.cold.map((cold, i) => {
		const warm = run.warm[i]!;
		const row = [
			`${cold.label}: \`${cold.q}\``,
			int(cold.results),
			cold.ms.toFixed(0),
			warm.ms.toFixed(0),
			kb(cold.bytes),
			String(cold.requests),
		];
		if (bare) {
			const j = bare.cold.findIndex((b) => b.label === cold.label);
			row.push(
				j < 0 ? '–' : bare.cold[j]!.ms.toFixed(0),
				j < 0 ? '–' : bare.warm[j]!.ms.toFixed(0),
				j < 0 ? '–' : kb(bare.cold[j]!.bytes),
			);
		}
		if (shards) {
			const merged = shards.cold[i]!;
			row.push(
				merged.ms.toFixed(0),
				kb(merged.bytes),
				int(merged.results),
				`${overlap(cold, merged)}/${Math.min(10, cold.top.length)}`,
			);
		}
		return row;
	});
	const med = (xs: QueryResult[] | undefined) =>
		xs && xs.length ? median(xs.map((r) => r.ms)).toFixed(0) : '';
	const summary = ['**median**', '', med(run.cold), med(run.warm), '', ''];
	if (bare) summary.push(med(bare.cold), med(bare.warm), '');
	if (shards) summary.push(med(shards.cold), '', '', '');
	return table(header, [...rows, summary]);
}

/** How many of the single index's first ten results the merged shards also put in their first ten. */
function overlap(a: QueryResult, b: QueryResult): number {
	const set = new Set(b.top);
	return a.top.filter((u) => set.has(u)).length;
}

/** One phase of a build, in seconds, or `missing` when the build did not log it. */
function phase(build: BuildFigures, name: string, missing: string): string {
	const seconds = build.phases?.[name];
	return seconds === undefined ? missing : `${sec(seconds)} s`;
}

/** The build's tables, for the results that built (none when every size was reused). */
function buildTables(results: readonly BenchResult[]): string[] {
	const built = results.filter((r) => r.site);
	if (!built.length) return [];
	const parts: string[] = [];
	const build = built.map((r) => {
		const site = r.site!;
		const base = r.baseline ? baselineTotal(r.baseline) : undefined;
		const cold = Number.isFinite(site.cold.wall);
		const rebuild = (b: BuildFigures | undefined) =>
			b ? `${sec(b.wall)} s (${b.cpu === undefined ? 'n/a' : sec(b.cpu)} s CPU)` : '';
		return [
			int(r.n),
			cold ? rebuild(site.cold) : 'reused',
			cold ? `${((site.cold.wall / r.n) * 1000).toFixed(1)} ms` : '',
			base ? `${sec(base.wall)} s (${base.cpu === undefined ? 'n/a' : sec(base.cpu)} s CPU)` : '',
			base && cold ? `${(site.cold.wall / base.wall).toFixed(2)}×` : '',
			rebuild(site.warm),
			rebuild(site.warmTitle),
			`${cold ? gib(site.cold.peakRss) : 'n/a'}${base ? ` / ${gib(base.peakRss)}` : ''}`,
		];
	});
	parts.push(
		'### Build',
		table(
			[
				'reports',
				'site, cold',
				'per report',
				'baseline',
				'ratio',
				'body edit, incremental',
				'title edit, incremental',
				'peak memory (site / baseline)',
			],
			build,
		),
	);
	const out = built.map((r) => [
		int(r.n),
		`${int(r.site!.output.files)} files, ${mb(r.site!.output.bytes)} MB`,
		`${int(r.site!.heaviest.pages)}`,
		`${kb(r.site!.heaviest.gzip)} KB \`${r.site!.heaviest.path}\``,
		`${int(r.site!.pagefind.files)} files, ${mb(r.site!.pagefind.bytes)} MB`,
		r.baseline ? `${int(r.baseline.index.files)} files, ${mb(r.baseline.index.bytes)} MB` : '',
	]);
	parts.push(
		'### Output',
		table(
			[
				'reports',
				'site output',
				'HTML pages',
				'heaviest HTML page (gzip)',
				'search index',
				'baseline index',
			],
			out,
		),
	);
	const builds = built.flatMap((r) =>
		(
			[
				['cold', r.site!.cold],
				['body edit', r.site!.warm],
				['title edit', r.site!.warmTitle],
			] as const
		)
			.filter(([, b]) => b?.phases && Number.isFinite(b.wall))
			.map(([label, b]) => ({ n: r.n, label, build: b! })),
	);
	const phaseNames = [...new Set(builds.flatMap((b) => Object.keys(b.build.phases ?? {})))].filter(
		(p) => p !== 'rendered' && p !== 'kept',
	);
	if (phaseNames.length) {
		parts.push(
			'### Where each build’s time goes (as the build prints it)',
			table(
				['reports', 'build', 'routes rendered / kept', ...phaseNames],
				builds.map((b) => [
					int(b.n),
					b.label,
					b.build.phases?.rendered === undefined
						? ''
						: `${int(b.build.phases.rendered)} / ${int(b.build.phases.kept ?? 0)}`,
					...phaseNames.map((p) => phase(b.build, p, '–')),
				]),
			),
		);
	}
	return parts;
}

/** The search tables: the reader's path, and Pagefind's API (with the baseline and the shards). */
function searchTables(results: readonly BenchResult[]): string[] {
	const parts: string[] = [];
	for (const r of results) {
		if (r.reader?.length) {
			parts.push(`### The reader’s path, N = ${int(r.n)}`, readerTable(r.reader));
		}
	}
	for (const r of results) {
		if (!r.search) continue;
		parts.push(
			`### Pagefind’s API, N = ${int(r.n)}`,
			searchTable(r.search, r.shards?.search, r.baseline?.search),
		);
		if (r.shards) {
			parts.push(
				r.shards.shards
					.map(
						(s) =>
							`Shard \`${s.base}\`: ${s.years}, ${int(s.reports)} reports, ${int(s.files)} files, ${mb(s.bytes)} MB, indexed in ${sec(s.seconds)} s.`,
					)
					.join(' '),
			);
		}
	}
	return parts;
}

function targets(results: readonly BenchResult[], which: (v: Verdict) => boolean): string[] {
	const list = verdicts(results).filter(which);
	if (!list.length) return [];
	return [
		'### Targets',
		list
			.map((v) => `- ${v.holds ? '✅ holds' : '❌ misses'}: ${v.target}: ${v.figures}`)
			.join('\n'),
	];
}

const isSearchTarget = (v: Verdict) => /^(reader's path|Pagefind's API)/.test(v.target);

/** Every table of a run, as Markdown. */
export function formatTables(run: BenchRun): string {
	return [
		...buildTables(run.results),
		...searchTables(run.results),
		...targets(run.results, () => true),
	].join('\n\n');
}

const BLOCKS = {
	build: ['<!-- bench:results -->', '<!-- /bench:results -->'],
	search: ['<!-- bench:search -->', '<!-- /bench:search -->'],
} as const;

function replaceBlock(doc: string, [start, end]: readonly [string, string], body: string): string {
	const from = doc.indexOf(start);
	const to = doc.indexOf(end);
	if (from < 0 || to < from)
		throw new Error(`docs/benchmarks.md lacks the markers ${start} … ${end}`);
	return `${doc.slice(0, from + start.length)}\n\n${body}\n\n${doc.slice(to)}`;
}

/**
 * docs/benchmarks.md with this run's figures between its markers: the build's block when the
 * run built, the search block when it searched (a `--reuse` run rewrites only the latter).
 */
export function formatDocs(doc: string, run: BenchRun): string {
	const machine = Object.entries(run.machine)
		.map(([k, v]) => `- ${k}: ${v}`)
		.join('\n');
	const head = [`Measured on ${run.date.slice(0, 10)} with \`${run.command}\`.`, machine];
	const heading = (parts: string[]) => parts.map((p) => p.replaceAll('### ', '#### '));
	let out = doc;
	const build = buildTables(run.results);
	if (build.length) {
		const body = [
			...head,
			...heading([...build, ...targets(run.results, (v) => !isSearchTarget(v))]),
		];
		out = replaceBlock(out, BLOCKS.build, body.join('\n\n'));
	}
	const search = searchTables(run.results);
	if (search.length) {
		const body = [...head, ...heading([...search, ...targets(run.results, isSearchTarget)])];
		out = replaceBlock(out, BLOCKS.search, body.join('\n\n'));
	}
	return out;
}
