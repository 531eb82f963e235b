/**
 * The citation output of a real build of a small content set: the download files exist for every
 * public report and none for a draft, carry the site's URL and each date at its precision; the
 * page carries the panel, the download links and the section template; the JavaScript of a report
 * page stays within budget.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBuildLock } from '../support/fixture-build.ts';

const root = new URL('../..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'brief-cite-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SITE = 'https://cite.example.net';
const JS_BUDGET_GZIP = 4096;

const report = (fields: string, body = 'Body text.\n\n## A Section on Kabul\n\nMore text.\n') =>
	`---\nsummary: One sentence.\ntype: brief\nstatus: published\nadded: "2026-01-05"\n${fields}---\n\n${body}`;

const FILES: Record<string, string> = {
	'groups/taliban.md': '---\nname: Taliban\n---\nA profile.\n',
	'regions/kabul.md': '---\nname: Kabul\nkind: city\n---\nA profile.\n',
	'authors/desk.md': '---\nname: The Research Desk\nkind: desk\n---\nA desk.\n',
	'authors/anna.md':
		'---\nname: Anna van der Berg\nkind: person\nfamily: van der Berg\n---\nA person.\n',
	'reports/desk-year.md': report(
		'title: "The Taliban Return to Kabul"\npublished: "2022"\nauthors: [desk]\nsource:\n  publisher: Some Institute\n  url: "https://institute.example/brief"\n',
	),
	'reports/unsigned-month.md': report('title: "An Unsigned Note"\npublished: "2021-11"\n'),
	'reports/person-day.md': report(
		'title: "Water and Power"\npublished: "2023-04-09"\nauthors: [anna]\n',
	),
	'reports/draft.md': report('title: "CANARY Draft"\npublished: "2023"\n').replace(
		'status: published',
		'status: draft',
	),
};

let outDir = '';
let output = '';
let status: number | null = null;
const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

beforeAll(() => {
	const content = join(scratch, 'content');
	outDir = join(scratch, 'dist');
	for (const [path, text] of Object.entries(FILES)) {
		mkdirSync(join(content, path, '..'), { recursive: true });
		writeFileSync(join(content, path), text);
	}
	const result = withBuildLock(() =>
		spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
			cwd: root,
			encoding: 'utf8',
			env: {
				...process.env,
				BRIEF_CONTENT_DIR: content,
				BRIEF_CACHE_DIR: join(scratch, 'cache'),
				BRIEF_BUILD_TIME: '2026-06-01T00:00:00Z',
				BRIEF_SITE_URL: SITE,
			},
		}),
	);
	status = result.status;
	output = `${result.stdout}\n${result.stderr}`;
}, 300_000);

describe('citation output of a build', () => {
	it('builds', () => {
		expect(status, output).toBe(0);
	});

	it('writes BibTeX, RIS and CSL-JSON for every public report and nothing for a draft', () => {
		for (const slug of ['desk-year', 'unsigned-month', 'person-day']) {
			for (const file of ['cite.bib', 'cite.ris', 'cite.json']) {
				expect(existsSync(join(outDir, 'reports', slug, file)), `${slug}/${file}`).toBe(true);
			}
		}
		expect(existsSync(join(outDir, 'reports', 'draft'))).toBe(false);
	});

	it('cites each date at its precision in every file', () => {
		const year = read('reports/desk-year/cite.bib');
		expect(year).toContain('\tyear = {2022},\n\tdate = {2022},\n');
		expect(year).not.toContain('month =');
		expect(read('reports/unsigned-month/cite.bib')).toContain(
			'\tmonth = nov,\n\tdate = {2021-11},',
		);
		expect(read('reports/person-day/cite.bib')).toContain('\tmonth = apr,\n\tdate = {2023-04-09},');

		expect(read('reports/desk-year/cite.ris')).not.toContain('DA  -');
		expect(read('reports/unsigned-month/cite.ris')).toContain('DA  - 2021/11//\r\n');
		expect(read('reports/person-day/cite.ris')).toContain('DA  - 2023/04/09/\r\n');

		const parts = (slug: string) =>
			(JSON.parse(read(`reports/${slug}/cite.json`)) as { issued: unknown }[])[0]!.issued;
		expect(parts('desk-year')).toEqual({ 'date-parts': [[2022]] });
		expect(parts('unsigned-month')).toEqual({ 'date-parts': [[2021, 11]] });
		expect(parts('person-day')).toEqual({ 'date-parts': [[2023, 4, 9]] });
	});

	it('names authors as the byline is: a desk whole, a person by family name, the publisher if unsigned', () => {
		const csl = (slug: string) =>
			(JSON.parse(read(`reports/${slug}/cite.json`)) as Record<string, unknown>[])[0]!;
		expect(csl('desk-year').author).toEqual([{ literal: 'The Research Desk' }]);
		expect(csl('person-day').author).toEqual([{ family: 'van der Berg', given: 'Anna' }]);
		// No source: the archive published it, and is its group author.
		expect(csl('unsigned-month').author).toEqual([{ literal: 'Brief Archive' }]);
	});

	it('cites the original publisher and the archived copy at the site’s URL', () => {
		const csl = (JSON.parse(read('reports/desk-year/cite.json')) as Record<string, unknown>[])[0]!;
		expect(csl).toMatchObject({
			title: 'The Taliban return to Kabul',
			publisher: 'Some Institute',
			URL: `${SITE}/reports/desk-year/`,
			archive: 'Brief Archive',
			note: 'Originally published by Some Institute (https://institute.example/brief); archived copy in Brief Archive.',
		});
		const own = (JSON.parse(read('reports/person-day/cite.json')) as Record<string, unknown>[])[0]!;
		expect(own.publisher).toBe('Brief Archive');
		expect(own).not.toHaveProperty('archive');
	});

	it('puts the APA reference, the download links and the section template on the page', () => {
		const html = read('reports/desk-year/index.html');
		expect(html).toContain(
			`The Research Desk. (2022). <i>The Taliban return to Kabul</i>. Some Institute. Brief Archive. ${SITE}/reports/desk-year/`,
		);
		expect(html).toContain(
			'href="/reports/desk-year/cite.bib" download="desk-year.bib" type="application/x-bibtex"',
		);
		expect(html).toContain('download="desk-year.ris"');
		expect(html).toContain('download="desk-year.json"');
		expect(html).toContain(
			`data-section-template="The Research Desk. (2022). The Taliban return to Kabul. Some Institute. Brief Archive. “{section}” section. {url}"`,
		);
		// Copy buttons wait for the script; without it they stay hidden.
		expect(html).toMatch(/<button type="button" class="cite__copy"[^>]*hidden/);
	});

	it('gives static hosts the media types of the files in _headers', () => {
		expect(read('_headers')).toContain(
			'/reports/*/cite.bib\n  Content-Type: application/x-bibtex; charset=utf-8',
		);
	});

	it('keeps all the JavaScript of a report page within 4 KB gzipped', () => {
		const html = read('reports/desk-year/index.html');
		let bytes = 0;
		for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
			const src = /\bsrc="([^"]+)"/.exec(m[1]!)?.[1];
			const code = src ? read(src.replace(/^\//, '')) : m[2]!;
			bytes += gzipSync(code).length;
		}
		expect(bytes).toBeGreaterThan(0);
		expect(bytes).toBeLessThanOrEqual(JS_BUDGET_GZIP);
	});
});
