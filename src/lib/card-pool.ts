/**
 * Draws many social cards at once, off the main thread, with a cache between builds.
 *
 * A card costs about 40 ms of CPU (satori's layout, resvg's rasterising): seven minutes at
 * 10,000 reports if drawn one by one on the thread that renders the pages. Instead the build
 * hands every card to worker threads as it starts, and they draw while Astro renders the pages;
 * on a machine with two cores the cards cost almost no wall time. Each card is kept in the cache
 * folder under a hash of what it shows and of `CARD_VERSION`, so a rebuild draws only the cards
 * of reports whose title, type or date changed.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { hashOf } from './citation-cache.ts';
import { CARD_VERSION, type CardInput } from './social-card.ts';

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

/** Splits jobs into `n` lists of nearly equal length, dealt round-robin. */
export function deal<T>(items: readonly T[], n: number): T[][] {
	const hands: T[][] = Array.from({ length: Math.max(1, Math.min(n, items.length)) }, () => []);
	items.forEach((item, i) => hands[i % hands.length]!.push(item));
	return items.length ? hands : [];
}

/** How many workers: one per core but the one Astro renders on, and at least one. */
export function defaultWorkers(): number {
	return Math.max(1, availableParallelism() - 1);
}

/**
 * Starts drawing `jobs` on `workers` threads; `root` is the project folder, where the worker's
 * script is. The promise settles when every card is in the cache, or rejects with the first
 * worker's error.
 */
export function drawCards(
	jobs: readonly CardJob[],
	root: string,
	workers = defaultWorkers(),
): Promise<number> {
	const script = join(root, 'src/workers/card-worker.ts');
	return Promise.all(
		deal(jobs, workers).map(
			(hand) =>
				new Promise<number>((resolve, reject) => {
					let drawn = 0;
					const worker = new Worker(script, { workerData: { jobs: hand } });
					worker.on('message', () => drawn++);
					worker.on('error', reject);
					worker.on('exit', (code) => {
						if (code === 0 && drawn === hand.length) resolve(drawn);
						else
							reject(
								new Error(
									`a card worker stopped after ${drawn} of ${hand.length} cards (exit code ${code})`,
								),
							);
					});
				}),
		),
	).then((counts) => counts.reduce((a, b) => a + b, 0));
}
