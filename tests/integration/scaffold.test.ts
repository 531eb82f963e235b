/**
 * `npm run new` and `npm run new:term` as an author runs them, with flags, on a copy of the canary
 * content folder: the report they scaffold passes the content checks without edits, stays out of
 * the public build and appears in the preview; broken in the ways authors break files, it gets
 * messages that say what to do.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanOutput } from '../../src/lib/node/output-scan.ts';
import { todayIso } from '../../scripts/lib/scaffold.ts';
import { withBuildLock } from '../support/fixture-build.ts';

const root = new URL('../..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'brief-scaffold-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh copy of the canary content folder. */
function contentFolder(name: string): string {
	const dir = join(scratch, name, 'content');
	cpSync(join(root, 'tests/fixtures/canary'), dir, { recursive: true });
	return dir;
}

/** Runs a script of the project on a content folder; returns the exit code and the output. */
function run(content: string, script: string, args: string[]) {
	const result = spawnSync(process.execPath, [script, ...args], {
		cwd: root,
		encoding: 'utf8',
		env: {
			...process.env,
			BRIEF_CONTENT_DIR: content,
			BRIEF_CACHE_DIR: join(scratch, 'cache', createHash('sha256').update(content).digest('hex')),
			BRIEF_BUILD_TIME: '2026-06-01T00:00:00Z',
			DEV: '1',
		},
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const TITLE = 'Kunduz after the Withdrawal: Zqscaffoldcanary';
const SLUG = 'kunduz-after-the-withdrawal-zqscaffoldcanary';

describe('npm run new, then the content checks', { timeout: 60_000 }, () => {
	it('scaffolds a draft dated today that passes npm run check:content without edits', () => {
		const content = contentFolder('checks');
		const today = todayIso();
		const made = run(content, 'scripts/new.ts', [
			...['--title', TITLE, '--type', 'analysis'],
			...['--groups', 'Taleban', '--regions', 'kunduz,Afghanistan', '--authors', 'The Desk'],
		]);
		expect(made.status, made.output).toBe(0);
		const file = join(content, 'reports', `${SLUG}.md`);
		const text = readFileSync(file, 'utf8');
		expect(text).toContain('\nstatus: draft\n');
		// Quoted, or the UTC midnight YAML makes of it could be another day in other time zones.
		expect(text).toContain(`\npublished: "${today}"\n`);
		expect(text).toContain('groups:\n  - taliban\n');
		expect(text).toContain('regions:\n  - kunduz\n  - afghanistan\n');
		expect(text).toContain('authors:\n  - desk\n');
		expect(text).toContain('## Background');

		const checked = run(content, 'scripts/check-content.ts', []);
		expect(checked.status, checked.output).toBe(0);
		expect(checked.output).toContain('no problems');

		const again = run(content, 'scripts/new.ts', ['--title', TITLE.toUpperCase()]);
		expect(again.status).toBe(1);
		expect(again.output).toContain(`a report with the address /reports/${SLUG}/ already exists`);
		expect(readFileSync(file, 'utf8')).toBe(text);
	});

	it('refuses an unknown term before writing anything, with the nearest known one', () => {
		const content = contentFolder('unknown');
		const made = run(content, 'scripts/new.ts', ['--title', 'Another', '--groups', 'Talibn']);
		expect(made.status).toBe(1);
		expect(made.output).toContain('Nothing was written');
		expect(made.output).toContain('unknown group "Talibn"; did you mean taliban (Taliban)?');
		expect(existsSync(join(content, 'reports', 'another.md'))).toBe(false);
	});

	it('adds a term with npm run new:term that reports can then name by its alias', () => {
		const content = contentFolder('term');
		const term = run(content, 'scripts/new-term.ts', [
			...['--kind', 'group', '--name', 'Tehrik-i-Taliban Pakistan', '--aliases', 'TTP'],
		]);
		expect(term.status, term.output).toBe(0);
		const clash = run(content, 'scripts/new-term.ts', [
			...['--kind', 'group', '--name', 'Pakistani Taliban', '--aliases', 'ttp'],
		]);
		expect(clash.status).toBe(1);
		expect(clash.output).toContain('"ttp" already names tehrik-i-taliban-pakistan');
		const made = run(content, 'scripts/new.ts', ['--title', 'TTP brief', '--groups', 'TTP']);
		expect(made.status, made.output).toBe(0);
		expect(readFileSync(join(content, 'reports/ttp-brief.md'), 'utf8')).toContain(
			'groups:\n  - tehrik-i-taliban-pakistan\n',
		);
		expect(run(content, 'scripts/check-content.ts', []).status).toBe(0);
	});

	it('breaks the scaffold the ways authors do and gets messages that say what to do', () => {
		const content = contentFolder('broken');
		for (const title of ['Typo in a group', 'Date in another form', 'Unquoted title colon']) {
			expect(run(content, 'scripts/new.ts', ['--title', title, '--groups', 'taliban']).status).toBe(
				0,
			);
		}
		const edit = (slug: string, from: RegExp, to: string) => {
			const path = join(content, 'reports', `${slug}.md`);
			const text = readFileSync(path, 'utf8');
			expect(text).toMatch(from);
			writeFileSync(path, text.replace(from, to));
		};
		edit('typo-in-a-group', /  - taliban\n/, '  - Talibn\n');
		edit('date-in-another-form', /published: ".*"/, 'published: 28/11/2026');
		edit('unquoted-title-colon', /title: ".*"/, 'title: IS-K: The Rise of a Rival');

		const { status, output } = run(content, 'scripts/check-content.ts', []);
		expect(status).toBe(1);
		expect(output).toContain('3 content errors');
		expect(output).toContain(
			'reports/typo-in-a-group.md:9: groups[0]: unknown group "Talibn"; did you mean taliban (Taliban)?',
		);
		expect(output).toContain(
			'reports/date-in-another-form.md:7: published: "28/11/2026" is not a date written as YYYY, YYYY-MM or YYYY-MM-DD (for example 2022, 2022-05 or 2022-05-07); write "2026-11-28"',
		);
		expect(output).toMatch(
			/reports\/unquoted-title-colon\.md:2: frontmatter: .*must be in quotes: title: "IS-K: The Rise of a Rival"/,
		);
	});
});

/** A public MDX report that uses every component without importing any. */
const COMPONENTS_REPORT = `---
title: Components
summary: Every MDX component.
type: brief
status: published
published: "2022-05-02"
---

## Key judgments

<KeyJudgments>
  <Judgment likelihood="very likely" confidence="moderate">IS-K will attack Kabul again.</Judgment>
</KeyJudgments>

<Callout type="warning">Sources disagree.</Callout>

<Figure src="/favicon.svg" alt="The archive's mark" caption="A mark." credit="Brief Archive" />

<Quote source="A spokesman, 2022">We will not.</Quote>
`;

describe('a scaffolded report in the builds', { timeout: 600_000 }, () => {
	const content = join(scratch, 'build', 'content');
	let made: ReturnType<typeof run>;
	beforeAll(() => {
		cpSync(join(root, 'tests/fixtures/canary'), content, { recursive: true });
		writeFileSync(join(content, 'reports/components.mdx'), COMPONENTS_REPORT);
		made = run(content, 'scripts/new.ts', ['--title', TITLE, '--groups', 'taliban']);
	});

	it('is absent from the public build, and no file mentions it', () => {
		expect(made.status, made.output).toBe(0);
		const outDir = join(scratch, 'build', 'dist');
		const built = withBuildLock(() => run(content, 'scripts/build.ts', ['--outDir', outDir]));
		expect(built.status, built.output).toBe(0);
		expect(existsSync(join(outDir, 'reports/public-report/index.html'))).toBe(true);
		expect(existsSync(join(outDir, 'reports', SLUG))).toBe(false);
		expect(scanOutput(outDir, [`/reports/${SLUG}/`, 'Zqscaffoldcanary'])).toEqual([]);
	});

	it('renders the MDX components without imports, and puts the key judgments in reports.json', () => {
		const outDir = join(scratch, 'build', 'dist');
		const page = readFileSync(join(outDir, 'reports/components/index.html'), 'utf8');
		expect(page).toContain('<ol class="key-judgments">');
		expect(page).toContain('<strong>Very likely</strong> (80–95%)');
		expect(page).toContain('<aside class="callout callout--warning" aria-label="Warning">');
		expect(page).toContain('alt="The archive\'s mark"');
		expect(page).toContain('<cite>A spokesman, 2022</cite>');
		const index = JSON.parse(readFileSync(join(outDir, 'reports.json'), 'utf8')) as {
			reports: { slug: string; keyJudgments: unknown[] }[];
		};
		expect(index.reports.find((r) => r.slug === 'components')?.keyJudgments).toEqual([
			{
				text: 'IS-K will attack Kabul again.',
				likelihood: 'very likely',
				probability: { min: 80, max: 95 },
				confidence: 'moderate',
			},
		]);
	});

	it('is in the preview (npm run preview:drafts) with its draft banner', () => {
		const outDir = join(scratch, 'build', 'dist-preview');
		const built = withBuildLock(() =>
			run(content, 'scripts/build.ts', ['--preview', '--outDir', outDir]),
		);
		expect(built.status, built.output).toBe(0);
		const page = readFileSync(join(outDir, 'reports', SLUG, 'index.html'), 'utf8');
		expect(page).toContain(TITLE);
		expect(page).toContain('<p class="unpublished-banner__label">Draft: not public</p>');
	});
});
