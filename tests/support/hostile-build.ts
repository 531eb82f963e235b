/**
 * One build of the hostile fixture (tests/fixtures/hostile), shared by every test that needs it:
 * the checks of its HTML (tests/integration/hostile-output.test.ts) and the browser that opens its
 * pages (tests/e2e/hostile-content.spec.ts). The content checks refuse every hostile file, so the
 * fixture is built with them turned off (tests/support/astro.unchecked.config.ts): what reaches
 * the pages is what the body sanitizer, the schema and the templates let through on their own.
 *
 * The output is kept in node_modules/.cache/brief-hostile/<key>/, where the key is a hash of the
 * fixture and of the code that builds it (src/, astro.config.ts, this folder's config and the
 * lock file), so the second test file, in Vitest or in Playwright, reuses the first one's build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hashOf } from '../../src/lib/hash.ts';
import { FIXTURE_BUILD_TIME, ROOT, withBuildLock, type BuildResult } from './fixture-build.ts';

export const HOSTILE_FIXTURE = join(ROOT, 'tests/fixtures/hostile');
const CACHE = join(ROOT, 'node_modules/.cache/brief-hostile');
const CONFIG = 'tests/support/astro.unchecked.config.ts';

/** Every file under `dir` (symbolic links not followed), as sorted paths relative to `ROOT`. */
function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => relative(ROOT, join(d.parentPath, d.name)))
		.sort();
}

/** What the build depends on, hashed: the fixture, the site's code and the dependencies. */
function buildKey(): string {
	const files = [
		...filesUnder(HOSTILE_FIXTURE),
		...filesUnder(join(ROOT, 'src')),
		...filesUnder(join(ROOT, 'public')),
		'astro.config.ts',
		CONFIG,
		'package-lock.json',
	];
	return hashOf(...files.flatMap((f) => [f, readFileSync(join(ROOT, f), 'utf8')])).slice(0, 16);
}

/**
 * The hostile fixture built with the checks off, built once per change of the fixture or the
 * code. `output` is the build's log (empty when the build was reused).
 */
export function hostileBuild(): BuildResult {
	const dir = join(CACHE, buildKey());
	const outDir = join(dir, 'dist');
	const done = join(dir, 'done');
	if (existsSync(done)) return { status: 0, output: '', outDir };
	return withBuildLock(() => {
		// Another test process may have built it while this one waited for the lock.
		if (existsSync(done)) return { status: 0, output: '', outDir };
		rmSync(CACHE, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		const result = spawnSync('npx', ['astro', 'build', '--config', CONFIG, '--outDir', outDir], {
			cwd: ROOT,
			encoding: 'utf8',
			env: {
				...process.env,
				BRIEF_CONTENT_DIR: HOSTILE_FIXTURE,
				BRIEF_CACHE_DIR: join(dir, 'cache'),
				BRIEF_BUILD_TIME: FIXTURE_BUILD_TIME,
			},
		});
		if (result.status === 0) writeFileSync(done, new Date().toISOString());
		return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
	});
}
