/**
 * The stage's life cycle on small folders: what an incremental build starts from, how a checked
 * build is put in place and the previous output made the next stage, and how what an interrupted
 * build left is repaired. The builds here are simulated: files written into the stage after
 * `startBuilding`, as Astro writes them.
 */
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readState, writeState, type StageState } from '../../../src/lib/node/build-stage.ts';
import {
	abandonBuild,
	changesIn,
	clearStage,
	prepareStage,
	publish,
	removeFiles,
	stagePaths,
	startBuilding,
	type StagePaths,
} from '../../../scripts/lib/stage.ts';

const scratch = mkdtempSync(join(tmpdir(), 'brief-stage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder's files and their text. */
function contents(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!d.isFile()) continue;
		const file = join(d.parentPath, d.name);
		out[relative(dir, file)] = readFileSync(file, 'utf8');
	}
	return out;
}

/** Writes files into a folder, each with a modification time in the past unless `fresh`. */
function put(dir: string, files: Record<string, string>): void {
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
}

let n = 0;
function project(): StagePaths {
	const dir = join(scratch, `p${++n}`);
	mkdirSync(dir);
	return stagePaths(join(dir, 'dist'), join(dir, 'cache'));
}

/**
 * One simulated build: `files` written into the stage (Astro also writes its manifest), `gone`
 * no longer produced; the rest kept. Published unless `fail`.
 */
function simulate(
	paths: StagePaths,
	files: Record<string, string>,
	gone: string[] = [],
	options: { fail?: boolean } = {},
): StageState {
	const { state, fromEmpty } = prepareStage(paths);
	const since = startBuilding(paths, state);
	put(paths.stage, files);
	writeFileSync(paths.astroManifest, JSON.stringify({ version: 1, routes: {}, n }));
	if (options.fail) {
		abandonBuild(paths, state, since);
		return state;
	}
	const { written } = changesIn(paths.stage, since);
	removeFiles(paths.stage, gone);
	const next = { ...state, hidden: [] };
	publish(paths, state, since, {
		built: paths.stage,
		next,
		delta: { written, removed: gone },
		whole: fromEmpty,
	});
	return next;
}

describe('the stage of an incremental build', () => {
	it('starts empty the first time, and after the build holds exactly the output', () => {
		const paths = project();
		const { fromEmpty } = prepareStage(paths);
		expect(fromEmpty).toBe(true);
		simulate(paths, { 'index.html': 'home', 'reports/a/index.html': 'a' });
		expect(contents(paths.out)).toEqual({ 'index.html': 'home', 'reports/a/index.html': 'a' });
		expect(contents(paths.stage)).toEqual(contents(paths.out));
		expect(readState(paths.stateDir)?.status).toBe('clean');
	});

	it('brings the previous output up to date with only what the next build wrote and removed', () => {
		const paths = project();
		simulate(paths, {
			'index.html': 'home',
			'reports/a/index.html': 'a',
			'reports/b/index.html': 'b',
		});
		const { fromEmpty } = prepareStage(paths);
		expect(fromEmpty).toBe(false);
		simulate(paths, { 'index.html': 'home 2', 'reports/c/index.html': 'c' }, [
			'reports/b/index.html',
		]);
		const expected = {
			'index.html': 'home 2',
			'reports/a/index.html': 'a',
			'reports/c/index.html': 'c',
		};
		expect(contents(paths.out)).toEqual(expected);
		expect(contents(paths.stage)).toEqual(expected);
		// The folder of a removed page goes too.
		expect(readdirSync(join(paths.out, 'reports')).sort()).toEqual(['a', 'c']);
	});

	it('tells the files a build wrote from those it left', () => {
		const paths = project();
		simulate(paths, { 'a.html': 'a', 'b.html': 'b' });
		const { state } = prepareStage(paths);
		// The stage's files are older than the marker written when the build starts.
		const old = new Date(Date.now() - 60_000);
		for (const f of ['a.html', 'b.html']) utimesSync(join(paths.stage, f), old, old);
		const since = startBuilding(paths, state);
		put(paths.stage, { 'b.html': 'b2', 'c.html': 'c' });
		expect(changesIn(paths.stage, since)).toEqual({
			written: expect.arrayContaining(['b.html', 'c.html']) as string[],
			untouched: ['a.html'],
		});
		abandonBuild(paths, state, since);
	});

	it('puts back what a failed build wrote, and leaves the output as it was', () => {
		const paths = project();
		simulate(paths, { 'index.html': 'home', 'reports/a/index.html': 'a' });
		simulate(paths, { 'index.html': 'broken', 'reports/x/index.html': 'x' }, [], { fail: true });
		expect(contents(paths.out)).toEqual({ 'index.html': 'home', 'reports/a/index.html': 'a' });
		expect(contents(paths.stage)).toEqual(contents(paths.out));
	});

	it('repairs the stage of a build that was killed while it wrote', () => {
		const paths = project();
		simulate(paths, { 'index.html': 'home', 'reports/a/index.html': 'a' });
		const { state } = prepareStage(paths);
		startBuilding(paths, state);
		put(paths.stage, { 'index.html': 'half', 'reports/y/index.html': 'y' });
		rmSync(join(paths.stage, 'reports/a/index.html'));
		// Killed here: the state still says "building".
		const { notes } = prepareStage(paths);
		expect(notes.join(' ')).toMatch(/put back \d+ files/);
		expect(contents(paths.stage)).toEqual(contents(paths.out));
		expect(contents(paths.out)).toEqual({ 'index.html': 'home', 'reports/a/index.html': 'a' });
	});

	it('puts the last output back when a build was killed between the two renames of the swap', () => {
		const paths = project();
		simulate(paths, { 'index.html': 'home' });
		const { state } = prepareStage(paths);
		const since = startBuilding(paths, state);
		put(paths.stage, { 'index.html': 'new' });
		const swap = {
			built: paths.stage,
			next: { ...state, hidden: [] },
			delta: { written: ['index.html'], removed: [] },
		};
		writeState(paths.stateDir, { ...state, status: 'swapping', since, swap });
		renameSync(paths.out, paths.aside);
		// Killed here: no output at all until the next build repairs it.
		prepareStage(paths);
		expect(contents(paths.out)).toEqual({ 'index.html': 'home' });
		expect(contents(paths.stage)).toEqual({ 'index.html': 'home' });
	});

	it('keeps the last output when a full build was killed between the renames and its folder then removed', () => {
		const paths = project();
		simulate(paths, { 'index.html': 'home', 'reports/a/index.html': 'a' });
		const { state } = prepareStage(paths);
		const since = startBuilding(paths, state);
		// A --full build checks its output in a folder of its own, then swaps it in.
		const built = join(dirname(paths.out), '.tmp-dist-99999');
		put(built, { 'index.html': 'new' });
		const swap = {
			built,
			next: { ...state, hidden: [] },
			delta: { written: [], removed: [] },
			whole: true,
		};
		writeState(paths.stateDir, { ...state, status: 'swapping', since, swap });
		renameSync(paths.out, paths.aside);
		// Killed here; the next build's clean-up of dead builds' folders removes that folder.
		rmSync(built, { recursive: true, force: true });
		prepareStage(paths);
		expect(contents(paths.out)).toEqual({ 'index.html': 'home', 'reports/a/index.html': 'a' });
	});

	it('clears the stage for a build from nothing, and after one killed meanwhile copies the output into a new stage', async () => {
		const paths = project();
		simulate(paths, { 'index.html': 'home', 'reports/a/index.html': 'a' });
		await clearStage(paths);
		expect(existsSync(paths.stage)).toBe(false);
		expect(readdirSync(dirname(paths.out)).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
		expect(contents(paths.out)).toEqual({ 'index.html': 'home', 'reports/a/index.html': 'a' });
		// Killed before it was put in place: the next build starts from a copy of the output.
		const { fromEmpty, notes } = prepareStage(paths);
		expect(notes).toContain('the stage was missing: copied the output into it');
		expect(fromEmpty).toBe(false);
		expect(contents(paths.stage)).toEqual(contents(paths.out));
		await expect(clearStage(project())).resolves.toBeUndefined();
	});

	it('starts the build after a failed one from the stage, not from empty', () => {
		const paths = project();
		simulate(paths, { 'index.html': 'home', 'reports/a/index.html': 'a' });
		simulate(paths, { 'index.html': 'broken' }, [], { fail: true });
		const { fromEmpty, notes } = prepareStage(paths);
		expect(notes).toEqual([]);
		expect(fromEmpty).toBe(false);
	});

	it('finishes a swap that was killed once the new output was in place', () => {
		const paths = project();
		simulate(paths, { 'index.html': 'home', 'old.html': 'old' });
		const { state } = prepareStage(paths);
		const since = startBuilding(paths, state);
		put(paths.stage, { 'index.html': 'new' });
		rmSync(join(paths.stage, 'old.html'));
		const swap = {
			built: paths.stage,
			next: { ...state, hidden: ['/reports/x/'] },
			delta: { written: ['index.html'], removed: ['old.html'] },
		};
		writeState(paths.stateDir, { ...state, status: 'swapping', since, swap });
		renameSync(paths.out, paths.aside);
		renameSync(paths.stage, paths.out);
		// Killed here: the new output is in place, the previous one aside.
		prepareStage(paths);
		expect(contents(paths.out)).toEqual({ 'index.html': 'new' });
		expect(contents(paths.stage)).toEqual({ 'index.html': 'new' });
		expect(readState(paths.stateDir)?.hidden).toEqual(['/reports/x/']);
	});

	it('starts from an empty stage when another build has written the output since', () => {
		const paths = project();
		simulate(paths, { 'index.html': 'home' });
		// A build of the same output with another cache folder (so another state) publishes.
		const other = stagePaths(paths.out, join(paths.out, '../other-cache'));
		simulate(other, { 'index.html': 'other home' });
		const { fromEmpty, notes } = prepareStage(paths);
		expect(fromEmpty).toBe(true);
		expect(notes).toContain('the output or the stage was changed by another build');
	});
});
