/**
 * The worker thread of the search index begun early (src/lib/node/early-index.ts): it makes a
 * Pagefind index of its own, hands it the pages of `workerData` in order, posts `indexed`, and then
 * answers the build's requests on that index (pages handed over again, the index written or its
 * files taken) until it is told to stop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import type { EarlyIndexData, FromWorker, ToWorker } from '../lib/node/early-index.ts';
import { addInOrder, newIndex } from '../lib/node/pagefind-feed.ts';

const { site, pages, ahead } = workerData as EarlyIndexData;
const port = parentPort;
if (!port) throw new Error('early-index-worker.ts runs only as a worker thread');
const post = (message: FromWorker) => port.postMessage(message);
const read = (page: string) => readFileSync(join(site, page), 'utf8');
const stop = new AbortController();

const begun: Promise<PagefindIndex> = newIndex();
/** The early pages handed over: requests wait for it, so their pages come after them. */
const fed = begun.then((index) => addInOrder(index, pages, read, ahead, stop.signal));
void fed.then(
	(problems) => post({ type: 'indexed', problems: stop.signal.aborted ? ['stopped'] : problems }),
	(error: unknown) => post({ type: 'indexed', problems: [String(error)] }),
);

async function answer(request: Exclude<ToWorker, { type: 'stop' }>): Promise<unknown> {
	await fed;
	const index = await begun;
	switch (request.type) {
		case 'add':
			return addInOrder(index, request.pages, read);
		case 'write':
			return index.writeFiles({ outputPath: request.outputPath });
		case 'files':
			return index.getFiles();
	}
}

port.on('message', (request: ToWorker) => {
	if (request.type === 'stop') {
		// Closing the service ends the pages in flight; then nothing is left to keep this thread.
		stop.abort();
		void pagefind.close().finally(() => port.close());
		return;
	}
	answer(request).then(
		(value) => post({ type: 'reply', id: request.id, value }),
		(error: unknown) => post({ type: 'reply', id: request.id, error: String(error) }),
	);
});
