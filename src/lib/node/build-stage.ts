/**
 * The in-place build's shared state: what `scripts/build.ts` and the integrations running inside
 * `astro build` tell each other about an incremental build.
 *
 * `scripts/build.ts` builds into a stage folder beside the output (`.dist-stage/` beside `dist/`)
 * that holds, when the build starts, exactly the last good output. Astro leaves the pages it
 * restores where they are, so a file's modification time says whether this build wrote it: a
 * marker file is written just before Astro starts, and every file written after it is at least as
 * new (`since`). The integrations use that to do only the work that changed (the search index,
 * the social cards, the Content Security Policy check) and report what they produced; the build
 * script then removes what no one produced, checks what changed and puts the stage in place.
 *
 * The state lives in `<cacheDir>/brief-stage/<output>/`: `state.json`, which describes the last
 * good output (and therefore the stage when a build starts), and `pending/`, where the
 * integrations of the running build write their reports. Outside an in-place build (plain
 * `astro build`, the tests' fixture builds) `inPlaceBuild()` is undefined and every integration
 * does its whole work.
 */
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { basename, join, relative, sep } from 'node:path';

/** What the last good output was made of, as far as the next build needs to know. */
export interface StageState {
	version: typeof STATE_VERSION;
	/** The output folder this state belongs to. */
	out: string;
	/**
	 * `clean`: the stage equals the output. `building`: a build is writing into the stage, since
	 * `since`. `swapping`: a checked build is being renamed into place (`swap`). `syncing`: the
	 * previous output is being brought up to date to become the next stage (`delta` says how).
	 */
	status: 'clean' | 'building' | 'swapping' | 'syncing';
	/** While `building`: the modification time (ms) of the marker written before Astro started. */
	since?: number;
	/** While `syncing`: what the last build wrote and removed, relative to the output. */
	delta?: { written: string[]; removed: string[] };
	/** While `swapping`: the folder being put in place, and the state and changes it brings. */
	swap?: {
		built: string;
		next: StageState;
		delta: { written: string[]; removed: string[] };
		/** The build did not start from the last output (an empty or fresh folder). */
		whole?: boolean;
	};
	/**
	 * The home pages of the output and the stage (inode and modification time) when this state
	 * was written: a build of the same output with another cache folder rewrites them, and this
	 * state is then not trusted.
	 */
	sentinels?: { out: string; stage: string };
	/** The Content Security Policy every page of the output carries. */
	policy?: string;
	/** The addresses of unpublished reports the output was checked not to mention. */
	hidden: string[];
	/** The fingerprint of the code that shapes the content store (see scripts/build.ts). */
	pipeline?: string;
	/** The social cards in the output: slug → card key (src/integrations/social-cards.ts). */
	cards: Record<string, string>;
	/** The pages the search index was built from, and its files (src/integrations/pagefind.ts). */
	search?: { pages: string[]; files: string[] };
}

export const STATE_VERSION = 1;

/** An integration's report on what it produced in this build (`pending/<name>.json`). */
export interface PendingReport {
	/** Files (relative to the output) this integration produced, written now or kept as they were. */
	outputs?: string[];
	/** What to remember in the state for the next build. */
	state?: Partial<Pick<StageState, 'policy' | 'cards' | 'search'>>;
}

/** The state folder of an output: `<cacheDir>/brief-stage/<name>-<hash of its path>/`. */
export function stateDirOf(cacheDir: string, out: string): string {
	const tag = createHash('sha256').update(out).digest('hex').slice(0, 12);
	return join(cacheDir, 'brief-stage', `${basename(out)}-${tag}`);
}

/** The stage folder of an output: `.dist-stage` beside `dist`. */
export function stageDirOf(out: string): string {
	return join(out, '..', `.${basename(out)}-stage`);
}

/** A fresh state for an output that has no stage yet. */
export function emptyState(out: string): StageState {
	return { version: STATE_VERSION, out, status: 'clean', hidden: [], cards: {} };
}

/** The state of an output, or undefined when there is none or it cannot be read. */
export function readState(stateDir: string): StageState | undefined {
	try {
		const state = JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8')) as StageState;
		return state.version === STATE_VERSION ? state : undefined;
	} catch {
		return undefined;
	}
}

/** Writes the state atomically (beside, then renamed), so a kill never leaves half of it. */
export function writeState(stateDir: string, state: StageState): void {
	mkdirSync(stateDir, { recursive: true });
	const file = join(stateDir, 'state.json');
	writeFileSync(`${file}.part`, JSON.stringify(state));
	renameSync(`${file}.part`, file);
}

/** Every file under `dir` with its modification time, as paths relative to it with `/`. */
export function listWithTimes(dir: string): { path: string; mtime: number }[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => {
			const file = join(d.parentPath, d.name);
			return { path: relative(dir, file).split(sep).join('/'), mtime: statSync(file).mtimeMs };
		});
}

/** Splits files into those written at or after `since` and those left as they were. */
export function splitBySince(
	files: readonly { path: string; mtime: number }[],
	since: number,
): { written: string[]; untouched: string[] } {
	const written: string[] = [];
	const untouched: string[] = [];
	for (const f of files) (f.mtime >= since ? written : untouched).push(f.path);
	return { written: written.sort(), untouched: untouched.sort() };
}

/** What an integration running inside an in-place build can ask. */
export interface InPlaceBuild {
	stateDir: string;
	/** The marker's modification time: files at least this new were written by this build. */
	since: number;
	/** The state of the last good output, which the stage held when this build started. */
	previous: StageState;
	/** A build from nothing (`--full`), into an empty folder: `previous` is empty. */
	fresh: boolean;
	/** Whether this build wrote the file (false when it does not exist). */
	wrote(file: string): boolean;
	/**
	 * Whether a file this build did not write is still part of the output: a page Astro kept
	 * (its manifest lists it). Any other file left from the last output is removed after the build.
	 */
	kept(path: string): boolean;
	/** Reports what the integration `name` produced, for scripts/build.ts. */
	report(name: string, report: PendingReport): void;
}

/** The in-place build this process is part of, or undefined (a plain `astro build`). */
export function inPlaceBuild(env: NodeJS.ProcessEnv = process.env): InPlaceBuild | undefined {
	const stateDir = env.BRIEF_STAGE_STATE;
	const since = Number(env.BRIEF_WRITTEN_SINCE);
	if (!stateDir || !Number.isFinite(since)) return undefined;
	// A fresh build (`--full`) writes into an empty folder: nothing is kept from before.
	const fresh = env.BRIEF_STAGE_FRESH === '1';
	const previous = fresh ? emptyState('') : readState(stateDir);
	const manifest = env.BRIEF_ASTRO_MANIFEST;
	if (!previous || !manifest) return undefined;
	let keptByAstro: Set<string> | undefined = fresh ? new Set() : undefined;
	return {
		stateDir,
		since,
		previous,
		fresh,
		kept(path) {
			keptByAstro ??= astroOutputs(manifest);
			return keptByAstro.has(path);
		},
		wrote(file) {
			try {
				return statSync(file).mtimeMs >= since;
			} catch {
				return false;
			}
		},
		report(name, report) {
			const pending = join(stateDir, 'pending');
			mkdirSync(pending, { recursive: true });
			writeFileSync(join(pending, `${name}.json`), JSON.stringify(report));
		},
	};
}

/** The version of Astro's `incremental-build.json` this code reads (Astro 7.3). */
const ASTRO_MANIFEST_VERSION = 1;

/**
 * Every output file Astro's incremental manifest lists: the pages with a cache key that the
 * build rendered or kept, relative to the output folder. Throws when the manifest is of a
 * version this code does not know, rather than guess which files are still wanted.
 */
export function astroOutputs(manifestFile: string): Set<string> {
	if (!existsSync(manifestFile)) return new Set();
	const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
		version?: unknown;
		routes?: Record<string, { paths: Record<string, { outputFile: string }> }>;
	};
	if (manifest.version !== ASTRO_MANIFEST_VERSION || !manifest.routes) {
		throw new Error(
			`${manifestFile} is not an incremental-build manifest this build knows (version ${String(manifest.version)}); build with --full, and update src/lib/node/build-stage.ts for this Astro version`,
		);
	}
	const files = new Set<string>();
	for (const route of Object.values(manifest.routes)) {
		for (const path of Object.values(route.paths)) files.add(path.outputFile);
	}
	return files;
}

/** The integrations' reports of the build that just ran, by integration name. */
export function readPending(stateDir: string): Record<string, PendingReport> {
	const dir = join(stateDir, 'pending');
	if (!existsSync(dir)) return {};
	return Object.fromEntries(
		readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.map((f) => [
				f.slice(0, -5),
				JSON.parse(readFileSync(join(dir, f), 'utf8')) as PendingReport,
			]),
	);
}
