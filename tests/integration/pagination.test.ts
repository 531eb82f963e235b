/**
 * The paginated listings, read from a real build of a content folder with more reports than a
 * page holds (generated into a scratch folder by `writeManyReports`): year pages, term and type
 * pages in pages of LISTING_PAGE_SIZE, and /reports/ as the front door. Every page is where it
 * should be, lists exactly its reports in order, chains to its neighbours, is its own canonical
 * URL, is in the sitemap, is valid HTML, and stays well under 100 KB compressed with a full page
 * of reports. (Axe and layout: tests/e2e/pagination.spec.ts.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTING_PAGE_SIZE } from '../../src/lib/archive/pagination.ts';
import {
	buildSite,
	listFiles,
	writeManyReports,
	type BuildResult,
	type GeneratedReport,
} from '../support/fixture-build.ts';
import { CONFIG } from '../built/html-validate-config.ts';

const SITE = 'https://briefs.test.example';
/** Reports per year: the two newest years fit on a page together, 2022 takes two pages. */
const PER_YEAR = { 2024: 30, 2023: 45, 2022: 130, 2021: 5 };
const scratch = mkdtempSync(join(tmpdir(), 'brief-pages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let build: BuildResult;
let files: string[];
/** Every report, newest first. */
let reports: GeneratedReport[];

beforeAll(() => {
	reports = writeManyReports(join(scratch, 'content'), PER_YEAR);
	build = buildSite(join(scratch, 'content'), scratch, { BRIEF_SITE_URL: SITE });
	expect(build.status, build.output).toBe(0);
	files = listFiles(build.outDir);
}, 600_000);

/** The HTML served at a path such as `/groups/is-k/2/`. */
const html = (path: string) => readFileSync(join(build.outDir, path, 'index.html'), 'utf8');
const exists = (path: string) => files.includes(`${path.slice(1)}index.html`);
/** The reports a page lists, as URLs, in the order shown. */
const listed = (page: string) =>
	[...page.matchAll(/<h[23] class="card__title"><a href="([^"]+)"/g)].map((m) => m[1]!);
/** The `href` of the page's link with `rel="prev"` or `rel="next"`. */
function rel(page: string, name: 'prev' | 'next'): string | undefined {
	const tag = [...page.matchAll(/<a\b[^>]*>/g)].find((m) => m[0].includes(` rel="${name}"`));
	return tag ? /href="([^"]+)"/.exec(tag[0])?.[1] : undefined;
}
const canonical = (page: string) => /<link rel="canonical" href="([^"]+)"/.exec(page)?.[1];
const title = (page: string) => /<title>([^<]*)<\/title>/.exec(page)?.[1];
const current = (page: string) =>
	/<a class="pager__page" href="([^"]+)" aria-current="page"/.exec(page)?.[1];

/** The expected pages of a listing: its reports, newest first, cut into pages. */
function pagesOf(base: string, list: GeneratedReport[]): { path: string; urls: string[] }[] {
	const count = Math.max(1, Math.ceil(list.length / LISTING_PAGE_SIZE));
	return Array.from({ length: count }, (_, i) => ({
		path: i === 0 ? base : `${base}${i + 1}/`,
		urls: list.slice(i * LISTING_PAGE_SIZE, (i + 1) * LISTING_PAGE_SIZE).map((r) => r.url),
	}));
}

/** Every paginated listing of the fixture, with the reports it must list, newest first. */
function listings(): Record<string, GeneratedReport[]> {
	const on = (kind: 'groups' | 'regions' | 'topics' | 'authors', slug: string) =>
		reports.filter((r) =>
			kind === 'regions' && slug === 'afghanistan'
				? r.regions.length > 0 // kunduz lies in afghanistan
				: r[kind].includes(slug),
		);
	return {
		'/reports/2024/': reports.filter((r) => r.year === 2024),
		'/reports/2023/': reports.filter((r) => r.year === 2023),
		'/reports/2022/': reports.filter((r) => r.year === 2022),
		'/reports/2021/': reports.filter((r) => r.year === 2021),
		'/groups/is-k/': on('groups', 'is-k'),
		'/groups/taliban/': on('groups', 'taliban'),
		'/regions/afghanistan/': on('regions', 'afghanistan'),
		'/regions/kunduz/': on('regions', 'kunduz'),
		'/topics/recruitment/': on('topics', 'recruitment'),
		'/topics/security/': [],
		'/authors/jane-analyst/': on('authors', 'jane-analyst'),
		'/authors/ct-fellow/': [],
		'/types/brief/': reports.filter((r) => r.type === 'brief'),
		'/types/analysis/': reports.filter((r) => r.type === 'analysis'),
		'/types/special-report/': [],
		'/types/backgrounder/': [],
	};
}

describe('the fixture', () => {
	it('has listings of one page, of exactly a page and a few, and of several pages', () => {
		const sizes = Object.values(listings()).map((l) => l.length);
		expect(reports.length).toBe(210);
		expect(sizes).toContain(0);
		expect(sizes.some((n) => n > 0 && n <= LISTING_PAGE_SIZE)).toBe(true);
		expect(sizes.some((n) => n > LISTING_PAGE_SIZE && n <= 2 * LISTING_PAGE_SIZE)).toBe(true);
		expect(sizes.some((n) => n > 2 * LISTING_PAGE_SIZE)).toBe(true);
	});
});

// Reading and checking hundreds of pages takes seconds, more on a busy machine: these
// describe blocks allow a minute a test.
describe('paginated listings', { timeout: 60_000 }, () => {
	it('build every page at its address, and not one page more', () => {
		for (const [base, list] of Object.entries(listings())) {
			const expected = pagesOf(base, list);
			for (const { path } of expected) expect(exists(path), path).toBe(true);
			expect(exists(`${base}${expected.length + 1}/`), `no page after the last of ${base}`).toBe(
				false,
			);
		}
	});

	it('never build a /1/ page', () => {
		expect(files.filter((f) => /(^|\/)1\/index\.html$/.test(f))).toEqual([]);
	});

	it('list exactly the right reports on each page, newest first, none lost or repeated', () => {
		for (const [base, list] of Object.entries(listings())) {
			const pages = pagesOf(base, list);
			for (const { path, urls } of pages) expect(listed(html(path)), path).toEqual(urls);
			const all = pages.flatMap((p) => listed(html(p.path)));
			expect(all, base).toEqual(list.map((r) => r.url));
			expect(new Set(all).size, base).toBe(all.length);
		}
	});

	it('chain the pages with rel="next" from the first to the last, and rel="prev" back', () => {
		for (const [base, list] of Object.entries(listings())) {
			const paths = pagesOf(base, list).map((p) => p.path);
			const forward = [base];
			for (let next = rel(html(base), 'next'); next; next = rel(html(next), 'next')) {
				forward.push(next);
			}
			expect(forward, base).toEqual(paths);
			const last = paths.at(-1)!;
			const back = [last];
			for (let prev = rel(html(last), 'prev'); prev; prev = rel(html(prev), 'prev')) {
				back.push(prev);
			}
			expect(back, base).toEqual([...paths].reverse());
		}
	});

	it('mark the current page in the pager, and show no pager on a listing of one page', () => {
		for (const [base, list] of Object.entries(listings())) {
			const pages = pagesOf(base, list);
			for (const { path } of pages) {
				const page = html(path);
				if (pages.length > 1) expect(current(page), path).toBe(path);
				else expect(page, path).not.toContain('aria-label="Pages"');
			}
		}
	});

	it('make each page its own canonical URL, and put page N in the title after the first', () => {
		for (const [base, list] of Object.entries(listings())) {
			const pages = pagesOf(base, list);
			pages.forEach(({ path }, i) => {
				const page = html(path);
				expect(canonical(page), path).toBe(`${SITE}${path}`);
				if (i === 0) expect(title(page), path).not.toMatch(/page \d/);
				else expect(title(page), path).toContain(`page ${i + 1} of ${pages.length}`);
			});
		}
		expect(title(html('/groups/is-k/3/'))).toBe(
			'Islamic State Khorasan Province: reports, page 3 of 3 · Brief Archive',
		);
		expect(title(html('/reports/2022/2/'))).toBe('Reports from 2022, page 2 of 2 · Brief Archive');
	});

	it('link the later pages of a term back to the term’s own page', () => {
		expect(html('/groups/is-k/2/')).toContain('href="/groups/is-k/"');
		expect(html('/groups/is-k/3/')).toContain('on <a href="/groups/is-k/">');
	});

	it('are all in the sitemap', () => {
		const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
		const locs = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
		for (const [base, list] of Object.entries(listings())) {
			for (const { path } of pagesOf(base, list))
				expect(locs.has(`${SITE}${path}`), path).toBe(true);
		}
	});
});

describe('valid HTML', { timeout: 60_000 }, () => {
	it('passes the site’s html-validate rules on /reports/ and every page of every listing', async () => {
		const validator = new HtmlValidate(CONFIG);
		const paths = [
			'/reports/',
			...Object.entries(listings()).flatMap(([base, list]) =>
				pagesOf(base, list).map((p) => p.path),
			),
		];
		const errors: string[] = [];
		for (const path of paths) {
			const report = await validator.validateString(html(path), path);
			for (const result of report.results) {
				for (const m of result.messages)
					errors.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
			}
		}
		expect(errors).toEqual([]);
	});
});

describe('year pages', () => {
	it('link to the neighbouring years that have reports, and the newest and oldest to one only', () => {
		const steps = (path: string) => {
			const nav = /<nav class="year-steps"[^]*?<\/nav>/.exec(html(path))?.[0] ?? '';
			return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
		};
		expect(steps('/reports/2024/')).toEqual(['/reports/2023/']);
		expect(steps('/reports/2023/')).toEqual(['/reports/2024/', '/reports/2022/']);
		expect(steps('/reports/2022/2/')).toEqual(['/reports/2023/', '/reports/2021/']);
		expect(steps('/reports/2021/')).toEqual(['/reports/2022/']);
	});
});

describe('/reports/', () => {
	const page = () => html('/reports/');

	it('lists every year with its count, each linking to its year page', () => {
		const years = [
			...page().matchAll(
				/<a href="(\/reports\/\d+\/)"[^>]*>(\d+)<\/a> <span class="year-nav__count">(\d+)/g,
			),
		].map((m) => [m[1], Number(m[2]), Number(m[3])]);
		expect(years).toEqual(
			Object.entries(PER_YEAR)
				.sort(([a], [b]) => Number(b) - Number(a))
				.map(([year, n]) => [`/reports/${year}/`, Number(year), n]),
		);
	});

	it('shows the newest whole years that fit on a page, and leads on to the first year left out', () => {
		const shown = reports.filter((r) => r.year >= 2023);
		expect(shown.length).toBeLessThanOrEqual(LISTING_PAGE_SIZE);
		expect(shown.length + PER_YEAR[2022]).toBeGreaterThan(LISTING_PAGE_SIZE);
		expect(listed(page())).toEqual(shown.map((r) => r.url));
		expect([...page().matchAll(/<h2 id="y(\d+)"/g)].map((m) => m[1])).toEqual(['2024', '2023']);
		expect(page()).toMatch(/<p class="more"><a href="\/reports\/2022\/">Older reports, from 2022/);
		expect(page()).toContain('210 reports, newest first. The latest 75 are below');
	});
});

describe('weight', { timeout: 60_000 }, () => {
	it('keeps every HTML page under 100 KB compressed, full pages of reports included', () => {
		const sizes = files
			.filter((f) => f.endsWith('.html'))
			.map((f) => ({
				file: f,
				bytes: gzipSync(readFileSync(join(build.outDir, f)), { level: 9 }).length,
			}))
			.sort((a, b) => b.bytes - a.bytes);
		const largest = sizes.slice(0, 3).map((s) => `${s.file} ${(s.bytes / 1024).toFixed(1)} KB`);
		console.log(`largest pages, gzipped: ${largest.join(', ')}`);
		for (const { file, bytes } of sizes) expect(bytes, file).toBeLessThanOrEqual(100 * 1024);
	});
});
