/**
 * `--download`: fetches the files the imported posts use from the old site, a few at a time,
 * each within a size and time limit, and only over http(s). The addresses come from the export,
 * so they are treated as untrusted: nothing fetched is run, and where a file goes is decided by
 * `mediaPath`, never by the server's answer.
 */
import { cleanMedia, mediaPath } from './media.ts';

/** The largest file fetched. */
export const MAX_BYTES = 100 * 1024 * 1024;

export interface Fetched {
	url: string;
	/** Its path on this site: `/media/2020/12/x.pdf`. */
	path: string;
	bytes: Uint8Array;
	/** Metadata blocks removed from an image. */
	removed: string[];
}

export interface FetchFailure {
	url: string;
	reason: string;
}

async function fetchOne(url: string, timeoutMs: number): Promise<Uint8Array | string> {
	let response: Response;
	try {
		response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
	} catch (error) {
		const e = error as Error & { cause?: { code?: string } };
		return e.name === 'TimeoutError'
			? `no answer within ${timeoutMs / 1000} s`
			: `it could not be fetched (${e.cause?.code ?? e.message})`;
	}
	if (!response.ok) return `the server answered ${response.status} ${response.statusText}`.trim();
	if (!/^https?:/.test(response.url || url)) return 'it was redirected away from http(s)';
	const declared = Number(response.headers.get('content-length') ?? 0);
	if (declared > MAX_BYTES) return `it is ${declared} bytes, more than the ${MAX_BYTES} fetched`;
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = response.body?.getReader();
	if (!reader) return 'the answer had no body';
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > MAX_BYTES) {
			await reader.cancel();
			return `it is more than the ${MAX_BYTES} bytes fetched`;
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

/** Fetches every URL (`concurrency` at a time), cleaning images as the content checks require. */
export async function downloadMedia(
	urls: readonly string[],
	options: {
		concurrency?: number;
		timeoutMs?: number;
		progress?: ((done: number, total: number) => void) | undefined;
	} = {},
): Promise<{ fetched: Fetched[]; failed: FetchFailure[] }> {
	const { concurrency = 4, timeoutMs = 30_000, progress } = options;
	const fetched: Fetched[] = [];
	const failed: FetchFailure[] = [];
	const paths = new Map<string, string>();
	const queue = [...urls];
	let done = 0;
	const worker = async () => {
		for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
			const path = mediaPath(url);
			if (!path) failed.push({ url, reason: 'its address gives no file name to save it under' });
			else if (paths.has(path) && paths.get(path) !== url) {
				failed.push({ url, reason: `${paths.get(path)} is saved as ${path} already` });
			} else {
				paths.set(path, url);
				const result = await fetchOne(url, timeoutMs);
				if (typeof result === 'string') failed.push({ url, reason: result });
				else {
					const cleaned = cleanMedia(path, result);
					if ('refused' in cleaned) failed.push({ url, reason: cleaned.refused });
					else fetched.push({ url, path, bytes: cleaned.bytes, removed: cleaned.removed });
				}
			}
			progress?.(++done, urls.length);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
	const order = new Map(urls.map((u, i) => [u, i]));
	fetched.sort((a, b) => order.get(a.url)! - order.get(b.url)!);
	failed.sort((a, b) => order.get(a.url)! - order.get(b.url)!);
	return { fetched, failed };
}
