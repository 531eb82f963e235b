/**
 * The folders of an incremental build and their life cycle (docs/architecture.md, "Incremental
 * builds"): the output (`dist/`), the stage beside it (`.dist-stage/`), where Astro builds in
 * place, and, for the moment of the swap, the previous output moved aside (`.dist-previous/`).
 *
 * A build starts from a stage that holds exactly the last good output; Astro leaves the pages it
 * restores as they are and writes the others, so the files newer than the marker are this
 * build's changes. After the checks pass, the stage and the output trade places by two renames,
 * and the previous output, now aside, is brought up to date by copying only the changed files
 * into it (and removing those the build removed): it is the next build's stage. Nothing is
 * copied or deleted wholesale, except on the first build and after a crash.
 *
 * Every step is recorded in the state (`src/lib/node/build-stage.ts`) before it is taken, so a
 * build killed at any moment leaves a state the next one repairs: it puts a half-swapped output
 * back, finishes an interrupted sync, or undoes what a failed build wrote into the stage by
 * copying those files back from the output.
 */
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	renameSync,
	rmdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { copyIfChanged } from '../../src/lib/node/put-file.ts';
import { basename, dirname, join } from 'node:path';
import {
	emptyState,
	listWithTimes,
	splitBySince,
	readState,
	stageDirOf,
	stateDirOf,
	writeState,
	type StageState,
} from '../../src/lib/node/build-stage.ts';

export interface StagePaths {
	out: string;
	stage: string;
	/** The previous output during the swap. */
	aside: string;
	stateDir: string;
	/** Astro's incremental manifest, where Astro reads and writes it. */
	astroManifest: string;
	/** The manifest that goes with the last good output, kept beside the state. */
	savedManifest: string;
	/** Astro's copies of the pages it rendered, restored when a page is missing from the output. */
	astroCopies: string;
	/** Written just before Astro starts: its modification time is the build's "since". */
	marker: string;
}

export function stagePaths(out: string, cacheDir: string): StagePaths {
	const stateDir = stateDirOf(cacheDir, out);
	return {
		out,
		stage: stageDirOf(out),
		aside: join(dirname(out), `.${basename(out)}-previous`),
		stateDir,
		astroManifest: join(cacheDir, 'incremental-build.json'),
		savedManifest: join(stateDir, 'astro-manifest.json'),
		astroCopies: join(cacheDir, 'dist'),
		marker: join(stateDir, 'marker'),
	};
}

/** Copies one file, making its folder; replaces whatever is at the target. */
function copyInto(from: string, to: string): void {
	mkdirSync(dirname(to), { recursive: true });
	copyFileSync(from, to);
}

/** Removes files (relative to `dir`) and then the folders they leave empty. */
export function removeFiles(dir: string, files: readonly string[]): void {
	const folders = new Set<string>();
	for (const file of files) {
		rmSync(join(dir, file), { force: true });
		for (let d = dirname(file); d !== '.' && d !== '/'; d = dirname(d)) folders.add(d);
	}
	// Deepest first, so a parent is tried only after its children.
	for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
		try {
			rmdirSync(join(dir, folder));
		} catch {
			// Not empty: other files live there.
		}
	}
}

/** Makes `target` hold exactly the files of `source`, copying all of them. */
function copyWhole(source: string, target: string): void {
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	for (const { path } of listWithTimes(source)) copyInto(join(source, path), join(target, path));
}

/**
 * Undoes a build that did not finish: every file it wrote into the stage (at least as new as
 * `since`) is copied back from the output, or removed if the output has none; with `thorough`
 * (after a crash, which may have struck while files were being removed) every file of the output
 * missing from the stage is copied back too. Astro's own copies of what it rendered are dropped,
 * so that no later build restores one of them. Returns how many files were put back.
 */
function revert(paths: StagePaths, since: number, thorough: boolean): number {
	const written = listWithTimes(paths.stage).filter((f) => f.mtime >= since);
	const gone: string[] = [];
	for (const { path } of written) {
		const good = join(paths.out, path);
		if (existsSync(good)) copyInto(good, join(paths.stage, path));
		else gone.push(path);
	}
	removeFiles(paths.stage, gone);
	let missing = 0;
	if (thorough) {
		for (const { path } of listWithTimes(paths.out)) {
			if (existsSync(join(paths.stage, path))) continue;
			copyInto(join(paths.out, path), join(paths.stage, path));
			missing++;
		}
	}
	removeFiles(
		paths.astroCopies,
		listWithTimes(paths.astroCopies)
			.filter((f) => f.mtime >= since)
			.map((f) => f.path),
	);
	return written.length + missing;
}

/** What a build leaves behind for the next: what changed, and the folder it was built in. */
export interface Swap {
	/** Where the checked build is: the stage, or a fresh folder (`--full`). */
	built: string;
	/** The state once it is in place. */
	next: StageState;
	/** Files written and removed, relative to the output (for a fresh folder: worked out later). */
	delta: { written: string[]; removed: string[] };
	/** The build did not start from the last output (an empty or fresh folder). */
	whole?: boolean;
}

/**
 * What ties a state to its folders: the home page of the output and of the stage, each by inode
 * and modification time. Every build writes the home page, so a build of the same output with
 * another cache folder (another state) changes them, and this state is then not trusted.
 */
function sentinelsOf(paths: StagePaths): { out: string; stage: string } | undefined {
	try {
		const mark = (dir: string) => {
			const s = statSync(join(dir, 'index.html'));
			return `${s.ino}:${s.mtimeMs}`;
		};
		return { out: mark(paths.out), stage: mark(paths.stage) };
	} catch {
		return undefined;
	}
}

/** Every file of the new output, and those of the previous output it no longer has. */
function wholeDelta(paths: StagePaths): { written: string[]; removed: string[] } {
	const now = new Set(listWithTimes(paths.out).map((f) => f.path));
	return {
		written: [...now],
		removed: listWithTimes(paths.aside)
			.map((f) => f.path)
			.filter((p) => !now.has(p)),
	};
}

/** Brings the previous output (aside) up to date with the new one, then makes it the stage. */
function syncAside(paths: StagePaths, delta: { written: string[]; removed: string[] }): void {
	if (existsSync(paths.aside)) {
		for (const path of delta.written) copyIfChanged(join(paths.out, path), join(paths.aside, path));
		removeFiles(paths.aside, delta.removed);
		rmSync(paths.stage, { recursive: true, force: true });
		renameSync(paths.aside, paths.stage);
	} else if (!existsSync(paths.stage)) {
		// The first build: there was no previous output to bring up to date.
		copyWhole(paths.out, paths.stage);
	}
}

/** Once the new output is in place: its manifest kept, the previous output made the stage. */
function afterSwap(paths: StagePaths, swap: Swap): void {
	if (existsSync(paths.astroManifest)) copyFileSync(paths.astroManifest, paths.savedManifest);
	else rmSync(paths.savedManifest, { force: true });
	let delta = swap.delta;
	if (swap.built !== paths.stage || swap.whole) {
		// Not built from the last output: the previous output takes every file. (After a fresh
		// build, the old stage is of no use.)
		if (swap.built !== paths.stage) rmSync(paths.stage, { recursive: true, force: true });
		delta = wholeDelta(paths);
	}
	writeState(paths.stateDir, { ...swap.next, status: 'syncing', delta });
	syncAside(paths, delta);
	const sentinels = sentinelsOf(paths);
	writeState(paths.stateDir, {
		...swap.next,
		status: 'clean',
		...(sentinels ? { sentinels } : {}),
	});
}

export interface Prepared {
	state: StageState;
	/** The stage starts empty: there was no last output to start from (or it was not trusted). */
	fromEmpty: boolean;
	/** What was repaired, for the log. */
	notes: string[];
}

/**
 * Makes the stage hold exactly the last good output, repairing whatever an interrupted build
 * left, and puts the Astro manifest that goes with that output where Astro reads it. Without a
 * usable state the stage starts empty and Astro renders everything.
 */
export function prepareStage(paths: StagePaths): Prepared {
	const notes: string[] = [];
	let state = readState(paths.stateDir);
	if (state && state.out !== paths.out) state = undefined;

	if (state?.status === 'swapping' && state.swap && state.since !== undefined) {
		const { swap, since } = state;
		if (existsSync(swap.built)) {
			// Stopped before the checked build was renamed into place: back to the last output.
			if (!existsSync(paths.out) && existsSync(paths.aside)) renameSync(paths.aside, paths.out);
			if (swap.built === paths.stage) revert(paths, since, true);
			else rmSync(swap.built, { recursive: true, force: true });
			state = { ...state, status: 'clean' };
			notes.push('a build was stopped while it was being put in place: the last output stays');
		} else if (existsSync(paths.out)) {
			// Stopped just after: the new output is in place; finish what follows.
			afterSwap(paths, swap);
			state = readState(paths.stateDir);
			notes.push('finished putting in place a build that was stopped at the last step');
		} else {
			// The checked build is gone before it was put in place (someone removed it): the last
			// output comes back from aside, and the stage is made again from it.
			if (existsSync(paths.aside)) renameSync(paths.aside, paths.out);
			state = undefined;
			notes.push(
				'a build was stopped while it was being put in place and is gone: the last output stays',
			);
		}
	}
	if (state?.status === 'syncing' && state.delta) {
		syncAside(paths, state.delta);
		state = { ...state, status: 'clean' };
		notes.push('finished bringing the stage up to date after an interrupted build');
	}
	if (state?.status === 'building' && state.since !== undefined) {
		const n = revert(paths, state.since, true);
		state = { ...state, status: 'clean' };
		notes.push(`put back ${n} files that a build which did not finish had changed`);
	}
	if (state) {
		// Repaired: the stage equals the output again, whatever the repair rewrote.
		if (notes.length > 0) {
			const repaired = sentinelsOf(paths);
			if (repaired) state.sentinels = repaired;
		}
		delete state.since;
		delete state.delta;
		delete state.swap;
	}
	if (state?.status === 'clean' && !existsSync(paths.stage) && existsSync(paths.out)) {
		copyWhole(paths.out, paths.stage);
		const copied = sentinelsOf(paths);
		if (copied) state.sentinels = copied;
		notes.push('the stage was missing: copied the output into it');
	}
	const sentinels = sentinelsOf(paths);
	const moved =
		state?.sentinels !== undefined &&
		(sentinels?.out !== state.sentinels.out || sentinels.stage !== state.sentinels.stage);
	if (moved) notes.push('the output or the stage was changed by another build');
	let fromEmpty = false;
	if (
		moved ||
		state?.status !== 'clean' ||
		!existsSync(paths.stage) ||
		!existsSync(paths.savedManifest)
	) {
		// Nothing to start from: an empty stage, no manifest, every page rendered.
		rmSync(paths.stage, { recursive: true, force: true });
		rmSync(paths.aside, { recursive: true, force: true });
		mkdirSync(paths.stage, { recursive: true });
		rmSync(paths.savedManifest, { force: true });
		state = emptyState(paths.out);
		fromEmpty = true;
		notes.push('no earlier build to start from: every page is rendered');
	}
	rmSync(paths.aside, { recursive: true, force: true });
	if (existsSync(paths.savedManifest)) copyFileSync(paths.savedManifest, paths.astroManifest);
	else rmSync(paths.astroManifest, { force: true });
	rmSync(join(paths.stateDir, 'pending'), { recursive: true, force: true });
	writeState(paths.stateDir, state);
	return { state, fromEmpty, notes };
}

/**
 * A build from nothing has no use for the stage: it builds into a folder of its own, and the
 * previous output becomes the next stage. This moves the stage out of the way at once and removes
 * it on Node's thread pool while Astro builds, rather than after the build (10 s at 10,000
 * reports). A build interrupted after the move leaves no stage, which the next one repairs by
 * copying the output into it (`prepareStage`), and the moved folder is then the temporary of a
 * build no longer running, which it removes.
 */
export function clearStage(paths: StagePaths): Promise<void> {
	if (!existsSync(paths.stage)) return Promise.resolve();
	const moved = join(dirname(paths.out), `.tmp-old-${basename(paths.out)}-${process.pid}`);
	rmSync(moved, { recursive: true, force: true });
	renameSync(paths.stage, moved);
	return rm(moved, { recursive: true, force: true });
}

/** Records that a build is about to write into the stage; returns its "since". */
export function startBuilding(paths: StagePaths, state: StageState): number {
	mkdirSync(paths.stateDir, { recursive: true });
	writeFileSync(paths.marker, String(Date.now()));
	const since = statSync(paths.marker).mtimeMs;
	writeState(paths.stateDir, { ...state, status: 'building', since });
	return since;
}

/** Puts back what a failed build wrote into the stage, so the next build starts clean. */
export function abandonBuild(paths: StagePaths, state: StageState, since: number): void {
	revert(paths, since, false);
	// The files put back are new files to the file system: record them, or the next build would
	// take the stage for another build's and start from empty.
	const sentinels = sentinelsOf(paths) ?? state.sentinels;
	writeState(paths.stateDir, { ...state, status: 'clean', ...(sentinels ? { sentinels } : {}) });
}

/**
 * Puts a checked build in place: `swap.built` (the stage, or a fresh folder) becomes the output,
 * the previous output is brought up to date and becomes the stage, and `swap.next` the state.
 * Each step is recorded first, so an interruption is repaired by `prepareStage`.
 */
export function publish(paths: StagePaths, old: StageState, since: number, swap: Swap): void {
	writeState(paths.stateDir, { ...old, status: 'swapping', since, swap });
	rmSync(paths.aside, { recursive: true, force: true });
	if (existsSync(paths.out)) renameSync(paths.out, paths.aside);
	try {
		renameSync(swap.built, paths.out);
	} catch (error) {
		if (existsSync(paths.aside)) renameSync(paths.aside, paths.out);
		writeState(paths.stateDir, { ...old, status: 'building', since });
		throw error;
	}
	afterSwap(paths, swap);
}

/** The files of a folder, each with whether it is at least as new as `since`. */
export function changesIn(dir: string, since: number): { written: string[]; untouched: string[] } {
	return splitBySince(listWithTimes(dir), since);
}
