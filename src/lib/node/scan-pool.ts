/**
 * Scans many bodies on two cores: the content checks' body scan (src/lib/checks/body.ts) parses
 * every body as Markdown or MDX, most of the checks' time when nothing is cached (a cold build, or
 * the first after a change to the checking code), and nothing else runs while the checks do. Half
 * the bodies go to a worker thread (src/workers/scan-worker.ts) while this thread scans the other
 * half. The scans are the same either way: `scanBody` is a pure function of its input.
 */
import { Worker } from 'node:worker_threads';
import { scanBody, type BodyScan } from '../checks/body.ts';
import type { ScanInput } from '../checks/validate.ts';

/** One body's scan, as `ValidateOptions.scan` is called for it: here and in the worker. */
export const scanOne = (input: ScanInput): BodyScan =>
	scanBody(input.body, input.format, input.owner);

/** Fewer bodies than this are scanned here: starting a worker costs about as much as 60 scans. */
export const PARALLEL_FROM = 64;

/** What the worker posts back: one scan per body it was given, in order. */
function scanInWorker(script: string, inputs: readonly ScanInput[]): Promise<BodyScan[]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(script, { workerData: { inputs } });
		let scans: BodyScan[] | undefined;
		worker.once('message', (message: BodyScan[]) => (scans = message));
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (scans?.length === inputs.length) resolve(scans);
			else reject(new Error(`the body scan worker stopped (exit code ${code}) before its scans`));
		});
	});
}

/**
 * The scans of `inputs`, in order. From `PARALLEL_FROM` bodies on, the second half is scanned by
 * the worker script `script`; if the worker fails, this thread scans that half too, so a failure
 * costs time and never a check.
 */
export async function scanAll(
	inputs: readonly ScanInput[],
	script: string,
	scan: (input: ScanInput) => BodyScan = scanOne,
): Promise<BodyScan[]> {
	if (inputs.length < PARALLEL_FROM) return inputs.map(scan);
	const half = Math.ceil(inputs.length / 2);
	const theirs = inputs.slice(half);
	const elsewhere = scanInWorker(script, theirs).catch(() => undefined);
	const ours = inputs.slice(0, half).map(scan);
	return [...ours, ...((await elsewhere) ?? theirs.map(scan))];
}
