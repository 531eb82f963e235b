/**
 * `npm run build` cleans up after itself: one build at a time writes an output (a second one stops
 * at once, naming the first); a build killed with SIGKILL takes its Astro process and card
 * workers with it, whether the kill reaches only the build script or its whole process group; and
 * the next build removes what a killed build left and produces the same site as a cold build.
 *
 * The builds run in a copy of the project, on 60 generated reports: enough that a build is still
 * running (drawing cards, rendering pages) when the test kills it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/lib/corpus.ts';
import { withBuildLock } from '../support/fixture-build.ts';
import { buildEnv, copyProject, runBuild, startBuild } from '../support/project-copy.ts';

const scratch = mkdtempSync(join(tmpdir(), 'brief-lifecycle-'));
const project = copyProject(join(scratch, 'project'));
const site = join(scratch, 'site');
const out = join(site, 'dist');
const content = join(scratch, 'content');
writeCorpus(content, { n: 60, seed: 14 });
const BUILD_TIME = '2026-01-01T00:00:00Z';
const env = buildEnv(content, join(scratch, 'cache'), { BRIEF_BUILD_TIME: BUILD_TIME });
const started: ChildProcess[] = [];
afterAll(() => {
	for (const child of started) if (child.pid) killGroup(child.pid);
	rmSync(scratch, { recursive: true, force: true });
}, 120_000);
mkdirSync(site, { recursive: true });

function killGroup(pid: number): void {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// Gone already.
	}
}

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

/** A process and every process below it, from /proc (Linux). */
function family(pid: number): number[] {
	let children: number[] = [];
	try {
		children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
			.trim()
			.split(/\s+/)
			.filter(Boolean)
			.map(Number);
	} catch {
		return [pid];
	}
	return [pid, ...children.flatMap(family)];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a build and resolves once its output says `text` (and its Astro process runs). */
async function startUntil(
	args: string[],
	text: RegExp,
): Promise<{ child: ChildProcess; log: () => string }> {
	const child = startBuild(project, ['--outDir', out, ...args], env);
	started.push(child);
	let log = '';
	child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	for (let waited = 0; !text.test(log); waited += 100) {
		if (child.exitCode !== null) throw new Error(`the build ended early:\n${log}`);
		if (waited > 600_000) throw new Error(`the build never printed ${text}:\n${log}`);
		await sleep(100);
	}
	return { child, log: () => log };
}

/** Waits until none of the processes runs, or throws naming those that do. */
async function allGone(pids: number[], ms = 5000): Promise<void> {
	for (let waited = 0; pids.some(alive); waited += 100) {
		if (waited > ms)
			throw new Error(`still running after ${ms} ms: ${pids.filter(alive).join(', ')}`);
		await sleep(100);
	}
}

function snapshot(dir: string): Record<string, string> {
	return Object.fromEntries(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((d) => d.isFile())
			.map((d) => {
				const file = join(d.parentPath, d.name);
				return [
					file.slice(dir.length),
					createHash('sha256').update(readFileSync(file)).digest('hex'),
				];
			}),
	);
}

const temporaries = () => readdirSync(site).filter((name) => name.startsWith('.tmp-'));

describe('npm run build cleans up after itself', { timeout: 900_000 }, () => {
	it('stops a second build of the same output at once, naming the build that holds the lock', () => {
		// A running process holds the lock, as a build in progress would.
		const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)']);
		started.push(holder);
		writeFileSync(
			join(site, '.dist.lock'),
			JSON.stringify({
				pid: holder.pid,
				host: hostname(),
				started: new Date().toISOString(),
				command: 'node scripts/build.ts --full',
			}),
		);
		const second = runBuild(project, ['--outDir', out], env);
		expect(second.status).toBe(1);
		expect(second.output).toContain(
			`Another build is writing ${out}/: process ${holder.pid} on ${hostname()} (node scripts/build.ts --full), started `,
		);
		expect(second.output).toContain(
			`If that process is no longer running, delete ${site}/.dist.lock.`,
		);
		expect(second.output).toContain(`${out}/ was left as it was.`);
		holder.kill('SIGKILL');
	});

	it('leaves no process behind when its whole process group is killed', async () => {
		// The lock of the process above, now gone, is taken over.
		const first = await startUntil(['--full'], /generating static routes/);
		const pids = family(first.child.pid!);
		expect(pids.length).toBeGreaterThan(1);
		killGroup(first.child.pid!);
		await allGone(pids);
		// What it leaves: its temporary folder, which the next build removes.
		expect(temporaries()).toEqual([`.tmp-dist-${first.child.pid}`]);
	});

	it('takes the Astro process and its card workers with it when only the build script is killed', async () => {
		// A first build that finishes, so the next one is incremental and writes into the stage.
		const done = withBuildLock(() => runBuild(project, ['--outDir', out], env));
		expect(done.status, done.output.slice(-3000)).toBe(0);
		expect(done.output).toContain('left by a build that is no longer running');
		expect(temporaries()).toEqual([]);
		writeFileSync(
			join(content, 'reports/new.md'),
			readFileSync(
				join(content, 'reports', readdirSync(join(content, 'reports'))[0]!),
				'utf8',
			).replace(/^title: .*$/m, 'title: "A new report"'),
		);
		// Killed once Astro has started writing pages into the stage.
		const build = await startUntil([], /├─ \S+ \(\+/);
		const pids = family(build.child.pid!);
		expect(build.child.exitCode).toBeNull();
		expect(pids.length).toBeGreaterThan(1);
		process.kill(build.child.pid!, 'SIGKILL');
		await allGone(pids);
	});

	it('is correct on the next build after one was killed: the same site as a cold build', () => {
		const again = withBuildLock(() => runBuild(project, ['--outDir', out], env));
		expect(again.status, again.output.slice(-3000)).toBe(0);
		expect(again.output).toMatch(
			/put back \d+ files that a build which did not finish had changed/,
		);
		const coldOut = join(scratch, 'cold', 'dist');
		const cold = withBuildLock(() =>
			runBuild(
				project,
				['--outDir', coldOut, '--full'],
				buildEnv(content, join(scratch, 'cold', 'cache'), {
					BRIEF_BUILD_TIME: BUILD_TIME,
				}),
			),
		);
		expect(cold.status, cold.output.slice(-3000)).toBe(0);
		expect(snapshot(out)).toEqual(snapshot(coldOut));
		expect(temporaries()).toEqual([]);
		expect(existsSync(join(site, '.dist.lock'))).toBe(false);
	});
});
