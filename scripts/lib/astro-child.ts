/**
 * Runs `astro build` in a child process for scripts/build.ts: its output is shown as it comes and
 * kept (for the phase summary), a SIGINT or SIGTERM to the build script is passed on to it, and it
 * stops by itself if the build script is killed outright (./exit-with-parent.ts).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ChildResult {
	/** The exit code, or undefined when it was stopped by a signal. */
	code: number | undefined;
	signal: NodeJS.Signals | undefined;
	/** Everything it printed, stdout and stderr. */
	output: string;
}

const astroBin = join(
	dirname(createRequire(import.meta.url).resolve('astro/package.json')),
	'bin/astro.mjs',
);

/** Runs `astro <args>` with `env`; resolves when it has exited. */
export function runAstro(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ChildResult> {
	const guard = pathToFileURL(join(import.meta.dirname, 'exit-with-parent.ts')).href;
	const child = spawn(process.execPath, ['--import', guard, astroBin, ...args], {
		env: { ...env, BRIEF_PARENT_PID: String(process.pid) },
		stdio: ['inherit', 'pipe', 'pipe'],
	});
	const chunks: string[] = [];
	child.stdout.on('data', (chunk: Buffer) => {
		process.stdout.write(chunk);
		chunks.push(chunk.toString());
	});
	child.stderr.on('data', (chunk: Buffer) => {
		process.stderr.write(chunk);
		chunks.push(chunk.toString());
	});
	const forward = (signal: NodeJS.Signals) => child.kill(signal);
	process.on('SIGINT', forward);
	process.on('SIGTERM', forward);
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code, signal) => {
			process.off('SIGINT', forward);
			process.off('SIGTERM', forward);
			resolve({ code: code ?? undefined, signal: signal ?? undefined, output: chunks.join('') });
		});
	});
}
