/**
 * The search index begun early, in a worker thread (src/workers/early-index-worker.ts): an
 * incremental build hands the last output's report pages to Pagefind from the moment Astro starts
 * (src/integrations/pagefind.ts); a build from nothing hands over the report pages it expects, each
 * as soon as Astro has written it (`waitForPages`). On Astro's thread that feeding stopped whenever Astro held the
 * thread for seconds (its content sync and bundling do), and Pagefind then sat idle with its few
 * queued pages done; and reading and encoding some 400 MB of pages took that thread's time. The
 * worker reads and hands over the pages on its own thread, with its own Pagefind service, and
 * answers the build's requests on the same index once the early pages are in.
 */
import { Worker } from 'node:worker_threads';

/** What the worker is started with. */
export interface EarlyIndexData {
	/** The folder the pages are read from (the stage, holding the last output). */
	site: string;
	/** The pages to index, relative to `site`, in order. */
	pages: readonly string[];
	/** How many pages are handed over ahead of Pagefind. */
	ahead: number;
	/**
	 * Whether the pages are still to be written (a build from nothing): each is waited for until it
	 * exists and ends as a page does, or until the build says the output is complete. What was read
	 * of a page too early is corrected by `refresh`.
	 */
	waitForPages: boolean;
}

/** A request to the worker, answered by a `reply` of the same id. */
export type ToWorker =
	| { id: number; type: 'add'; pages: readonly string[] }
	| { id: number; type: 'refresh'; pages: readonly string[] }
	| { id: number; type: 'write'; outputPath: string }
	| { id: number; type: 'files' }
	| { type: 'complete' }
	| { type: 'stop' };

/** What `refresh` did: Pagefind's complaints, and how many pages it handed over again. */
export interface Refreshed {
	problems: string[];
	again: number;
}

/** A request as asked, before it is given its id. */
type Request = ToWorker extends infer T
	? T extends { id: number }
		? Omit<T, 'id'>
		: never
	: never;

/** What the worker posts: once `indexed` (the early pages are in), then its replies. */
export type FromWorker =
	| { type: 'indexed'; problems: string[] }
	| { type: 'reply'; id: number; value?: unknown; error?: string };

/** An index the build can finish: in this thread, or the early one in its worker. */
export interface SiteIndex {
	/** Hands these pages of the site over (again), in order; returns Pagefind's complaints. */
	add(pages: readonly string[]): Promise<string[]>;
	writeFiles(options: { outputPath: string }): Promise<{ errors: string[] }>;
	getFiles(): Promise<{ files: { path: string; content: Uint8Array }[]; errors: string[] }>;
}

export interface EarlyIndex extends SiteIndex {
	/** The pages it was begun with, in order. */
	pages: readonly string[];
	/**
	 * Hands over again, in order, those of these pages whose content is not what was indexed of them
	 * (the build rewrote them since, or Astro was still writing them when they were read). Pagefind
	 * replaces a page of the same address where it stands, so the index is the one these contents
	 * give; a page whose content is the same would replace itself unchanged and is left.
	 */
	refresh(pages: readonly string[]): Promise<Refreshed>;
	/** Tells the worker the output is complete: a page it waits for is read as it is. */
	complete(): void;
	/**
	 * Resolves once every page was handed over: true when Pagefind took them all without a
	 * complaint, false when anything went wrong (the build then indexes afresh).
	 */
	ready: Promise<boolean>;
	/** Stops the worker and its Pagefind service, whatever they are doing. */
	stop(): Promise<void>;
}

/** How many pages the worker keeps handed over ahead of Pagefind: its thread does nothing else. */
export const EARLY_AHEAD = 16;

/** How long a worker asked to stop may take before it is terminated. */
const STOP_GRACE_MS = 5_000;

/** Starts indexing `pages` of `site` in a worker running `script`. */
export function startEarlyIndex(
	script: string,
	site: string,
	pages: readonly string[],
	{ ahead = EARLY_AHEAD, waitForPages = false }: { ahead?: number; waitForPages?: boolean } = {},
): EarlyIndex {
	const data: EarlyIndexData = { site, pages, ahead, waitForPages };
	const worker = new Worker(script, { workerData: data });
	// A build that ends without stopping it (it always does stop it) is not held open by it.
	worker.unref();
	let settle: (ok: boolean) => void = () => {};
	const ready = new Promise<boolean>((resolve) => (settle = resolve));
	const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	let stopped: Error | undefined;
	const fail = (error: Error) => {
		stopped ??= error;
		settle(false);
		for (const w of waiting.values()) w.reject(error);
		waiting.clear();
	};
	const exited = new Promise<void>((resolve) =>
		worker.once('exit', (code) => {
			fail(new Error(`the early search index's worker stopped (exit code ${code})`));
			resolve();
		}),
	);
	worker.on('error', fail);
	worker.on('message', (message: FromWorker) => {
		if (message.type === 'indexed') return settle(message.problems.length === 0);
		const w = waiting.get(message.id);
		waiting.delete(message.id);
		if (message.error !== undefined) w?.reject(new Error(message.error));
		else w?.resolve(message.value);
	});
	let next = 0;
	let stopping: Promise<void> | undefined;
	const ask = <T>(request: Request) =>
		new Promise<T>((resolve, reject) => {
			if (stopped) return reject(stopped);
			const id = next++;
			waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
			worker.postMessage({ ...request, id });
		});
	return {
		pages,
		ready,
		add: (more) => ask<string[]>({ type: 'add', pages: more }),
		refresh: (more) => ask<Refreshed>({ type: 'refresh', pages: more }),
		complete() {
			if (!stopped) worker.postMessage({ type: 'complete' } satisfies ToWorker);
		},
		writeFiles: ({ outputPath }) => ask<{ errors: string[] }>({ type: 'write', outputPath }),
		getFiles: () =>
			ask<{ files: { path: string; content: Uint8Array }[]; errors: string[] }>({
				type: 'files',
			}),
		stop() {
			stopping ??= (async () => {
				worker.postMessage({ type: 'stop' } satisfies ToWorker);
				const timer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
				await exited;
				clearTimeout(timer);
			})();
			return stopping;
		},
	};
}
