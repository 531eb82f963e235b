/**
 * The build of the record fixture (tests/fixtures/record: corrected, superseded and withdrawn
 * reports, kept versions, a kept file), made once and shared by the build-output test
 * (tests/integration/record.test.ts) and the browser test (tests/e2e/record.spec.ts): `npm test`
 * builds it in the first and serves the same files in the second.
 *
 * The build is kept in `node_modules/.cache/brief-record-build/` under a stamp of everything that
 * shapes it (the fixture, `src/`, the Astro config, the lock file and the build settings), and
 * rebuilt when any of them changes, so a test never reads a stale build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSite, FIXTURE_BUILD_TIME, ROOT, type BuildResult } from './fixture-build.ts';

/** The record fixture's content folder. */
export const RECORD_FIXTURE = join(ROOT, 'tests/fixtures/record');

/** The site URL the record fixture is built for. */
export const RECORD_SITE_URL = 'https://record.test.example';

const CACHE = join(ROOT, 'node_modules/.cache/brief-record-build');

/** Every file under `dir`, sorted, as absolute paths. */
function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => join(d.parentPath, d.name))
		.sort();
}

/** A hash of everything the build's output depends on. */
export function recordStamp(): string {
	const hash = createHash('sha256');
	hash.update(`${FIXTURE_BUILD_TIME}\n${RECORD_SITE_URL}\n`);
	const files = [
		...filesUnder(RECORD_FIXTURE),
		...filesUnder(join(ROOT, 'src')),
		join(ROOT, 'astro.config.ts'),
		join(ROOT, 'package-lock.json'),
	];
	for (const file of files) {
		hash.update(relative(ROOT, file));
		hash.update(readFileSync(file));
	}
	return hash.digest('hex');
}

/** The record fixture's build: the kept one when nothing it depends on has changed, else a new one. */
export function recordBuild(): BuildResult {
	const outDir = join(CACHE, 'dist');
	const stampFile = join(CACHE, 'stamp');
	const stamp = recordStamp();
	if (
		existsSync(stampFile) &&
		readFileSync(stampFile, 'utf8') === stamp &&
		existsSync(join(outDir, 'index.html'))
	) {
		return { status: 0, output: `reused the build of ${stamp.slice(0, 12)}`, outDir };
	}
	rmSync(CACHE, { recursive: true, force: true });
	mkdirSync(CACHE, { recursive: true });
	const result = buildSite(RECORD_FIXTURE, CACHE, { BRIEF_SITE_URL: RECORD_SITE_URL });
	if (result.status === 0) writeFileSync(stampFile, stamp);
	return result;
}
