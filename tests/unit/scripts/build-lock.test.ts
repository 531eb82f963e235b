import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	acquireLock,
	holderAlive,
	LockHeld,
	lockHeldMessage,
	processStart,
	staleTemporaries,
	takeOverStale,
	type LockHolder,
} from '../../../scripts/lib/build-lock.ts';

const scratch = mkdtempSync(join(tmpdir(), 'brief-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
		encoding: 'utf8',
	});
	return Number(child.stdout);
}

describe('acquireLock', () => {
	it('stops a second build of the same output with a message naming the one that holds it', () => {
		const file = join(scratch, '.dist.lock');
		const release = acquireLock(file, 'dist', 'node scripts/build.ts');
		try {
			let message = '';
			try {
				acquireLock(file, 'dist', 'node scripts/build.ts --full');
			} catch (error) {
				expect(error).toBeInstanceOf(LockHeld);
				message = (error as Error).message;
			}
			expect(message).toContain(
				`Another build is writing dist/: process ${process.pid} on ${hostname()} (node scripts/build.ts), started `,
			);
			expect(message).toContain(`If that process is no longer running, delete ${file}.`);
		} finally {
			release();
		}
		expect(existsSync(file)).toBe(false);
	});

	it('takes over a lock whose process is gone', () => {
		const file = join(scratch, '.taken.lock');
		const holder: LockHolder = {
			pid: deadPid(),
			host: hostname(),
			started: new Date().toISOString(),
			command: 'node scripts/build.ts',
		};
		writeFileSync(file, JSON.stringify(holder));
		const release = acquireLock(file, 'dist', 'node scripts/build.ts');
		expect((JSON.parse(readFileSync(file, 'utf8')) as LockHolder).pid).toBe(process.pid);
		release();
	});

	it('takes over a lock cut short before its holder was written down', () => {
		const file = join(scratch, '.empty.lock');
		writeFileSync(file, '');
		acquireLock(file, 'dist', 'node scripts/build.ts')();
		expect(existsSync(file)).toBe(false);
	});

	it('never removes the lock of a build that took over the same stale lock first', () => {
		const file = join(scratch, '.race.lock');
		const stale = JSON.stringify({
			pid: deadPid(),
			host: hostname(),
			started: '2020-01-01T00:00:00.000Z',
			command: 'x',
		});
		// This build read the stale lock; meanwhile another build removed it and took the lock.
		const theirs = JSON.stringify({
			pid: process.pid,
			host: hostname(),
			started: new Date().toISOString(),
			command: 'y',
		});
		writeFileSync(file, theirs);
		takeOverStale(file, stale);
		expect(readFileSync(file, 'utf8')).toBe(theirs);
		// The stale lock itself is removed.
		writeFileSync(file, stale);
		takeOverStale(file, stale);
		expect(existsSync(file)).toBe(false);
	});

	it('leaves a lock that another build has taken since', () => {
		const file = join(scratch, '.other.lock');
		const release = acquireLock(file, 'dist', 'node scripts/build.ts');
		const other: LockHolder = {
			pid: process.pid,
			host: hostname(),
			started: '2020-01-01T00:00:00.000Z',
			command: 'x',
		};
		writeFileSync(file, JSON.stringify(other));
		release();
		expect(existsSync(file)).toBe(true);
	});
});

describe('holderAlive', () => {
	const me: LockHolder = {
		pid: process.pid,
		host: hostname(),
		started: new Date().toISOString(),
		command: 'node scripts/build.ts',
		since: processStart(process.pid),
	};

	it('is true for a running process that took the lock', () => {
		expect(holderAlive(me)).toBe(true);
	});

	it('is false for a process id that a new process has taken since', () => {
		expect(holderAlive({ ...me, since: 'another start' })).toBe(process.platform !== 'linux');
	});

	it('is false for a process that has exited', () => {
		expect(holderAlive({ ...me, pid: deadPid(), since: undefined })).toBe(false);
	});

	it('trusts a lock taken on another machine', () => {
		expect(holderAlive({ ...me, host: 'elsewhere', pid: deadPid() })).toBe(true);
	});
});

describe('lockHeldMessage', () => {
	it('says how long ago the holder started', () => {
		const holder: LockHolder = {
			pid: 42,
			host: 'build-1',
			started: '2026-12-01T09:00:00.000Z',
			command: 'node scripts/build.ts',
		};
		expect(lockHeldMessage(holder, 'dist', '.dist.lock', new Date('2026-12-01T09:12:20Z'))).toBe(
			'Another build is writing dist/: process 42 on build-1 (node scripts/build.ts), started 2026-12-01T09:00:00.000Z (12 min ago). Wait for it to finish. If that process is no longer running, delete .dist.lock.',
		);
	});
});

describe('staleTemporaries', () => {
	it('finds the temporary folders of builds of this output that are gone, and no others', () => {
		const parent = join(scratch, 'site');
		for (const name of [
			'.tmp-dist-111',
			'.tmp-old-dist-222',
			'.tmp-dist-333',
			'.tmp-dist-preview-444',
			'.tmp-distx-555',
			'.dist-stage',
		]) {
			mkdirSync(join(parent, name), { recursive: true });
		}
		const alive = (pid: number) => pid === 333;
		expect(staleTemporaries(join(parent, 'dist'), alive).sort()).toEqual([
			join(parent, '.tmp-dist-111'),
			join(parent, '.tmp-old-dist-222'),
		]);
		expect(staleTemporaries(join(parent, 'dist-preview'), alive)).toEqual([
			join(parent, '.tmp-dist-preview-444'),
		]);
	});
});
