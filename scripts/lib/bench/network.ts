/**
 * Pages on slow networks, in Chromium with its network emulation (the DevTools protocol's
 * `Network.emulateNetworkConditions`, as DevTools throttles): each page is opened cold (a fresh
 * context: empty HTTP cache, no service worker yet) from a server on 127.0.0.1 that gzips text as
 * hosts do, and timed from the request:
 *
 * - first contentful paint (the first text or image on screen);
 * - readable text: the largest contentful paint, the moment the largest block of text (a report's
 *   body, a listing) is painted, with the stylesheet applied since nothing renders before it;
 * - first search results, on the search page: the first result painted.
 *
 * Every target of the site is throttled alike: the page, Pagefind's worker and the service worker
 * (see `Throttle`). Bytes are as transferred (encoded bodies and headers) and requests are
 * counted for the page and its workers until the network is quiet; what the service worker
 * fetches for its install, once the page has loaded, is not (bench-network.ts prints its size).
 */
import type { Browser } from '@playwright/test';
import { SEARCH } from '../../../tests/support/search-page.ts';

/** A network profile: a round trip added to every request, and throughput each way. */
export interface Profile {
	name: string;
	/** Milliseconds from a request sent to its response's headers (DevTools' "latency"). */
	latency: number;
	/** Bits per second. */
	down: number;
	up: number;
}

/** The profiles of the issue: "2G" about 300 ms and 250 kbit/s, "Slow 4G" about 150 ms and 1.6 Mbit/s. */
export const PROFILES: readonly Profile[] = [
	{ name: '2G', latency: 300, down: 250_000, up: 100_000 },
	{ name: 'Slow 4G', latency: 150, down: 1_600_000, up: 750_000 },
];

/** What one cold load of a page measured. */
export interface Load {
	fcp: number;
	readable: number;
	/** On the search page: the first result painted. */
	results?: number | undefined;
	bytes: number;
	requests: number;
}

export interface PageToLoad {
	label: string;
	path: string;
	/** Wait for search results. */
	search?: boolean;
}

/**
 * A DevTools protocol connection to the whole browser, which throttles every target of the site:
 * pages, their dedicated workers (Pagefind searches in one) and the service worker. Playwright's
 * own sessions reach pages only, and a worker's requests go past a page's throttling, so the
 * browser is driven here through its own debugging port, attaching to each new target before it
 * runs (`waitForDebuggerOnStart`) to throttle it first.
 */
export class Throttle {
	private id = 0;
	private readonly pending = new Map<number, (result: unknown) => void>();
	private readonly started = new Map<string, string>();
	private profile: Profile | undefined;
	/** What the page and its workers fetched (the service worker's own fetches left out). */
	counts = { bytes: 0, requests: 0 };
	private readonly serviceWorkers = new Set<string>();

	private readonly ws: WebSocket;
	/** Only the site's own requests are counted. */
	private readonly origin: string;

	private constructor(ws: WebSocket, origin: string) {
		this.ws = ws;
		this.origin = origin;
		ws.addEventListener('message', (event) => this.receive(String(event.data)));
	}

	/** Connects to a browser started with `--remote-debugging-port=<port>`. */
	static async connect(port: number, origin: string): Promise<Throttle> {
		const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
			webSocketDebuggerUrl: string;
		};
		const ws = new WebSocket(version.webSocketDebuggerUrl);
		await new Promise((resolve, reject) => {
			ws.addEventListener('open', resolve, { once: true });
			ws.addEventListener('error', reject, { once: true });
		});
		const throttle = new Throttle(ws, origin);
		await throttle.send('Target.setAutoAttach', {
			autoAttach: true,
			waitForDebuggerOnStart: true,
			flatten: true,
		});
		return throttle;
	}

	/** The profile for the targets created from now on. */
	use(profile: Profile): void {
		this.profile = profile;
		this.counts = { bytes: 0, requests: 0 };
	}

	private send(method: string, params: object = {}, sessionId?: string): Promise<unknown> {
		const id = ++this.id;
		this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
		return new Promise((resolve) => this.pending.set(id, resolve));
	}

	private receive(data: string): void {
		const msg = JSON.parse(data) as {
			id?: number;
			result?: unknown;
			method?: string;
			sessionId?: string;
			params?: Record<string, unknown>;
		};
		if (msg.id !== undefined) {
			this.pending.get(msg.id)?.(msg.result);
			this.pending.delete(msg.id);
			return;
		}
		const params = msg.params ?? {};
		if (msg.method === 'Target.attachedToTarget') {
			const { sessionId, targetInfo } = params as {
				sessionId: string;
				targetInfo: { type: string; url: string };
			};
			void this.attached(sessionId, targetInfo.type);
		} else if (msg.method === 'Network.requestWillBeSent') {
			const url = (params.request as { url: string }).url;
			if (!url.startsWith(this.origin)) return;
			this.started.set(`${msg.sessionId}/${String(params.requestId)}`, url);
			if (!this.serviceWorkers.has(msg.sessionId ?? '')) this.counts.requests++;
		} else if (msg.method === 'Network.loadingFinished') {
			const key = `${msg.sessionId}/${String(params.requestId)}`;
			if (!this.started.has(key)) return;
			if (!this.serviceWorkers.has(msg.sessionId ?? ''))
				this.counts.bytes += Number(params.encodedDataLength);
		}
	}

	/** A new target: throttled (pages, workers, service workers), watched for its own workers, run. */
	private async attached(sessionId: string, type: string): Promise<void> {
		if (type === 'service_worker') this.serviceWorkers.add(sessionId);
		const profile = this.profile;
		if (profile && ['page', 'worker', 'service_worker', 'shared_worker'].includes(type)) {
			await this.send('Network.enable', {}, sessionId);
			await this.send(
				'Network.emulateNetworkConditions',
				{
					offline: false,
					latency: profile.latency,
					downloadThroughput: profile.down / 8,
					uploadThroughput: profile.up / 8,
				},
				sessionId,
			);
			await this.send(
				'Target.setAutoAttach',
				{ autoAttach: true, waitForDebuggerOnStart: true, flatten: true },
				sessionId,
			);
		}
		await this.send('Runtime.runIfWaitingForDebugger', {}, sessionId);
	}

	close(): void {
		this.ws.close();
	}
}

/**
 * Records, in the page, when the largest contentful paint and the first search result happen. A
 * result is the search page's result link, named as the browser tests name it (`SEARCH.title`).
 */
function recordPaints(resultSelector: string): void {
	const w = window as unknown as { __bench: { lcp: number; results?: number } };
	w.__bench = { lcp: 0 };
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) w.__bench.lcp = entry.startTime;
	}).observe({ type: 'largest-contentful-paint', buffered: true });
	const seen = () => {
		if (w.__bench.results !== undefined || !document.querySelector(resultSelector)) return;
		// The frame after the one that renders it: the results are on screen.
		requestAnimationFrame(() =>
			requestAnimationFrame(() => (w.__bench.results ??= performance.now())),
		);
	};
	new MutationObserver(seen).observe(document, { subtree: true, childList: true });
}

/** Opens `url` cold on `profile` and measures it. */
export async function loadOnce(
	browser: Browser,
	throttle: Throttle,
	url: string,
	profile: Profile,
	search: boolean,
): Promise<Load> {
	throttle.use(profile);
	const context = await browser.newContext();
	await context.addInitScript(recordPaints, SEARCH.title);
	const page = await context.newPage();
	try {
		await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
		if (search) {
			await page.waitForFunction(
				() =>
					(window as unknown as { __bench: { results?: number } }).__bench.results !== undefined,
				undefined,
				{ timeout: 120_000 },
			);
		}
		await page.waitForLoadState('networkidle', { timeout: 120_000 });
		const timings = await page.evaluate(() => {
			const w = window as unknown as { __bench: { lcp: number; results?: number } };
			const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
			return { fcp, lcp: w.__bench.lcp, results: w.__bench.results };
		});
		return {
			fcp: timings.fcp,
			readable: Math.max(timings.lcp, timings.fcp),
			results: timings.results,
			bytes: throttle.counts.bytes,
			requests: throttle.counts.requests,
		};
	} finally {
		await context.close();
	}
}

export const median = (xs: readonly number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The median of `runs` cold loads of each page on each profile. */
export async function benchNetwork(
	browser: Browser,
	throttle: Throttle,
	origin: string,
	pages: readonly PageToLoad[],
	runs: number,
	log: (line: string) => void = () => undefined,
): Promise<{ profile: string; page: PageToLoad; runs: Load[]; median: Load }[]> {
	const out = [];
	for (const profile of PROFILES) {
		for (const page of pages) {
			const loads: Load[] = [];
			for (let i = 0; i < runs; i++) {
				loads.push(
					await loadOnce(browser, throttle, origin + page.path, profile, page.search ?? false),
				);
			}
			const m: Load = {
				fcp: median(loads.map((l) => l.fcp)),
				readable: median(loads.map((l) => l.readable)),
				results: page.search ? median(loads.map((l) => l.results ?? Number.NaN)) : undefined,
				bytes: median(loads.map((l) => l.bytes)),
				requests: median(loads.map((l) => l.requests)),
			};
			log(
				`${profile.name} ${page.label}: FCP ${(m.fcp / 1000).toFixed(2)} s, readable ${(m.readable / 1000).toFixed(2)} s${m.results === undefined ? '' : `, results ${(m.results / 1000).toFixed(2)} s`}, ${(m.bytes / 1024).toFixed(1)} KB, ${m.requests} requests`,
			);
			out.push({ profile: profile.name, page, runs: loads, median: m });
		}
	}
	return out;
}
