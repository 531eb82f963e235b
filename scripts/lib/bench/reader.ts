/**
 * The reader's path through search, in Chromium against a built site, as a reader meets it:
 *
 * - cold: a fresh browser context (empty cache) opens `/search/?q=…`; the clock runs from the
 *   navigation until the results are on screen (the search page says `data-state="done"` once
 *   it has rendered them). Bytes and requests are counted until then ("to results") and until
 *   the network is idle ("in all": the facet counts and anything else the page fetches after).
 * - typed: in a fresh context, `/search/` is opened and left to load its engine; then the query
 *   is typed into the field (one input event, the whole query) and the clock runs until the new
 *   results are on screen.
 *
 * Each on two network profiles: loopback (127.0.0.1, no delay) and throttled, Chromium's own
 * network emulation over the DevTools protocol (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s
 * up), which applies to every request of the page, its workers' included.
 */
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import { SEARCH } from '../../../tests/support/search-page.ts';
import { QUERIES, type Query } from './search.ts';

export const PROFILES = {
	loopback: undefined,
	throttled: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
} as const;
export type Profile = keyof typeof PROFILES;

export interface ReaderResult {
	label: string;
	q: string;
	profile: Profile;
	/** The status line once the results are on screen: "9,914 reports for “security”". */
	status: string;
	/** Navigation to results on screen, fresh context. */
	coldMs: number;
	/** Bytes transferred (bodies as encoded, and headers) until the results were on screen. */
	coldBytes: number;
	/** …and until the network was idle. */
	totalBytes: number;
	requests: number;
	/** A query typed into a loaded page, to its results on screen. */
	typedMs: number;
	typedBytes: number;
}

interface Meter {
	bytes: number;
	requests: number;
	/** The bytes and requests finished so far (their sizes awaited). */
	read(): Promise<{ bytes: number; requests: number }>;
	stop(): void;
}

/** Counts what a context transfers from now on. */
function meter(context: BrowserContext): Meter {
	const pending: Promise<void>[] = [];
	const m: Meter = {
		bytes: 0,
		requests: 0,
		async read() {
			await Promise.all(pending);
			return { bytes: m.bytes, requests: m.requests };
		},
		stop: () => context.off('requestfinished', onFinished),
	};
	function onFinished(request: Request) {
		pending.push(
			request.sizes().then(
				(s) => {
					m.bytes += s.responseBodySize + s.responseHeadersSize;
					m.requests++;
				},
				() => undefined,
			),
		);
	}
	context.on('requestfinished', onFinished);
	return m;
}

async function freshPage(
	browser: Browser,
	profile: Profile,
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const conditions = PROFILES[profile];
	if (conditions) {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
	}
	return { context, page };
}

function searchUrl(origin: string, query: Query): string {
	const params = new URLSearchParams({ q: query.q, ...query.params });
	return `${origin}/search/?${params}`;
}

/** In the page: waits for the search element to be done, and says when (ms since navigation). */
function whenDone(selector: string): Promise<number> {
	return new Promise((resolve) => {
		const check = () => {
			if (document.querySelector(selector)) resolve(performance.now());
			else requestAnimationFrame(check);
		};
		check();
	});
}

/** In the page: types the query into the search field and waits for its results on screen. */
function typeAndWait(args: { q: string; field: string; element: string }): Promise<number> {
	return new Promise((resolve) => {
		const root = document.querySelector(args.element)!;
		const field = document.querySelector<HTMLInputElement>(args.field)!;
		let started = 0;
		const observer = new MutationObserver(() => {
			if (
				root.getAttribute('data-state') === 'done' &&
				root
					.querySelector('[data-search-part="status"]')
					?.textContent?.includes(args.q.replace(/"/g, ''))
			) {
				observer.disconnect();
				resolve(performance.now() - started);
			}
		});
		observer.observe(root, { attributes: true, subtree: true, childList: true });
		field.value = args.q;
		started = performance.now();
		field.dispatchEvent(new Event('input', { bubbles: true }));
	});
}

async function cold(browser: Browser, origin: string, query: Query, profile: Profile) {
	const { context, page } = await freshPage(browser, profile);
	try {
		const m = meter(context);
		await page.goto(searchUrl(origin, query), { waitUntil: 'commit' });
		const ms = await page.evaluate(whenDone, SEARCH.done);
		const atResults = await m.read();
		const status = (await page.locator(SEARCH.status).textContent()) ?? '';
		await page.waitForLoadState('networkidle');
		const total = await m.read();
		m.stop();
		return {
			ms,
			status,
			coldBytes: atResults.bytes,
			totalBytes: total.bytes,
			requests: total.requests,
		};
	} finally {
		await context.close();
	}
}

async function typed(browser: Browser, origin: string, query: Query, profile: Profile) {
	const { context, page } = await freshPage(browser, profile);
	try {
		const params = new URLSearchParams(query.params ?? {});
		await page.goto(`${origin}/search/${params.size ? `?${params}` : ''}`);
		await page.locator(SEARCH.done).waitFor();
		await page.waitForLoadState('networkidle');
		const m = meter(context);
		const ms = await page.evaluate(typeAndWait, {
			q: query.q,
			field: SEARCH.query,
			element: SEARCH.element,
		});
		const { bytes } = await m.read();
		m.stop();
		return { ms, bytes };
	} finally {
		await context.close();
	}
}

/** The reader's path for every query on every profile. */
export async function benchReaderPath(
	browser: Browser,
	origin: string,
	profiles: readonly Profile[] = ['loopback', 'throttled'],
	queries: readonly Query[] = QUERIES,
): Promise<ReaderResult[]> {
	const out: ReaderResult[] = [];
	for (const profile of profiles) {
		for (const query of queries) {
			const c = await cold(browser, origin, query, profile);
			const t = await typed(browser, origin, query, profile);
			out.push({
				label: query.label,
				q: query.q,
				profile,
				status: c.status,
				coldMs: c.ms,
				coldBytes: c.coldBytes,
				totalBytes: c.totalBytes,
				requests: c.requests,
				typedMs: t.ms,
				typedBytes: t.bytes,
			});
		}
	}
	return out;
}
