/**
 * A child process that draws social cards (src/lib/node/card-render.ts) into files, so that the cards
 * are drawn on other cores while Astro renders the pages. src/lib/node/card-pool.ts starts it, sends
 * it one batch of jobs, and it draws them in order, reports each one and exits.
 *
 * A process and not a worker thread, and a batch at a time: resvg-js kept the memory of every
 * image it encoded (about 3 MB each, with @resvg/resvg-js 2.6.2's own PNG encoder) until its
 * process ended, which grew a build past 4 GiB at 1,000 reports. With sharp encoding the pixels a
 * process stays near 200 MB (src/lib/node/card-pool.ts, `BATCH_SIZE`); the processes stay, since
 * they also run at a lower priority than the build and give the pool batches to share out.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';
import { renderCard } from '../lib/node/card-render.ts';
import { sendNow } from '../lib/node/ipc.ts';
import type { CardJob } from '../lib/node/card-pool.ts';

// One thread for the PNG encoding (the other cores are Astro's and Pagefind's), and no cache of
// libvips operations: every card is encoded once.
sharp.concurrency(1);
sharp.cache(false);

// The pool talks to this process over IPC: when the channel closes before the batch is done, the
// build that wanted the cards is gone (killed, or failed), so the cards are no longer wanted.
let done = false;
process.once('disconnect', () => {
	if (!done) process.exit(1);
});

process.once('message', (message: { jobs: CardJob[] }) => {
	void (async () => {
		for (const job of message.jobs) {
			const png = await renderCard(job.input);
			mkdirSync(dirname(job.file), { recursive: true });
			// Written beside and renamed, so a build stopped midway never leaves half a card cached.
			const part = `${job.file}.${process.pid}.part`;
			writeFileSync(part, png);
			renameSync(part, job.file);
			// Written before the next card, so that disconnecting drops no report (src/lib/node/ipc.ts).
			await sendNow(job.file);
		}
		done = true;
		process.disconnect?.();
	})().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
});
