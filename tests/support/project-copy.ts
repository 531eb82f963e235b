/**
 * A copy of the project in a scratch folder, for tests that change its code (a component, a
 * stylesheet) or must build without disturbing other builds: the source, scripts, public files
 * and configuration are copied, `node_modules` is linked. Builds in the copy have their own
 * `.astro/` folder, so they never meet another test's prerender chunks.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixture-build.ts';

/** What a build needs of the project. */
const PARTS = [
	'src',
	'scripts',
	'public',
	'astro.config.ts',
	'package.json',
	'package-lock.json',
	'tsconfig.json',
];

/** Copies the project into `dir` and returns it. */
export function copyProject(dir: string): string {
	mkdirSync(dir, { recursive: true });
	for (const part of PARTS) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}

export interface BuildRun {
	status: number | null;
	output: string;
}

/** The environment of a build of `content` with its own cache folder. */
export function buildEnv(
	content: string,
	cache: string,
	extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
	return {
		...process.env,
		BRIEF_CONTENT_DIR: content,
		BRIEF_CACHE_DIR: cache,
		// Vitest sets these; a build must not follow them.
		DEV: '',
		CI: '',
		...extra,
	};
}

/** Runs `node scripts/build.ts args…` in the project at `project`. */
export function runBuild(project: string, args: string[], env: NodeJS.ProcessEnv): BuildRun {
	const result = spawnSync(process.execPath, ['scripts/build.ts', ...args], {
		cwd: project,
		encoding: 'utf8',
		env,
		maxBuffer: 256 * 1024 * 1024,
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Starts `node scripts/build.ts args…` without waiting, in its own process group. */
export function startBuild(project: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
	return spawn(process.execPath, ['scripts/build.ts', ...args], {
		cwd: project,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}
