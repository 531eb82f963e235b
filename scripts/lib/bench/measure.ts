/**
 * Runs a command and measures it: wall time always; CPU time (user + system, the command and every
 * process it started) and the peak memory of its largest process where GNU time is installed
 * (`/usr/bin/time`, Debian's `time` package, on Linux). Elsewhere those two are reported as
 * unknown rather than guessed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroPhases } from '../build-phases.ts';

export interface Measured {
	/** Seconds from start to exit. */
	wall: number;
	/** CPU seconds, user and system, summed over the command and its children; undefined if unknown. */
	cpu?: number;
	/** Peak resident memory of the largest single process, in bytes; undefined if unknown. */
	peakRss?: number;
	/** Everything the command printed (stdout and stderr). */
	output: string;
}

const GNU_TIME = '/usr/bin/time';
let gnuTime: boolean | undefined;

/** Whether GNU time is installed (BSD and macOS time have other flags). */
export function hasGnuTime(): boolean {
	if (gnuTime === undefined) {
		const probe = spawnSync(GNU_TIME, ['--version'], { encoding: 'utf8' });
		gnuTime = `${probe.stdout ?? ''}${probe.stderr ?? ''}`.includes('GNU');
	}
	return gnuTime;
}

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Prints the command's output as it runs (otherwise it is only kept). */
	echo?: boolean;
}

/** Runs `command args…`; throws with its output when it exits non-zero. */
export async function measure(
	command: string,
	args: readonly string[],
	options: RunOptions = {},
): Promise<Measured> {
	const scratch = mkdtempSync(join(tmpdir(), 'brief-time-'));
	const timeFile = join(scratch, 'time');
	const timed = hasGnuTime();
	const [cmd, argv] = timed
		? [GNU_TIME, ['-o', timeFile, '-f', '%e %U %S %M', command, ...args]]
		: [command, [...args]];
	const started = performance.now();
	const output = await new Promise<string>((resolve, reject) => {
		const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env });
		let text = '';
		const take = (chunk: Buffer) => {
			text += chunk.toString();
			if (options.echo) process.stdout.write(chunk);
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve(text);
			else
				reject(
					new Error(`${command} ${args.join(' ')} exited with ${code}:\n${text.slice(-4000)}`),
				);
		});
	});
	const wall = (performance.now() - started) / 1000;
	let result: Measured = { wall, output };
	if (timed) {
		const [, user, sys, maxKb] = readFileSync(timeFile, 'utf8')
			.trim()
			.split('\n')
			.at(-1)!
			.split(' ')
			.map(Number);
		result = { wall, cpu: user! + sys!, peakRss: maxKb! * 1024, output };
	}
	rmSync(scratch, { recursive: true, force: true });
	return result;
}

/** How many files a folder holds, and their total size in bytes. */
export function folderSize(dir: string): { files: number; bytes: number } {
	let files = 0;
	let bytes = 0;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		files++;
		bytes += statSync(join(entry.parentPath, entry.name)).size;
	}
	return { files, bytes };
}

export { astroSeconds } from '../build-phases.ts';

/** A build's phases, from the lines our integrations and Astro print (scripts/lib/build-phases.ts). */
export function phases(output: string): Record<string, number> {
	return astroPhases(output).seconds;
}
