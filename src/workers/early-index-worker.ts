/**
 * The worker thread of the search index begun early (src/lib/node/early-index.ts): it makes a
 * Pagefind index of its own, hands it the pages of `workerData` in order, posts `indexed`, and then
 * answers the build's requests on that index (pages handed over again, the index written or its
 * files taken) until it is told to stop.
 *
 * In a build from nothing (`waitForPages`) the pages do not exist yet: each is read once Astro has
 * written it. It remembers a digest of what it handed over of each page, so that `refresh` hands
 * over again only the pages whose content is not what was indexed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import type { EarlyIndexData, FromWorker, Refreshed, ToWorker } from '../lib/node/early-index.ts';
import { addInOrder, newIndex } from '../lib/node/pagefind-feed.ts';

const { site, pages, ahead, waitForPages } = workerData as EarlyIndexData;
const port = parentPort;
if (!port) throw new Error('early-index-worker.ts runs only as a worker thread');
const post = (message: FromWorker) => port.postMessage(message);
const stop = new AbortController();

/** How often a page not yet written is looked for. */
const POLL_MS = 25;
/** The output is complete (the build said so): a page is read as it is, whole or not. */
let complete = !waitForPages;
/** What was handed over of each page. */
const indexed = new Map<string, string>();
const digest = (html: string) => createHash('sha1').update(html).digest('base64');

/** Reads a page as it is now, and remembers it as indexed. */
function read(page: string): string {
	const html = readFileSync(join(site, page), 'utf8');
	indexed.set(page, digest(html));
	return html;
}

/** A page as Astro writes it ends with its closing tag; anything shorter is still being written. */
const looksWhole = (html: string) => /<\/html>\s*$/i.test(html.slice(-32));

/** Reads a page once it exists and looks whole, or as it is once the output is complete. */
async function readWhenWritten(page: string): Promise<string> {
	for (;;) {
		if (stop.signal.aborted) throw new Error('stopped');
		try {
			const html = readFileSync(join(site, page), 'utf8');
			if (complete || looksWhole(html)) {
				indexed.set(page, digest(html));
				return html;
			}
		} catch (error) {
			if (complete || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
		await sleep(POLL_MS);
	}
}

const begun: Promise<PagefindIndex> = newIndex();
/** The early pages handed over: requests wait for it, so their pages come after them. */
const fed = begun.then((index) =>
	addInOrder(index, pages, waitForPages ? readWhenWritten : read, ahead, stop.signal),
);
void fed.then(
	(problems) => post({ type: 'indexed', problems: stop.signal.aborted ? ['stopped'] : problems }),
	(error: unknown) => post({ type: 'indexed', problems: [String(error)] }),
);

/** Hands over again those of `asked` whose content is not what was handed over of them. */
async function refresh(index: PagefindIndex, asked: readonly string[]): Promise<Refreshed> {
	const changed = asked.filter(
		(page) => indexed.get(page) !== digest(readFileSync(join(site, page), 'utf8')),
	);
	return { problems: await addInOrder(index, changed, read), again: changed.length };
}

async function answer(
	request: Exclude<ToWorker, { type: 'stop' } | { type: 'complete' }>,
): Promise<unknown> {
	await fed;
	const index = await begun;
	switch (request.type) {
		case 'add':
			return addInOrder(index, request.pages, read);
		case 'refresh':
			return refresh(index, request.pages);
		case 'write':
			return index.writeFiles({ outputPath: request.outputPath });
		case 'files':
			return index.getFiles();
	}
}

port.on('message', (request: ToWorker) => {
	if (request.type === 'complete') {
		complete = true;
		return;
	}
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
