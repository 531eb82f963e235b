/**
 * Weight budget on the built files, in gzip bytes (what a host serves compressed): a report page's
 * HTML + CSS + JS ≤ 30 KB with JS ≤ 4 KB, the search page's own code ≤ 25 KB before Pagefind and
 * its index load, the offline controls' code only on the pages that have them (≤ 8 KB of JS
 * there), the service worker ≤ 5 KB, every page's HTML ≤ 100 KB, and nothing render-blocking but
 * one stylesheet. The numbers are printed.
 */
import { gzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, fileFor, isReportPage, readDist, sitemapPaths } from './dist.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const KB = 1024;
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

function elements(node: Node, out: Element[] = []): Element[] {
	if ('tagName' in node) out.push(node);
	for (const child of 'childNodes' in node ? node.childNodes : []) elements(child, out);
	return out;
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** A JS file and every module it imports statically (not `import()`, which loads on demand). */
function withStaticImports(file: string, seen = new Set<string>()): Set<string> {
	if (seen.has(file)) return seen;
	seen.add(file);
	const js = readDist(file);
	for (const m of js.matchAll(/(?:^|[;}\s])import\s*(?:[^'"`()]*?from\s*)?["']([^"']+)["']/g)) {
		const spec = m[1] ?? '';
		const target = fileFor(new URL(spec, `http://x/${file}`).pathname);
		if (!target) throw new Error(`${file} imports ${spec}, which is not in dist/`);
		withStaticImports(target, seen);
	}
	return seen;
}

interface Weight {
	html: number;
	css: number;
	js: number;
	/** The script files it loads (with their static imports). */
	scripts: string[];
	blocking: string[];
}

/** What loading a page costs before any interaction: its HTML, stylesheets and scripts. */
function weigh(urlPath: string): Weight {
	const file = fileFor(urlPath);
	if (!file) throw new Error(`no file for ${urlPath}`);
	const html = readDist(file);
	const all = elements(parse(html));
	const head = all.find((el) => el.tagName === 'head');
	const headElements = head ? elements(head) : [];
	const css = new Set<string>();
	const js = new Set<string>();
	let inlineJs = 0;
	for (const el of all) {
		if (el.tagName === 'link' && attr(el, 'rel') === 'stylesheet') {
			const f = fileFor(attr(el, 'href') ?? '');
			if (!f) throw new Error(`${urlPath}: stylesheet ${attr(el, 'href')} is not in dist/`);
			css.add(f);
		}
		if (el.tagName === 'script' && attr(el, 'type') !== 'application/ld+json') {
			const src = attr(el, 'src');
			if (src) {
				const f = fileFor(src);
				if (!f) throw new Error(`${urlPath}: script ${src} is not in dist/`);
				withStaticImports(f, js);
			} else {
				const text = el.childNodes.map((n) => ('value' in n ? n.value : '')).join('');
				inlineJs += gz(text);
			}
		}
	}
	// Render-blocking: stylesheets, and classic scripts in the head without async or defer.
	const blocking = headElements
		.filter(
			(el) =>
				(el.tagName === 'link' && attr(el, 'rel') === 'stylesheet') ||
				(el.tagName === 'script' &&
					attr(el, 'type') !== 'module' &&
					attr(el, 'type') !== 'application/ld+json' &&
					attr(el, 'async') === undefined &&
					attr(el, 'defer') === undefined),
		)
		.map((el) => `<${el.tagName} ${attr(el, 'href') ?? attr(el, 'src') ?? '(inline)'}>`);
	return {
		html: gz(html),
		css: [...css].reduce((sum, f) => sum + gz(readDist(f)), 0),
		// Inline scripts are part of the HTML's bytes already; they count as JS too.
		js: inlineJs + [...js].reduce((sum, f) => sum + gz(readDist(f)), 0),
		scripts: [...js],
		blocking,
	};
}

const pages = sitemapPaths();
const reports = pages.filter(isReportPage);
/** The pages with a "Save for offline" control or the list of saved collections. */
const offlinePages = pages.filter((p) => /data-offline-(pack|saved)\b/.test(readDist(fileFor(p)!)));
/** The code of the offline controls (src/scripts/offline-ui.ts and what it imports). */
const isOfflineUi = (file: string) => /(^|\/)offline-(ui|packs)\.[\w-]+\.js$/.test(file);

describe('weight budget (gzip)', () => {
	it('finds the reports in the sitemap', () => {
		expect(reports.length).toBeGreaterThanOrEqual(4);
	});

	it.each(reports)('report %s: HTML + CSS + JS ≤ 30 KB, JS ≤ 4 KB', (path) => {
		const w = weigh(path);
		const total = w.html + w.css + w.js;
		console.log(
			`weight ${path}: HTML ${kb(w.html)} + CSS ${kb(w.css)} + JS ${kb(w.js)} = ${kb(total)}`,
		);
		expect(w.js, `JS on ${path}`).toBeLessThanOrEqual(4 * KB);
		expect(total, `HTML + CSS + JS of ${path}`).toBeLessThanOrEqual(30 * KB);
	});

	it.each(pages)('%s: HTML ≤ 100 KB, whatever the size of the archive', (path) => {
		// Listings hold at most LISTING_PAGE_SIZE reports a page (src/lib/archive/pagination.ts), so this
		// holds at 10,000 reports too; tests/integration/pagination.test.ts checks it with full pages.
		expect(weigh(path).html).toBeLessThanOrEqual(100 * KB);
	});

	it.each(pages)('%s: nothing render-blocking but one stylesheet', (path) => {
		expect(weigh(path).blocking).toEqual([expect.stringMatching(/^<link \/_astro\/.+\.css>$/)]);
	});

	it('finds the pages that offer offline reading: the home page, groups, regions, topics, years and types', () => {
		expect(offlinePages).toContain('/');
		for (const section of ['groups', 'regions', 'topics', 'types', 'reports']) {
			expect(offlinePages.some((p) => p.startsWith(`/${section}/`) && p !== `/${section}/`)).toBe(
				true,
			);
		}
	});

	it.each(pages.filter((p) => !offlinePages.includes(p)))(
		'%s: loads none of the offline controls’ code',
		(path) => {
			expect(weigh(path).scripts.filter(isOfflineUi)).toEqual([]);
		},
	);

	it.each(offlinePages)('%s, with the offline controls: JS ≤ 8 KB', (path) => {
		const w = weigh(path);
		expect(w.scripts.some(isOfflineUi)).toBe(true);
		expect(w.js, `JS on ${path}`).toBeLessThanOrEqual(8 * KB);
	});

	it('the service worker ≤ 5 KB, fetched once a visit to look for a new build', () => {
		const sw = gz(readDist('sw.js'));
		console.log(`weight /sw.js: ${kb(sw)}`);
		expect(sw).toBeLessThanOrEqual(5 * KB);
	});

	it("the search page's code ≤ 25 KB before Pagefind and its index", () => {
		const w = weigh('/search/');
		const total = w.html + w.css + w.js;
		const runtime = [
			'pagefind/pagefind.js',
			'pagefind/pagefind-worker.js',
			'pagefind/wasm.en.pagefind',
		];
		// Reported, not budgeted: Pagefind's engine, fetched with the index when a search runs.
		const sizes = runtime.map((f) => `${f} ${kb(gz(readFileSync(path.join(DIST, f))))}`);
		console.log(
			`weight /search/: HTML ${kb(w.html)} + CSS ${kb(w.css)} + JS ${kb(w.js)} = ${kb(total)}; ` +
				`Pagefind's engine, loaded with the index to search: ${sizes.join(', ')}`,
		);
		expect(total).toBeLessThanOrEqual(25 * KB);
	});
});
