import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	batches,
	cachedCardPath,
	cardJobs,
	CARD_NICENESS,
	drawCards,
	fileCopier,
	forkWorker,
	type CardJob,
} from '../../../src/lib/node/card-pool.ts';
import type { CardInput } from '../../../src/lib/outputs/social-card.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const input = (title: string): CardInput => ({
	title,
	label: 'Brief',
	date: 'May 2022',
	site: 'Brief Archive',
});

describe('card jobs', () => {
	const cache = mkdtempSync(join(tmpdir(), 'card-pool-'));
	afterAll(() => rmSync(cache, { recursive: true, force: true }));

	it('keys a card by everything it shows: another title, type, date or site is another card', () => {
		const base = cachedCardPath(cache, input('A'));
		expect(cachedCardPath(cache, input('A'))).toBe(base);
		for (const other of [
			input('B'),
			{ ...input('A'), label: 'Analysis' },
			{ ...input('A'), date: '2022' },
			{ ...input('A'), site: 'Other' },
		]) {
			expect(cachedCardPath(cache, other)).not.toBe(base);
		}
	});

	it('draws each card once, and none that is already cached', () => {
		const cached = cachedCardPath(cache, input('Cached'));
		mkdirSync(dirname(cached), { recursive: true });
		writeFileSync(cached, 'png');
		const jobs = cardJobs(cache, [input('New'), input('New'), input('Cached'), input('Other')]);
		expect(jobs.map((j) => j.input.title)).toEqual(['New', 'Other']);
	});

	it('copies every file asked for into its folder, and says how many', async () => {
		const from = join(cache, 'copy-source');
		mkdirSync(from, { recursive: true });
		const copier = fileCopier(2);
		for (let i = 0; i < 9; i++) {
			writeFileSync(join(from, `${i}.png`), `card ${i}`);
			copier.copy(join(from, `${i}.png`), join(cache, 'copied', `r${i}`, 'card.png'));
		}
		expect(await copier.done()).toBe(9);
		for (let i = 0; i < 9; i++) {
			expect(readFileSync(join(cache, 'copied', `r${i}`, 'card.png'), 'utf8')).toBe(`card ${i}`);
		}
		expect(await fileCopier().done()).toBe(0);
	});

	it('fails when a file cannot be copied, after the copies in flight', async () => {
		const copier = fileCopier();
		copier.copy(join(cache, 'no-such-card.png'), join(cache, 'copied', 'gone', 'card.png'));
		await expect(copier.done()).rejects.toThrow(/no-such-card\.png/);
	});

	it('cuts jobs into batches of at most the batch size, in order, none empty', () => {
		expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(batches([1, 2], 5)).toEqual([[1, 2]]);
		expect(batches([], 3)).toEqual([]);
	});

	it('draws the cards in worker processes, batch by batch, into the cache, as PNG files', async () => {
		const jobs = cardJobs(cache, [
			input('Worker one'),
			input('Worker two'),
			input('Worker three'),
			input('Worker four'),
			input('Worker five'),
		]);
		// Two processes at a time, two cards each: three processes in all, each batch told of once
		// its cards are in the cache.
		const told: string[][] = [];
		const drawn = (batch: readonly CardJob[]) => {
			expect(batch.every((job) => existsSync(job.file))).toBe(true);
			told.push(batch.map((job) => job.input.title));
		};
		expect(await drawCards(jobs, ROOT, { workers: 2, batchSize: 2, drawn }).done).toBe(5);
		expect(told.flat().sort()).toEqual(jobs.map((j) => j.input.title).sort());
		expect(told.map((batch) => batch.length).sort()).toEqual([1, 2, 2]);
		for (const job of jobs) {
			expect(existsSync(job.file)).toBe(true);
			// The PNG signature.
			expect([...readFileSync(job.file).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
		}
		expect(
			cardJobs(
				cache,
				jobs.map((j) => j.input),
			),
		).toEqual([]);
	}, 60_000);

	it('draws the batches not yet begun in more processes once widened, and every card once', async () => {
		const jobs = cardJobs(
			cache,
			['A', 'B', 'C', 'D', 'E'].map((t) => input(`Widened ${t}`)),
		);
		const told: string[] = [];
		const drawing = drawCards(jobs, ROOT, {
			workers: 1,
			batchSize: 1,
			drawn: (batch) => told.push(...batch.map((job) => job.input.title)),
		});
		// One process draws the first card; three may draw from now on, then all that is left.
		expect(drawing.widen(3)).toBe(3);
		expect(drawing.widen(10)).toBe(5);
		expect(drawing.widen(10)).toBe(5);
		expect(await drawing.done).toBe(5);
		expect(told.sort()).toEqual(jobs.map((j) => j.input.title).sort());
		expect(jobs.every((job) => existsSync(job.file))).toBe(true);
		expect(drawing.widen(2)).toBe(0);
	}, 60_000);

	it('rejects with the failure once no process is drawing, and starts no batch after it', async () => {
		const jobs = cardJobs(cache, [input('Fails one'), input('Fails two'), input('Fails three')]);
		// A job whose folder is a file: the worker cannot write its card and exits with an error.
		const blocked = join(cache, 'blocked');
		writeFileSync(blocked, 'not a folder');
		const broken = [{ ...jobs[0]!, file: join(blocked, 'card.png') }, ...jobs.slice(1)];
		const drawing = drawCards(broken, ROOT, { workers: 1, batchSize: 1 });
		await expect(drawing.done).rejects.toThrow(/a card worker stopped after 0 of 1 cards/);
		expect(existsSync(jobs[1]!.file) || existsSync(jobs[2]!.file)).toBe(false);
	}, 60_000);

	it(`starts its processes ${CARD_NICENESS} steps lower in priority than the build, every thread of them`, async () => {
		const child = forkWorker(join(ROOT, 'tests/fixtures/card-pool/idle-child.ts'));
		try {
			await new Promise((resolve) => child.once('message', resolve));
			const expected = Math.min(19, getPriority() + CARD_NICENESS);
			expect(child.pid).toBeDefined();
			expect(getPriority(child.pid)).toBe(expected);
			// On Linux a priority belongs to a thread: the runtime's threads (V8's, libuv's) must
			// have been started after the lowering, and so inherit it.
			const tasks = `/proc/${child.pid}/task`;
			if (existsSync(tasks)) {
				const threads = readdirSync(tasks);
				expect(threads.length).toBeGreaterThan(1);
				for (const tid of threads) expect([tid, getPriority(Number(tid))]).toEqual([tid, expected]);
			}
		} finally {
			const gone = new Promise((resolve) => child.once('exit', resolve));
			child.disconnect();
			await gone;
		}
	});
});
