/**
 * Builds the site from a content folder into a scratch directory, as the real build does, so
 * that tests can read the output. Shared by the build-output tests and the browser tests.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;

/** The content folder whose outputs the tests know by construction (see its README). */
export const FIXTURE_SITE = join(ROOT, 'tests/fixtures/site');

/** The build time the fixtures are built at: the embargoed fixture is still under embargo. */
export const FIXTURE_BUILD_TIME = '2026-06-01T00:00:00Z';

export interface BuildResult {
	status: number | null;
	output: string;
	outDir: string;
}

const LOCK = join(ROOT, 'node_modules/.cache/brief-fixture-build.lock');

/** Whether a process is still running. */
function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Runs `fn` while no other test process builds the site. Astro writes a build's prerender chunks
 * to `<project>/.astro/.prerender/` whenever the output folder lies outside the project (as the
 * tests' scratch folders do), so two builds at once, from two test files running in parallel,
 * delete each other's chunks ("Cannot find module …/.prerender/chunks/…"). Builds take turns
 * through a lock folder; a lock left by a process that has died is taken over.
 */
export function withBuildLock<T>(fn: () => T): T {
	mkdirSync(join(LOCK, '..'), { recursive: true });
	const sleep = new Int32Array(new SharedArrayBuffer(4));
	for (const start = Date.now(); ;) {
		try {
			mkdirSync(LOCK);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			let holder = Number.NaN;
			try {
				holder = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
			} catch {
				// Just created, its pid not written yet: wait.
			}
			if (Number.isInteger(holder) && !alive(holder))
				rmSync(LOCK, { recursive: true, force: true });
			else if (Date.now() - start > 20 * 60_000) throw new Error(`${LOCK} is held for too long`);
			else Atomics.wait(sleep, 0, 0, 250);
		}
	}
	try {
		writeFileSync(join(LOCK, 'pid'), String(process.pid));
		return fn();
	} finally {
		rmSync(LOCK, { recursive: true, force: true });
	}
}

/** Runs `astro build` on `content` into `<scratch>/dist`, with its own content cache. */
export function buildSite(
	content: string,
	scratch: string,
	env: Record<string, string> = {},
): BuildResult {
	const outDir = join(scratch, 'dist');
	const result = withBuildLock(() =>
		spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
			cwd: ROOT,
			encoding: 'utf8',
			env: {
				...process.env,
				BRIEF_CONTENT_DIR: content,
				BRIEF_CACHE_DIR: join(scratch, 'cache'),
				BRIEF_BUILD_TIME: FIXTURE_BUILD_TIME,
				...env,
			},
		}),
	);
	return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) =>
			join(d.parentPath, d.name)
				.slice(dir.length + 1)
				.replaceAll('\\', '/'),
		)
		.sort();
}

/** A generated report: its slug, date and terms, as written into its file. */
export interface GeneratedReport {
	slug: string;
	url: string;
	/** `YYYY-MM-DD`, every one different, so newest first is one order. */
	published: string;
	year: number;
	type: 'brief' | 'analysis';
	groups: string[];
	regions: string[];
	topics: string[];
	authors: string[];
}

const WORDS = (
	'province district militants attack checkpoint council ministry border recruitment network ' +
	'commander faction insurgency governance refugees ceasefire offensive funding propaganda ' +
	'tribal elders highway garrison crossing smuggling detention prison envoy negotiation ' +
	'humanitarian blockade drone raid cell leadership succession rivalry alliance defection'
).split(' ');

/**
 * Writes a content folder of many small reports for the listings: the groups, regions, topics
 * and authors of the fixture site (`FIXTURE_SITE`), and `perYear[year]` public reports in each
 * year, with titles and summaries of realistic length and varied words (so that compressed
 * sizes are honest). Terms follow the report's number `i` (0 = the oldest): every report is on
 * is-k, every second on taliban; every third is on kunduz and the one after it on afghanistan
 * (whose page includes kunduz); every fifth on recruitment (security has none); jane-analyst
 * signs three in four, the others are unsigned; every seventh is an analysis, the rest briefs.
 * Returns the reports newest first.
 */
export function writeManyReports(
	content: string,
	perYear: Record<number, number>,
): GeneratedReport[] {
	for (const kind of ['groups', 'regions', 'topics', 'authors']) {
		cpSync(join(FIXTURE_SITE, kind), join(content, kind), { recursive: true });
	}
	mkdirSync(join(content, 'reports'), { recursive: true });
	let seed = 7;
	const random = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		return seed / 2 ** 31;
	};
	const words = (n: number) =>
		Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
	const reports: GeneratedReport[] = [];
	let i = 0;
	for (const year of Object.keys(perYear).map(Number).sort()) {
		for (let k = 0; k < perYear[year]!; k++, i++) {
			const day = new Date(Date.UTC(year, 0, 1 + k)).toISOString().slice(0, 10);
			const slug = `report-${year}-${String(k + 1).padStart(3, '0')}`;
			const report: GeneratedReport = {
				slug,
				url: `/reports/${slug}/`,
				published: day,
				year,
				type: i % 7 === 0 ? 'analysis' : 'brief',
				groups: i % 2 === 0 ? ['is-k', 'taliban'] : ['is-k'],
				regions: i % 3 === 0 ? ['kunduz'] : i % 3 === 1 ? ['afghanistan'] : [],
				topics: i % 5 === 0 ? ['recruitment'] : [],
				authors: i % 4 === 0 ? [] : ['jane-analyst'],
			};
			const title = `${words(9)} ${year} no. ${k + 1}`.replace(/^./, (c) => c.toUpperCase());
			const summary = `${words(40)}.`.replace(/^./, (c) => c.toUpperCase()).slice(0, 380);
			const list = (name: string, values: string[]) =>
				values.length ? `${name}: [${values.join(', ')}]\n` : '';
			writeFileSync(
				join(content, 'reports', `${slug}.md`),
				`---\ntitle: "${title}"\nsummary: "${summary}"\ntype: ${report.type}\nstatus: published\npublished: "${day}"\n` +
					list('authors', report.authors) +
					list('groups', report.groups) +
					list('regions', report.regions) +
					list('topics', report.topics) +
					`---\n\n${words(60)}.\n`,
			);
			reports.push(report);
		}
	}
	return reports.reverse();
}
