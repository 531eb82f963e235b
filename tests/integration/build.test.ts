/**
 * The real build (`npm run build`, i.e. scripts/build.ts around `astro build`), run on small
 * content folders: content mistakes stop it with messages naming the file, the line, the field,
 * the value and what is allowed; unpublished reports leave no trace in the output; a failed build
 * leaves the last good output byte for byte as it was; previews show drafts, bannered and noindex.
 *
 * Full builds are slow, so there are few: the canary set published, a build that fails while
 * rendering, a build whose output would leak, and a preview.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from '@playwright/test';
import { scanOutput } from '../../src/lib/node/output-scan.ts';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { withBuildLock } from '../support/fixture-build.ts';

const root = new URL('../..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'brief-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CANARY_SET = join(root, 'tests/fixtures/canary');
/** In the draft's and the embargoed report's title, summary and body (tests/fixtures/canary/). */
const CANARIES = ['zqdraftcanary4471', 'zqembargocanary9183'];
/** Their addresses, which no published file may mention either. */
const HIDDEN_PATHS = ['/reports/draft-report/', '/reports/embargoed-report/'];

type Files = Record<string, string>;

const TAXONOMY: Files = {
	'groups/taliban.md': '---\nname: Taliban\naliases: [Taleban]\n---\nA profile.\n',
	'regions/afghanistan.md': '---\nname: Afghanistan\nkind: country\n---\nA profile.\n',
};

function report(fields: string, body = 'Body text.\n\n## A section\n\nMore text.\n'): string {
	return `---\ntitle: A report\nsummary: One sentence.\ntype: brief\nstatus: published\npublished: "2022-05-02"\n${fields}---\n\n${body}`;
}

/** A content folder in the scratch space: the given files, optionally on top of a copy of `base`. */
function contentFolder(name: string, files: Files, base?: string): string {
	const dir = join(scratch, name, 'content');
	if (base) cpSync(base, dir, { recursive: true });
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}

/** Runs `npm run build`'s script on a content folder; returns the exit code and the output. */
function build(content: string, outDir: string, args: string[] = []) {
	const result = withBuildLock(() =>
		spawnSync(process.execPath, ['scripts/build.ts', '--outDir', outDir, ...args], {
			cwd: root,
			encoding: 'utf8',
			env: {
				...process.env,
				BRIEF_CONTENT_DIR: content,
				// A content cache per content folder, never the real site's.
				BRIEF_CACHE_DIR: join(scratch, 'cache', createHash('sha256').update(content).digest('hex')),
				BRIEF_BUILD_TIME: '2026-06-01T00:00:00Z',
				// Vitest sets DEV, and Astro lets a DEV variable turn import.meta.env.DEV on in a build:
				// the publish mode must not follow it (it once did, and drafts were built).
				DEV: '1',
			},
		}),
	);
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function allFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => join(d.parentPath, d.name))
		.sort();
}

/** Every file under a folder with the hash of its bytes: equal snapshots, identical folders. */
function snapshot(dir: string): Record<string, string> {
	return Object.fromEntries(
		allFiles(dir).map((f) => [
			f.slice(dir.length),
			createHash('sha256').update(readFileSync(f)).digest('hex'),
		]),
	);
}

/** Leftover temporary build folders next to an output folder. */
const leftovers = (outDir: string) =>
	readdirSync(join(outDir, '..')).filter((name) => name.startsWith('.tmp'));

describe('npm run build: content mistakes', { timeout: 120_000 }, () => {
	it('stops on an unknown group, naming the file, the line, the field, the value and the nearest term', () => {
		const content = contentFolder('unknown-group', {
			...TAXONOMY,
			'reports/typo.md': report('groups: [Talibn]\n'),
		});
		const { status, output } = build(content, join(scratch, 'unknown-group', 'dist'));
		expect(status).not.toBe(0);
		expect(output).toContain(
			`${content}/reports/typo.md:7: groups[0]: unknown group "Talibn"; did you mean taliban (Taliban)?`,
		);
		expect(output).toContain('1 content error; nothing was published');
	});

	it('reports every mistake of every file at once, then stops before writing anything', () => {
		const content = contentFolder('many-errors', {
			...TAXONOMY,
			'reports/bad-date.md': report('').replace('"2022-05-02"', '"2022-13-45"'),
			'reports/unquoted.md': report('').replace('"2022-05-02"', '2022-02-30'),
			'reports/script.md': report('', '<script>alert(1)</script>\n'),
			'reports/Bad Name.md': report(''),
		});
		const outDir = join(scratch, 'many-errors', 'dist');
		const { status, output } = build(content, outDir);
		expect(status).not.toBe(0);
		expect(output).toContain('4 content errors; nothing was published');
		for (const line of [
			`${content}/reports/Bad Name.md: file: the file name "Bad Name" is not a valid slug`,
			`${content}/reports/bad-date.md:6: published: "2022-13-45" has month 13; months run 01 to 12`,
			`${content}/reports/script.md:9: body: <script> is not allowed in a report`,
			`${content}/reports/unquoted.md:6: published: "2022-02-30" has day 30; February 2022 has days 01 to 28`,
		]) {
			expect(output).toContain(line);
		}
		expect(existsSync(outDir)).toBe(false);
		expect(leftovers(outDir)).toEqual([]);
	});
});

describe('npm run build: the canary set', { timeout: 300_000 }, () => {
	const outDir = join(scratch, 'canary', 'dist');
	let first: { status: number | null; output: string };
	beforeAll(() => {
		first = build(CANARY_SET, outDir);
	}, 300_000);

	it('builds the public reports', () => {
		expect(first.status, first.output).toBe(0);
		expect(existsSync(join(outDir, 'reports/public-report/index.html'))).toBe(true);
		expect(existsSync(join(outDir, 'reports/older-public-report/index.html'))).toBe(true);
		expect(leftovers(outDir)).toEqual([]);
	});

	it('leaves no trace of the draft or the embargoed report in any file, compressed ones included', () => {
		// The same scan finds the canaries where they are, so it can see them.
		expect(scanOutput(CANARY_SET, CANARIES).map((f) => f.needle)).toEqual(
			expect.arrayContaining(CANARIES),
		);
		// And it reads the search index: a public report's words are found in its gzip fragments.
		const indexed = scanOutput(outDir, ['older public text']).map((f) => f.file);
		expect(indexed.some((file) => /^pagefind\/fragment\/.+\.pf_fragment$/.test(file))).toBe(true);
		expect(scanOutput(outDir, [...CANARIES, ...HIDDEN_PATHS])).toEqual([]);
	});

	it('finds neither canary with the site’s own search in Chromium, and does find a public report', async () => {
		const port = 4390 + (process.pid % 50);
		const server = spawn(
			'npx',
			[
				'astro',
				'preview',
				'--outDir',
				outDir,
				'--port',
				String(port),
				'--host',
				'127.0.0.1',
				'--ignore-lock',
			],
			{ cwd: root, stdio: 'ignore', detached: true },
		);
		const browser = await chromium.launch(chromiumLaunchOptions());
		try {
			const base = `http://127.0.0.1:${port}`;
			for (let i = 0; ; i++) {
				try {
					if ((await fetch(`${base}/search/`)).ok) break;
				} catch {
					if (i > 150) throw new Error('astro preview did not start');
					await new Promise((r) => setTimeout(r, 200));
				}
			}
			const page = await browser.newPage();
			const status = async (q: string) => {
				await page.goto(`${base}/search/?q=${encodeURIComponent(q)}`);
				const s = page.locator('[data-search-status]');
				await s.filter({ hasText: /report/ }).waitFor();
				return { text: await s.textContent(), results: await page.locator('.result').count() };
			};
			// The control: the same search finds a public report's words, so "nothing" means nothing.
			expect((await status('older public text')).results).toBeGreaterThan(0);
			for (const canary of CANARIES) {
				expect(await status(canary)).toEqual({ text: `No reports for “${canary}”`, results: 0 });
			}
		} finally {
			await browser.close();
			if (server.pid) process.kill(-server.pid);
		}
	});

	it('rewrites a relative link to another report’s file into its address', () => {
		const page = readFileSync(join(outDir, 'reports/public-report/index.html'), 'utf8');
		expect(page).toContain('href="/reports/older-public-report/#background--context"');
	});

	it('marks no page noindex for being a preview, and shows no preview banner', () => {
		const page = readFileSync(join(outDir, 'reports/public-report/index.html'), 'utf8');
		expect(page).not.toContain('name="robots"');
		expect(page).not.toMatch(/preview-strip|unpublished-banner/);
	});

	it('leaves the last good output byte for byte intact when a build fails while rendering', () => {
		const before = snapshot(outDir);
		expect(Object.keys(before).length).toBeGreaterThan(10);
		// A judgment's likelihood outside ICD 203's words passes the content checks (the component
		// itself knows the vocabulary) and breaks rendering, after Astro has started writing its
		// output folder (which a plain `astro build` empties).
		const content = contentFolder(
			'render-failure',
			{
				'reports/broken.mdx': report(
					'',
					'Text.\n\n<Judgment likelihood="probable" confidence="high">X.</Judgment>\n',
				),
			},
			CANARY_SET,
		);
		const { status, output } = build(content, outDir);
		expect(status, output).not.toBe(0);
		expect(output).toContain('likelihood "probable" is not one of the terms of ICD 203');
		expect(output).toContain('was left as it was');
		expect(snapshot(outDir)).toEqual(before);
		expect(leftovers(outDir)).toEqual([]);
	});

	it('refuses output that mentions an unpublished report, and keeps the last good output', () => {
		const before = snapshot(outDir);
		// Not a link (the content checks refuse those): an address in running text.
		const content = contentFolder(
			'leak',
			{
				'reports/mentions-draft.md': report(
					'',
					'The next brief will be at `/reports/draft-report/` soon.\n',
				),
			},
			CANARY_SET,
		);
		const { status, output } = build(content, outDir);
		expect(status, output).not.toBe(0);
		expect(output).toContain('The output mentions unpublished reports; nothing was published');
		expect(output).toContain(
			'reports/mentions-draft/index.html: its content contains /reports/draft-report/, which is not public',
		);
		expect(snapshot(outDir)).toEqual(before);
		expect(leftovers(outDir)).toEqual([]);
	});
});

describe('npm run preview:drafts', { timeout: 300_000 }, () => {
	it('refuses to build a preview into dist/', () => {
		const result = spawnSync(
			process.execPath,
			['scripts/build.ts', '--preview', '--outDir', 'dist'],
			{
				cwd: root,
				encoding: 'utf8',
			},
		);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('A preview build contains drafts and embargoed reports');
	});

	it('shows drafts and embargoed reports with a banner, on pages that are all noindex', () => {
		const outDir = join(scratch, 'preview', 'dist-preview');
		const { status, output } = build(CANARY_SET, outDir, ['--preview']);
		expect(status, output).toBe(0);
		const draft = readFileSync(join(outDir, 'reports/draft-report/index.html'), 'utf8');
		expect(draft).toContain('<p class="unpublished-banner__label">Draft: not public</p>');
		expect(draft).toContain('zqdraftcanary4471');
		const embargoed = readFileSync(join(outDir, 'reports/embargoed-report/index.html'), 'utf8');
		expect(embargoed).toContain('Not public until 1 January 2030, 08:00 UTC.');
		const pages = allFiles(outDir).filter((f) => f.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(10);
		for (const page of pages) {
			expect(readFileSync(page, 'utf8'), page).toContain('<meta name="robots" content="noindex">');
		}
	});
});
