/**
 * A worker thread that draws social cards (src/lib/social-card.ts) into files, so that the cards
 * are drawn on other cores while Astro renders the pages on its own. It is started by
 * src/lib/card-pool.ts with a list of jobs, draws them in order, reports each one and exits.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { renderCard } from '../lib/social-card.ts';
import type { CardJob } from '../lib/card-pool.ts';

const jobs = (workerData as { jobs: CardJob[] }).jobs;
for (const job of jobs) {
	const png = await renderCard(job.input);
	mkdirSync(dirname(job.file), { recursive: true });
	// Written beside and renamed, so that a build stopped midway never leaves half a card cached.
	const part = `${job.file}.${process.pid}.part`;
	writeFileSync(part, png);
	renameSync(part, job.file);
	parentPort?.postMessage(job.file);
}
