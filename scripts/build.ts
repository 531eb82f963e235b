/**
 * `npm run build`: builds the site, checks that no unpublished report left a trace in it, and
 * only then puts it in place of `dist/`. A build that fails at any step (content checks,
 * rendering, the search index, the leak check) leaves the last good `dist/` exactly as it was.
 *
 *   node scripts/build.ts                       # the public site, into dist/, incrementally
 *   node scripts/build.ts --full                # from scratch (also: BRIEF_FULL_BUILD=1)
 *   node scripts/build.ts --preview             # an author's preview with drafts, into dist-preview/
 *   node scripts/build.ts --outDir path/to/out  # elsewhere (tests, the benchmark)
 *
 * Content comes from `BRIEF_CONTENT_DIR` (default `content/`); `BRIEF_BUILD_TIME` sets the
 * moment embargoes are checked against.
 *
 * By default the build is incremental (docs/architecture.md, "Incremental builds"): Astro builds
 * in place into the stage beside the output (`.dist-stage/`), which holds the last good output,
 * restores every page whose cache key is unchanged without touching it, and writes the rest; the
 * leak check reads what was written (everything on `--full` and in CI); the stage and `dist/`
 * then trade places, and the previous output gets the changed files to become the next stage.
 * `--full` builds into an empty folder with `astro build --force` (content store and page cache
 * cleared) and checks every file. Either way one build at a time writes an output (a lock beside
 * it names the holder), and what a killed build left is repaired by the next.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFolder } from '../src/lib/node/folder.ts';
import { contentDir } from '../src/lib/model/collections.ts';
import {
	scanFiles,
	scanFilesInParallel,
	scanOutputInParallel,
	type Finding,
} from '../src/lib/node/output-scan.ts';
import { resolveBuildTime } from '../src/lib/model/publish.ts';
import { reportVisibility } from '../src/lib/checks/entries.ts';
import { reportPath } from '../src/lib/routes.ts';
import { pipelineFingerprint } from '../src/lib/node/fingerprint.ts';
import { cacheFolder } from '../src/lib/node/file-cache.ts';
import {
	astroOutputs,
	emptyState,
	listWithTimes,
	readPending,
	type StageState,
} from '../src/lib/node/build-stage.ts';
import { replaceDirectory } from './lib/replace-dir.ts';
import { contentEntryCache } from '../src/integrations/content-check.ts';
import { acquireLock, LockHeld, staleTemporaries } from './lib/build-lock.ts';
import { runAstro } from './lib/astro-child.ts';
import { astroPhases, phaseLine, PHASES_JSON } from './lib/build-phases.ts';
import {
	abandonBuild,
	changesIn,
	clearStage,
	prepareStage,
	publish,
	removeFiles,
	stagePaths,
	startBuilding,
} from './lib/stage.ts';

const { values } = parseArgs({
	options: {
		preview: { type: 'boolean', default: false },
		full: { type: 'boolean', default: false },
		outDir: { type: 'string' },
	},
});
const preview = values.preview;
const full = values.full || /^(1|true|yes)$/i.test(process.env.BRIEF_FULL_BUILD ?? '');
const root = process.cwd();
const out = resolve(values.outDir ?? (preview ? 'dist-preview' : 'dist'));
const rel = relative(root, out);
const shown = rel && !rel.startsWith('..') ? rel : out;
const cacheDir = cacheFolder(root);
const started = performance.now();
const phases: [string, number][] = [];
const since0 = () => performance.now();
const timed = <T>(name: string, fn: () => T): T => {
	const t = since0();
	const result = fn();
	phases.push([name, (since0() - t) / 1000]);
	return result;
};
const timedAsync = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
	const t = since0();
	const result = await fn();
	phases.push([name, (since0() - t) / 1000]);
	return result;
};

function fail(message: string, cleanup?: () => void): never {
	cleanup?.();
	console.error(`\n${message}\n${shown}/ was left as it was.`);
	process.exit(1);
}

if (preview && out === resolve('dist')) {
	fail('A preview build contains drafts and embargoed reports: it never goes into dist/.');
}

// One build at a time per output; a lock left by a killed build is taken over.
mkdirSync(dirname(out), { recursive: true });
let release: () => void = () => undefined;
try {
	release = acquireLock(
		join(dirname(out), `.${basename(out)}.lock`),
		shown,
		['node', 'scripts/build.ts', ...process.argv.slice(2)].join(' '),
	);
} catch (error) {
	if (error instanceof LockHeld) fail(error.message);
	throw error;
}
process.on('exit', () => release());
/**
 * Removes the temporary folders of builds that are no longer running. Only once the stage is
 * repaired: a full build killed between the two renames of its swap left its checked output in
 * such a folder, and the repair decides whether it goes or the last output comes back.
 */
function removeStaleTemporaries(): void {
	for (const stale of staleTemporaries(out)) {
		console.log(`Removing ${basename(stale)}, left by a build that is no longer running.`);
		rmSync(stale, { recursive: true, force: true });
	}
}

const env: NodeJS.ProcessEnv = { ...process.env };
if (preview) env.BRIEF_PREVIEW = '1';
else delete env.BRIEF_PREVIEW;
// Fixed once for the whole build: the content checks, the pages and the leak check below all
// judge embargoes against the same moment.
const now = resolveBuildTime(env.BRIEF_BUILD_TIME);
env.BRIEF_BUILD_TIME = now.toISOString();
for (const name of [
	'BRIEF_BUILD_IN_PLACE',
	'BRIEF_STAGE_STATE',
	'BRIEF_STAGE_FRESH',
	'BRIEF_WRITTEN_SINCE',
	'BRIEF_ASTRO_MANIFEST',
]) {
	delete env[name];
}

/** The addresses of every report that is not public now: what no published file may mention. */
function hiddenAddresses(): string[] {
	return reportVisibility(readFolder(resolve(contentDir()), root), now, contentEntryCache(root))
		.filter((r) => r.visibility.state !== 'public')
		.map((r) => reportPath(r.slug));
}

function leakMessage(findings: Finding[]): string {
	const lines = findings.map(
		(f) => `  - ${f.file}: its ${f.in} contains ${f.needle}, which is not public`,
	);
	return `The output mentions unpublished reports; nothing was published:\n${lines.join('\n')}`;
}

function summary(astroOutput: string, counts?: string): void {
	const astro = astroPhases(astroOutput);
	const all: [string, number][] = [
		...Object.entries(astro.seconds),
		...phases,
		['total', (since0() - started) / 1000],
	];
	console.log(`\nPhases: ${phaseLine(all)}`);
	console.log(
		`Routes: ${astro.rendered} rendered, ${astro.kept} kept from the last build${counts ? `; ${counts}` : ''}`,
	);
	console.log(
		`${PHASES_JSON}${JSON.stringify({ ...Object.fromEntries(all), rendered: astro.rendered, kept: astro.kept })}`,
	);
}

if (preview) {
	removeStaleTemporaries();
	// Previews are rare and never kept for the next build: an empty folder, the whole site.
	const tmp = join(dirname(out), `.tmp-${basename(out)}-${process.pid}`);
	rmSync(tmp, { recursive: true, force: true });
	const built = await runAstro(['build', '--outDir', tmp], env);
	if (built.code !== 0 || !existsSync(join(tmp, 'index.html'))) {
		fail(`The build failed (exit code ${built.code ?? built.signal}).`, () =>
			rmSync(tmp, { recursive: true, force: true }),
		);
	}
	replaceDirectory(tmp, out);
	console.log(`\nPreview (drafts included, noindex) built into ${shown}/`);
	process.exit(0);
}

const paths = stagePaths(out, cacheDir);
const prepared = timed('prepare', () => prepareStage(paths));
for (const note of prepared.notes) console.log(`[build] ${note}`);
removeStaleTemporaries();
const previous: StageState = prepared.state;
const pipeline = pipelineFingerprint(root);
// The content store keeps parsed fields and rendered HTML under each file's digest alone: a
// change to the code that made them means making them all again.
const force = full || previous.pipeline !== pipeline;
if (force && !full && previous.pipeline !== undefined) {
	console.log('[build] the Markdown pipeline, the schemas or the configuration changed: --force');
}

const fresh = full;
const built = fresh ? join(dirname(out), `.tmp-${basename(out)}-${process.pid}`) : paths.stage;
if (fresh) rmSync(built, { recursive: true, force: true });
// A removal that fails leaves a temporary folder the next build removes.
const clearing = (fresh ? clearStage(paths) : Promise.resolve()).catch((error: unknown) =>
	console.warn(`[build] the last stage could not be removed: ${String(error)}`),
);
const since = fresh ? 0 : startBuilding(paths, previous);
const giveUp = () => {
	if (fresh) rmSync(built, { recursive: true, force: true });
	else abandonBuild(paths, previous, since);
};

const astroEnv: NodeJS.ProcessEnv = {
	...env,
	BRIEF_STAGE_STATE: paths.stateDir,
	BRIEF_WRITTEN_SINCE: String(since),
	BRIEF_ASTRO_MANIFEST: paths.astroManifest,
	...(fresh ? { BRIEF_STAGE_FRESH: '1' } : { BRIEF_BUILD_IN_PLACE: '1' }),
};
const astroStarted = since0();
const result = await runAstro(
	['build', '--outDir', built, ...(force ? ['--force'] : [])],
	astroEnv,
);
phases.push(['astro build', (since0() - astroStarted) / 1000]);
if (result.code !== 0 || !existsSync(join(built, 'index.html'))) {
	fail(`The build failed (exit code ${result.code ?? result.signal}).`, giveUp);
}

// What this build wrote, what it kept, and what is left over from the last output.
const { written, untouched } = timed('changes', () =>
	fresh
		? { written: listWithTimes(built).map((f) => f.path), untouched: [] }
		: changesIn(built, since),
);
const pending = readPending(paths.stateDir);
const expected = new Set(astroOutputs(paths.astroManifest));
for (const report of Object.values(pending)) for (const f of report.outputs ?? []) expected.add(f);
const kept = untouched.filter((f) => expected.has(f));
const removed = untouched.filter((f) => !expected.has(f));
const removedSet = new Set(removed);

// The publish rule is applied by buildArchive; this checks its result, whatever route or
// integration produced the files: no unpublished report's address appears anywhere. Files this
// build kept were checked when they were written; they are searched again only for reports
// unpublished since, and in full in CI.
const hidden = await timedAsync('leak scan', async () => {
	const needles = hiddenAddresses();
	const everything = fresh || /^(1|true)$/i.test(process.env.CI ?? '');
	const before = new Set(previous.hidden);
	const newlyHidden = needles.filter((n) => !before.has(n));
	const worker = join(root, 'src/workers/output-scan-worker.ts');
	const findings = everything
		? (await scanOutputInParallel(built, needles, worker)).filter((f) => !removedSet.has(f.file))
		: [
				...(await scanFilesInParallel(built, written, needles, worker)),
				...scanFiles(built, kept, newlyHidden),
			];
	if (findings.length > 0) fail(leakMessage(findings), giveUp);
	return needles;
});

timed('prune', () => removeFiles(built, removed));

const next: StageState = {
	...emptyState(out),
	hidden,
	pipeline,
	cards: pending['social-cards']?.state?.cards ?? {},
	...(pending['csp-headers']?.state?.policy !== undefined
		? { policy: pending['csp-headers'].state.policy }
		: {}),
	...(pending.pagefind?.state?.search ? { search: pending.pagefind.state.search } : {}),
};
await clearing;
timed('swap and next stage', () =>
	publish(paths, previous, since, {
		built,
		next,
		delta: { written, removed },
		whole: prepared.fromEmpty,
	}),
);

if (removed.length > 0 && removed.length <= 20) {
	console.log(`[build] removed, no longer built: ${removed.join(', ')}`);
}
summary(
	result.output,
	`${written.length} files written, ${kept.length} kept, ${removed.length} removed`,
);
console.log(`\nSite built into ${shown}/${fresh ? ' (full build)' : ''}`);
