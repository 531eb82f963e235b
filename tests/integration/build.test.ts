/**
 * The real build, run on small content folders written for each test: content mistakes stop it
 * with a message naming the file, the field, the value and what is allowed, and unpublished
 * reports leave no trace in the output.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'brief-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Files = Record<string, string>;

const TAXONOMY: Files = {
	'groups/taliban.md': '---\nname: Taliban\naliases: [Taleban]\n---\nA profile.\n',
	'regions/afghanistan.md': '---\nname: Afghanistan\nkind: country\n---\nA profile.\n',
	'topics/security.md': '---\nname: Security\n---\nA profile.\n',
	'authors/desk.md': '---\nname: The Desk\nkind: desk\n---\nA desk.\n',
};

function report(fields: string, body = 'Body text.\n\n## A section\n\nMore text.\n'): string {
	return `---\ntitle: A report\nsummary: One sentence.\ntype: brief\nstatus: published\npublished: "2022-05"\n${fields}---\n\n${body}`;
}

/** Writes a content folder and builds the site from it; returns the exit code, output and dist. */
function build(name: string, files: Files) {
	const content = join(scratch, name, 'content');
	const outDir = join(scratch, name, 'dist');
	for (const [path, text] of Object.entries({ ...TAXONOMY, ...files })) {
		mkdirSync(join(content, path, '..'), { recursive: true });
		writeFileSync(join(content, path), text);
	}
	const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
		cwd: root,
		encoding: 'utf8',
		env: {
			...process.env,
			BRIEF_CONTENT_DIR: content,
			BRIEF_CACHE_DIR: join(scratch, name, 'cache'),
			BRIEF_BUILD_TIME: '2026-06-01T00:00:00Z',
		},
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

function allFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => join(d.parentPath, d.name));
}

describe('astro build', { timeout: 180_000 }, () => {
	it('stops on an unknown group, naming the file, the field, the value and the nearest term', () => {
		const { status, output } = build('unknown-group', {
			'reports/typo.md': report('groups: [Talibn]\n'),
		});
		expect(status).not.toBe(0);
		expect(output).toMatch(
			/reports\/typo\.md:7: groups\[0\]: unknown group "Talibn"; did you mean taliban \(Taliban\)\?/,
		);
		expect(output).toContain('nothing was published');
	});

	it('stops on an impossible date, naming the file, the field and the allowed forms', () => {
		const { status, output } = build('bad-date', {
			'reports/bad-date.md': report('').replace('"2022-05"', '"2022-13-45"'),
		});
		expect(status).not.toBe(0);
		expect(output).toContain(
			'reports/bad-date.md:6: published: "2022-13-45" has month 13; months run 01 to 12',
		);
	});

	it('publishes only public reports: a draft and an embargoed report leave no trace in dist', () => {
		const { status, output, outDir } = build('unpublished', {
			'reports/public.md': report('groups: [Taleban]\nregions: [afghanistan]\n'),
			'reports/draft.md': report('groups: [taliban]\n')
				.replace('status: published', 'status: draft')
				.replace('A report', 'CANARY-DRAFT title'),
			'reports/embargoed.md': report('embargo: "2030-01-01T09:00:00+01:00"\ngroups: [taliban]\n')
				.replace('A report', 'CANARY-EMBARGO title')
				.replace('Body text.', 'CANARY-EMBARGO body.'),
		});
		expect(status, output).toBe(0);
		const files = allFiles(outDir);
		expect(files.some((f) => f.endsWith('reports/public/index.html'))).toBe(true);
		for (const file of files) {
			const text = readFileSync(file, 'latin1');
			expect(text, file).not.toContain('CANARY');
			expect(file).not.toMatch(/draft|embargoed/);
		}
		const groupPage = readFileSync(join(outDir, 'groups/taliban/index.html'), 'utf8');
		expect(groupPage).toContain('href="/reports/public/"');
	});
});
