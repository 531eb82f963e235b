/**
 * One build at a time per output folder, and no litter from builds that died.
 *
 * A build takes a lock file beside its output (`.dist.lock` beside `dist/`) before it touches
 * anything, naming itself in it: process id, the command, when it started. A second build of the
 * same output stops at once with a message naming the holder. A lock whose process is gone (a
 * build killed with SIGKILL cannot remove it) is taken over; so are the temporary folders such a
 * build left (`.tmp-dist-<pid>`, `.tmp-old-dist-<pid>`), which are removed.
 */
import { linkSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** Who holds a lock. */
export interface LockHolder {
	pid: number;
	host: string;
	/** ISO time the build started. */
	started: string;
	command: string;
	/** The process's start time as the kernel counts it (Linux), to tell a reused pid apart. */
	since?: string | undefined;
}

/** A process's start time from `/proc/<pid>/stat` (clock ticks since boot), where there is one. */
export function processStart(pid: number): string | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) is in parentheses and may hold spaces: count after it.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return undefined;
	}
}

/** Whether a process is running (a process we may not signal is running too). */
export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Whether the holder of a lock is still the process that took it. */
export function holderAlive(holder: LockHolder, host = hostname()): boolean {
	// Another machine's process (a shared folder) cannot be checked: it is taken to be alive.
	if (holder.host !== host) return true;
	if (!isAlive(holder.pid)) return false;
	const since = processStart(holder.pid);
	return holder.since === undefined || since === undefined || since === holder.since;
}

/** The message a build gets when another one holds the lock. */
export function lockHeldMessage(
	holder: LockHolder,
	output: string,
	lockFile: string,
	now = new Date(),
): string {
	const started = new Date(holder.started);
	const minutes = Math.max(0, Math.round((now.getTime() - started.getTime()) / 60_000));
	const ago = minutes === 0 ? 'less than a minute ago' : `${minutes} min ago`;
	return (
		`Another build is writing ${output}/: process ${holder.pid} on ${holder.host} (${holder.command}), started ${started.toISOString()} (${ago}). ` +
		`Wait for it to finish. If that process is no longer running, delete ${lockFile}.`
	);
}

export class LockHeld extends Error {}

function readFileSafe(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

function parseHolder(text: string | undefined): LockHolder | undefined {
	try {
		return text === undefined ? undefined : (JSON.parse(text) as LockHolder);
	} catch {
		// Written by a process that died before finishing the line: nobody holds it.
		return undefined;
	}
}

/**
 * Removes a lock left by a process that is gone, and only that lock. Two builds may find the same
 * stale lock; if one takes it over first, the other must not remove the new one. The file is
 * moved aside under this process's own name (a rename is atomic), and if what was moved is not
 * the stale lock that was read, it is put back (`link` fails rather than replace a newer lock).
 */
export function takeOverStale(file: string, stale: string | undefined): void {
	const mine = `${file}.${process.pid}`;
	try {
		renameSync(file, mine);
	} catch {
		return; // Already gone: the next attempt takes it.
	}
	if (readFileSafe(mine) !== stale) {
		try {
			linkSync(mine, file);
		} catch {
			// Another lock is already there; the next attempt reports its holder.
		}
	}
	rmSync(mine, { force: true });
}

/**
 * Takes the lock `file` for `output` (as shown in messages), or throws `LockHeld` naming the
 * build that holds it. A lock left by a process that is gone is taken over. Returns the function
 * that gives the lock back (it removes the file only while it is still this process's).
 */
export function acquireLock(file: string, output: string, command: string): () => void {
	const me: LockHolder = {
		pid: process.pid,
		host: hostname(),
		started: new Date().toISOString(),
		command,
		since: processStart(process.pid),
	};
	for (let attempt = 0; ; attempt++) {
		try {
			writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
			const stale = readFileSafe(file);
			const holder = parseHolder(stale);
			if (holder && holderAlive(holder)) {
				throw new LockHeld(lockHeldMessage(holder, output, file));
			}
			takeOverStale(file, stale);
		}
	}
	return () => {
		try {
			const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
			if (holder.pid === me.pid && holder.started === me.started) rmSync(file, { force: true });
		} catch {
			// Already gone.
		}
	};
}

/** The temporary folders of builds of `out` (beside it) whose process is gone. */
export function staleTemporaries(out: string, alive: (pid: number) => boolean = isAlive): string[] {
	const name = basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const pattern = new RegExp(`^\\.tmp-(?:old-)?${name}-(\\d+)$`);
	let entries: string[];
	try {
		entries = readdirSync(dirname(out));
	} catch {
		return [];
	}
	return entries.flatMap((entry) => {
		const m = pattern.exec(entry);
		return m && Number(m[1]) !== process.pid && !alive(Number(m[1]))
			? [join(dirname(out), entry)]
			: [];
	});
}
