/**
 * Draws many social cards at once, off the main thread, with a cache between builds.
 *
 * A card costs 16-40 ms of CPU (satori's layout, resvg's rasterising, sharp's PNG): minutes at
 * 10,000 reports if drawn one by one on the thread that renders the pages. Instead the build
 * hands every card to worker processes as it starts (src/workers/card-worker.ts: why processes,
 * and why in batches), and they draw while Astro renders the pages on its own core. Each card is kept in the cache
 * folder under a hash of what it shows and of `CARD_VERSION`, so a rebuild draws only the cards
 * of reports whose title, type or date changed.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { availableParallelism, getPriority, setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { hashOf } from '../hash.ts';
import { CARD_VERSION, type CardInput } from '../outputs/social-card.ts';

export interface CardJob {
	input: CardInput;
	/** The cached PNG's path. */
	file: string;
}

/** Where a card is cached: `<cacheDir>/brief-cards/<hash>.png`. */
export function cachedCardPath(cacheDir: string, input: CardInput): string {
	const key = hashOf(String(CARD_VERSION), input.title, input.label, input.date, input.site);
	return join(cacheDir, 'brief-cards', `${key}.png`);
}

/** The jobs for `inputs`: every card not yet in the cache, each once. */
export function cardJobs(cacheDir: string, inputs: readonly CardInput[]): CardJob[] {
	const jobs = new Map<string, CardJob>();
	for (const input of inputs) {
		const file = cachedCardPath(cacheDir, input);
		if (!jobs.has(file) && !existsSync(file)) jobs.set(file, { input, file });
	}
	return [...jobs.values()];
}

/**
 * Cards per worker process. A process no longer grows with the cards it draws (147 → 241 MB over
 * 1,000 cards with sharp's encoder, 2026-12-04; it grew by about 3 MB a card with resvg's), so a
 * batch is a unit of work to share between processes (`widen`), at half a second of CPU for
 * each process's start.
 */
export const BATCH_SIZE = 200;

/** How many workers: one per core but the one Astro renders on, and at least one. */
export function defaultWorkers(): number {
	return Math.max(1, availableParallelism() - 1);
}

/** Splits jobs into batches of at most `size`, in order. */
export function batches<T>(items: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/**
 * How much lower than the build's a card worker's scheduling priority is (a nice value added to
 * it): the cards are drawn in the time the pages leave over, and a page Astro waits for the CPU
 * to render holds up everything after it, while a card is only wanted at the end. Measured at
 * 10,000 reports from nothing (docs/benchmarks.md): the pages phase 248 → 195 s, the build
 * 453.5 → 404.5 s.
 */
export const CARD_NICENESS = 10;

/**
 * Starts a worker process at the cards' lower priority (where the system lets it lower it). On
 * Linux a priority is a thread's, and a thread inherits its creator's: `fork` returns once the
 * child has started Node, before Node starts its own threads, so lowering the main thread then
 * lowers them all (the unit test reads every thread's).
 */
export function forkWorker(script: string): ChildProcess {
	const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	if (child.pid !== undefined) {
		try {
			setPriority(child.pid, Math.min(19, getPriority() + CARD_NICENESS));
		} catch {
			// Not allowed here, or the process is already gone: it draws at the build's priority.
		}
	}
	return child;
}

/** Draws one batch in a new worker process; resolves with how many cards it drew. */
function drawBatch(script: string, batch: readonly CardJob[]): Promise<number> {
	return new Promise((resolve, reject) => {
		let drawn = 0;
		const child = forkWorker(script);
		child.on('message', () => drawn++);
		child.on('error', reject);
		// 'close', not 'exit': it comes after the last message has been read.
		child.on('close', (code, signal) => {
			if (code === 0 && drawn === batch.length) resolve(drawn);
			else
				reject(
					new Error(
						`a card worker stopped after ${drawn} of ${batch.length} cards (${signal ?? `exit code ${code}`})`,
					),
				);
		});
		child.send({ jobs: batch });
	});
}

/**
 * Cards being drawn: `done` resolves with how many once every card is in the cache, or rejects
 * with the first failure once no process is drawing.
 */
export interface CardDrawing {
	done: Promise<number>;
	/**
	 * Lets up to `workers` processes draw at a time from now on, for the batches not yet begun:
	 * once Astro has rendered the last page its core is free, and the cards still to draw are all
	 * the build waits for. Returns how many processes may be drawing now.
	 */
	widen(workers: number): number;
}

/**
 * Starts drawing `jobs` in `workers` processes at a time, `BATCH_SIZE` cards per process; `root`
 * is the project folder, where the worker's script is. `drawn` is told of each batch once its
 * cards are in the cache.
 */
export function drawCards(
	jobs: readonly CardJob[],
	root: string,
	{
		workers = defaultWorkers(),
		batchSize = BATCH_SIZE,
		drawn: onDrawn,
	}: { workers?: number; batchSize?: number; drawn?: (batch: readonly CardJob[]) => void } = {},
): CardDrawing {
	const script = join(root, 'src/workers/card-worker.ts');
	const queue = batches(jobs, batchSize);
	let drawn = 0;
	let failure: Error | undefined;
	const lanes: Promise<void>[] = [];
	let running = 0;
	// A lane stops at its first failure, and the others after the batch they are drawing.
	const lane = async (): Promise<void> => {
		try {
			for (let batch = queue.shift(); batch && failure === undefined; batch = queue.shift()) {
				// Not `drawn += await …`: that would read `drawn` before another lane adds to it.
				const n = await drawBatch(script, batch);
				drawn += n;
				onDrawn?.(batch);
			}
		} catch (error) {
			failure ??= error instanceof Error ? error : new Error(String(error));
		} finally {
			running--;
		}
	};
	const widen = (total: number) => {
		while (running < total && queue.length > 0 && failure === undefined) {
			running++;
			lanes.push(lane());
		}
		return running;
	};
	widen(workers);
	/** Waits for every lane, including those widened in meanwhile. */
	const settle = async (): Promise<number> => {
		for (let seen = 0; seen < lanes.length;) {
			seen = lanes.length;
			await Promise.all(lanes);
		}
		if (failure !== undefined) throw failure;
		return drawn;
	};
	return { done: settle(), widen };
}

/**
 * Copies files on Node's thread pool, `lanes` at a time, as they are asked for: a build from
 * nothing puts each card into the output as soon as it is in the cache, while Astro renders, rather
 * than ten thousand copies one after another on Astro's thread after the last page.
 */
export function fileCopier(lanes = 4): {
	copy(from: string, to: string): void;
	/** Resolves with how many files were copied once all asked for are; rejects on any failure. */
	done(): Promise<number>;
} {
	const queue: { from: string; to: string }[] = [];
	let running = 0;
	let copied = 0;
	let failure: Error | undefined;
	const idle: (() => void)[] = [];
	const pump = () => {
		while (running < lanes && queue.length > 0) {
			const { from, to } = queue.shift()!;
			running++;
			mkdir(dirname(to), { recursive: true })
				.then(() => copyFile(from, to))
				.then(
					() => void copied++,
					(error: unknown) =>
						void (failure ??= error instanceof Error ? error : new Error(String(error))),
				)
				.finally(() => {
					running--;
					pump();
					if (running === 0 && queue.length === 0) for (const wake of idle.splice(0)) wake();
				});
		}
	};
	return {
		copy(from, to) {
			queue.push({ from, to });
			pump();
		},
		async done() {
			if (running > 0 || queue.length > 0) await new Promise<void>((wake) => idle.push(wake));
			if (failure !== undefined) throw failure;
			return copied;
		},
	};
}
