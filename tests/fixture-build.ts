/**
 * Builds the site from a content folder into a scratch directory, as the real build does, so
 * that tests can read the output. Shared by the build-output tests and the browser tests.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

/** The content folder whose outputs the tests know by construction (see its README). */
export const FIXTURE_SITE = join(ROOT, 'tests/fixtures/site');

/** The build time the fixtures are built at: the embargoed fixture is still under embargo. */
export const FIXTURE_BUILD_TIME = '2026-06-01T00:00:00Z';

export interface BuildResult {
	status: number | null;
	output: string;
	outDir: string;
}

/** Runs `astro build` on `content` into `<scratch>/dist`, with its own content cache. */
export function buildSite(
	content: string,
	scratch: string,
	env: Record<string, string> = {},
): BuildResult {
	const outDir = join(scratch, 'dist');
	const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
		cwd: ROOT,
		encoding: 'utf8',
		env: {
			...process.env,
			BRIEF_CONTENT_DIR: content,
			BRIEF_CACHE_DIR: join(scratch, 'cache'),
			BRIEF_BUILD_TIME: FIXTURE_BUILD_TIME,
			...env,
		},
	});
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
