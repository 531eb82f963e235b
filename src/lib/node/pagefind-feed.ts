/**
 * Handing pages to a Pagefind index, in this thread or in the early index's worker
 * (src/workers/early-index-worker.ts): both index the same pages the same way, so that an index
 * begun early is the one a build from nothing makes, byte for byte.
 */
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';

/**
 * How many pages are handed to Pagefind before the first is indexed: 4 made indexing 1,000
 * reports 1.1 s faster (5.2 s against 4.1 s) with the same index, byte for byte; 8 and 16 gave
 * no more.
 */
export const IN_FLIGHT = 4;

/** Throws when Pagefind reported errors: the build stops with Pagefind's own messages. */
export function assertNoErrors(step: string, errors: readonly string[]): void {
	if (errors.length) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/** A new, empty English index; throws with Pagefind's messages when it cannot be made. */
export async function newIndex(): Promise<PagefindIndex> {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
	assertNoErrors('createIndex', errors);
	if (!index) throw new Error('Pagefind createIndex returned no index');
	return index;
}

/**
 * Hands pages to an index in the order given, several in flight at once: while Pagefind indexes
 * one, the next is read and encoded. The order is still the pages' order: the service reads its
 * messages from one pipe and handles them one at a time as they arrive
 * (pagefind/src/service/mod.rs in Pagefind 1.6), and each call writes its message before it
 * returns. The incremental proof would see an index that depends on timing: it compares one made
 * so with a cold build's. `content` may wait for a page (the early index of a build from nothing
 * waits for Astro to write it). Returns Pagefind's complaints, each naming its page.
 */
export async function addInOrder(
	index: Pick<PagefindIndex, 'addHTMLFile'>,
	pages: readonly string[],
	content: (page: string) => string | Promise<string>,
	ahead = IN_FLIGHT,
	signal?: AbortSignal,
): Promise<string[]> {
	const problems: string[] = [];
	const inFlight = new Set<Promise<void>>();
	for (const page of pages) {
		if (signal?.aborted) break;
		// Read before the call: a page that is waited for holds back the pages after it.
		const html = await content(page);
		if (signal?.aborted) break;
		const job: Promise<void> = index
			.addHTMLFile({ sourcePath: page, content: html })
			.then(
				(added) => void problems.push(...added.errors.map((e) => `${page}: ${e}`)),
				(error: unknown) => void problems.push(`${page}: ${String(error)}`),
			)
			.finally(() => inFlight.delete(job));
		inFlight.add(job);
		if (inFlight.size >= ahead) await Promise.race(inFlight);
	}
	await Promise.all(inFlight);
	return problems;
}
