/**
 * Builds the site from a content folder into a scratch directory, as the real build does, so
 * that tests can read the output. Shared by the build-output tests and the browser tests.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
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
