/**
 * Links: every internal href and src in every HTML file of dist/ resolves to a file, and every
 * #fragment to an element id in that file. External links are listed, never fetched: printed as a
 * count and written to test-results/external-links.txt for review.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, it } from 'vitest';
import { distFiles, fileFor, pathOf, readDist, siteOrigin } from './dist.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Attributes that hold one URL. (srcset is split below.) */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'data-copy-url']);

interface Link {
	from: string;
	tag: string;
	attr: string;
	url: string;
}

function elements(node: Node, visit: (el: Element) => void): void {
	if ('tagName' in node) visit(node);
	const children = 'childNodes' in node ? node.childNodes : [];
	for (const child of children) elements(child, visit);
	if ('content' in node) elements(node.content, visit);
}

interface Page {
	ids: Set<string>;
	links: Link[];
}

const origin = siteOrigin();
const htmlFiles = distFiles('.html');
const pages = new Map<string, Page>();
for (const file of htmlFiles) {
	const ids = new Set<string>();
	const links: Link[] = [];
	elements(parse(readDist(file)), (el) => {
		for (const { name, value } of el.attrs) {
			if (name === 'id' || (name === 'name' && el.tagName === 'a')) ids.add(value);
			if (URL_ATTRIBUTES.has(name))
				links.push({ from: file, tag: el.tagName, attr: name, url: value });
			if (name === 'srcset') {
				for (const part of value.split(',')) {
					const url = part.trim().split(/\s+/)[0];
					if (url) links.push({ from: file, tag: el.tagName, attr: name, url });
				}
			}
			if (
				name === 'content' &&
				el.attrs.some((a) => a.name === 'http-equiv' && a.value === 'refresh')
			) {
				const url = /url=(.+)$/i.exec(value)?.[1];
				if (url) links.push({ from: file, tag: 'meta', attr: 'refresh', url });
			}
		}
	});
	pages.set(file, { ids, links });
}

const allLinks = [...pages.values()].flatMap((p) => p.links);

/** Internal links as URLs on the site's origin; anything else (other hosts, mailto:) is external. */
function classify(link: Link): { internal: URL } | { external: string } {
	const base = new URL(pathOf(link.from), origin);
	const url = new URL(link.url, base);
	if (url.origin === origin) return { internal: url };
	return { external: url.href };
}

/** Why an internal link does not resolve, or undefined when it does. */
function problem(url: URL): string | undefined {
	const target = fileFor(url.pathname);
	if (!target) return `no file in dist/ for ${url.pathname}`;
	if (!url.hash || url.hash === '#') return undefined;
	const id = decodeURIComponent(url.hash.slice(1));
	const page = pages.get(target);
	if (!page) return `${url.pathname} is not an HTML page, so it has no #${id}`;
	return page.ids.has(id) ? undefined : `${target} has no element with id "${id}"`;
}

describe(`links in dist/ (${htmlFiles.length} HTML files)`, () => {
	it('every internal href and src resolves to a file, every #fragment to an id', () => {
		const broken: string[] = [];
		let internal = 0;
		let fragments = 0;
		for (const link of allLinks) {
			const kind = classify(link);
			if (!('internal' in kind)) continue;
			internal++;
			if (kind.internal.hash.length > 1) fragments++;
			const why = problem(kind.internal);
			if (why) broken.push(`${link.from}: <${link.tag} ${link.attr}="${link.url}">: ${why}`);
		}
		console.log(
			`links: ${htmlFiles.length} HTML files, ${internal} internal links (${fragments} with a #fragment) checked`,
		);
		expect(internal).toBeGreaterThan(htmlFiles.length);
		expect(fragments).toBeGreaterThan(0);
		expect(broken).toEqual([]);
	});

	it('external links are listed in test-results/external-links.txt, not fetched', () => {
		const external = new Map<string, Set<string>>();
		for (const link of allLinks) {
			const kind = classify(link);
			if (!('external' in kind)) continue;
			external.set(
				kind.external,
				(external.get(kind.external) ?? new Set()).add(pathOf(link.from)),
			);
		}
		const lines = [...external]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([url, from]) => `${url}\n  from ${[...from].sort().join(', ')}`);
		const out = path.resolve(import.meta.dirname, '../../test-results/external-links.txt');
		mkdirSync(path.dirname(out), { recursive: true });
		writeFileSync(
			out,
			`${external.size} external links in dist/ (not fetched)\n\n${lines.join('\n')}\n`,
		);
		console.log(
			`links: ${external.size} distinct external links listed in ${path.relative(process.cwd(), out)}`,
		);
		// No page may load anything from another origin: external URLs are only ever link targets.
		const loaded = allLinks.filter(
			(l) =>
				'external' in classify(l) && !(l.tag === 'a' || (l.tag === 'link' && l.attr === 'href')),
		);
		expect(loaded.map((l) => `${l.from}: <${l.tag} ${l.attr}="${l.url}">`)).toEqual([]);
	});
});
