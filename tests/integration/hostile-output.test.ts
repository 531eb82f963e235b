/**
 * The hostile fixture built without the content checks (tests/support/hostile-build.ts): the
 * body sanitizer alone, in the Markdown and the MDX pipeline, must keep every attack out of what
 * the browser gets. Every HTML file of the build is read as a browser reads it (parse5) and must
 * have no event-handler attribute, no javascript:, vbscript: or data: URL, nothing loaded from
 * another site, no script but the site's own (hashed in the page's policy, a file of the build,
 * or JSON-LD data), no inline style, and none of the elements that move or cover the page. What a
 * report may contain (the archive's components, tables, footnotes, …) must still be there.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { directivesOf, metaPolicy } from '../../src/lib/outputs/csp.ts';
import { isRemote, schemeOf } from '../../src/lib/model/urls.ts';
import { URL_ATTRIBUTES } from '../../src/lib/checks/html-safety.ts';
import { hostileBuild } from '../support/hostile-build.ts';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

let outDir: string;
beforeAll(() => {
	const build = hostileBuild();
	expect(build.status, build.output).toBe(0);
	outDir = build.outDir;
}, 300_000);

const files = (ext: string) =>
	readdirSync(outDir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith(ext))
		.map((d) => join(d.parentPath, d.name).slice(outDir.length + 1))
		.sort();
const read = (file: string) => readFileSync(join(outDir, file), 'utf8');

/** Every element of a document, template contents included. */
function elements(node: Node): Element[] {
	const out: Element[] = [];
	const stack: Node[] = [node];
	while (stack.length) {
		const n = stack.pop()!;
		if ('tagName' in n) out.push(n);
		if ('childNodes' in n) stack.push(...[...n.childNodes].reverse());
		if ('content' in n) stack.push(n.content);
	}
	return out;
}

const text = (e: Node): string =>
	'value' in e && e.nodeName === '#text'
		? e.value
		: 'childNodes' in e
			? e.childNodes.map(text).join('')
			: '';
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

/** The problems of one built page, as "what: detail" lines; none when it is safe. */
function pageProblems(html: string): string[] {
	const problems: string[] = [];
	const policy = directivesOf(metaPolicy(html) ?? '');
	const hashes = (directive: string) =>
		new Set(policy.find((d) => d.startsWith(`${directive} `))?.split(' ') ?? []);
	const scriptHashes = hashes('script-src');
	const styleHashes = hashes('style-src');
	for (const e of elements(parse(html))) {
		for (const a of e.attrs) {
			const name = a.name.toLowerCase();
			if (name.startsWith('on')) problems.push(`event handler: <${e.tagName} ${name}>`);
			if (name === 'style') problems.push(`inline style: <${e.tagName} style="${a.value}">`);
			if (!URL_ATTRIBUTES.has(name)) continue;
			for (const url of name === 'srcset' ? a.value.split(',') : [a.value]) {
				const scheme = schemeOf(url.trim());
				if (scheme === 'javascript:' || scheme === 'vbscript:' || scheme === 'data:')
					problems.push(`${scheme} URL: <${e.tagName} ${name}="${url}">`);
				if (['src', 'srcset', 'poster', 'data'].includes(name) && isRemote(url.trim()))
					problems.push(`loads from another site: <${e.tagName} ${name}="${url}">`);
			}
		}
		if (e.tagName === 'script') {
			const src = attr(e, 'src');
			const type = attr(e, 'type');
			const body = text(e);
			if (src !== undefined) {
				if (!src.startsWith('/_astro/')) problems.push(`script not the site's: src="${src}"`);
			} else if (type === 'application/ld+json') {
				try {
					JSON.parse(body);
				} catch {
					problems.push('JSON-LD that is not JSON');
				}
			} else if (!scriptHashes.has(sha256(body))) {
				problems.push(`inline script not hashed in the policy: ${body.slice(0, 60)}`);
			}
		}
		if (e.tagName === 'style' && !styleHashes.has(sha256(text(e))))
			problems.push(`inline <style> not hashed in the policy: ${text(e).slice(0, 60)}`);
		if (['base', 'iframe', 'frame', 'frameset', 'object', 'embed'].includes(e.tagName))
			problems.push(`<${e.tagName}>`);
		if (e.tagName === 'meta' && attr(e, 'http-equiv')?.toLowerCase() === 'refresh')
			problems.push('<meta http-equiv="refresh">');
	}
	return problems;
}

/** The body of a report or profile as built: the element the Markdown is rendered into. */
function bodyOf(file: string): Element {
	const prose = elements(parse(read(file))).find((e) =>
		(attr(e, 'class') ?? '').split(' ').includes('prose'),
	);
	if (!prose) throw new Error(`${file} has no .prose element`);
	return prose;
}
const inBody = (file: string, tag: string) =>
	elements(bodyOf(file)).filter((e) => e.tagName === tag);

describe('the hostile fixture built without the content checks', () => {
	it('builds a page for every hostile report and profile', () => {
		const reports = readdirSync(join(outDir, 'reports'), { withFileTypes: true })
			.filter((d) => d.isDirectory() && d.name !== '2022')
			.map((d) => d.name);
		expect(reports).toContain('noembed-split');
		expect(reports).toContain('mdx-reads-files');
		expect(reports.length).toBe(33);
		expect(files('.html')).toContain('groups/hostile-group/index.html');
	});

	it('has, on every page, no event handler, no javascript:/data: URL, no foreign load, no script but the site’s own, no inline style', () => {
		const problems = files('.html').flatMap((f) => pageProblems(read(f)).map((p) => `${f}: ${p}`));
		expect(problems).toEqual([]);
	});

	it('ran no contributor code at build time: no file contents, environment or command output', () => {
		const everything = [...files('.html'), ...files('.json'), ...files('.xml')]
			.map(read)
			.join('\n');
		expect(everything).not.toMatch(/root:x:0:0|uid=\d+\(|\/bin\/(ba)?sh/);
		if (process.env.HOME) expect(everything).not.toContain(`is ${process.env.HOME}`);
		expect(text(bodyOf('reports/mdx-environment/index.html')).trim()).toBe('The home folder is .');
		expect(text(bodyOf('reports/mdx-runs-commands/index.html')).trim()).toBe('Who: . Again:');
		expect(inBody('reports/mdx-reads-files/index.html', 'pre').map(text)).toEqual(['']);
	});

	it('sanitizes MDX pages too: the spread onerror goes, the image stays', () => {
		const [img, ...others] = inBody('reports/mdx-spread-onerror/index.html', 'img');
		expect(others).toEqual([]);
		expect(img?.attrs).toEqual([
			{ name: 'src', value: '/favicon.svg' },
			{ name: 'alt', value: 'An icon' },
		]);
		expect(inBody('reports/mdx-spread-href/index.html', 'a').map((a) => a.attrs)).toEqual([[]]);
	});

	it('reads split-up raw HTML as the browser does: no live <img onerror> after <noembed> or <textarea>', () => {
		for (const page of [
			'noembed-split',
			'textarea-split',
			'noscript-split',
			'comment-ends-early',
		]) {
			expect(inBody(`reports/${page}/index.html`, 'img'), page).toEqual([]);
		}
		expect(text(bodyOf('reports/noembed-split/index.html')).trim()).toBe('c "> d');
	});

	it('keeps the text of refused markup where it is harmless, and drops scripts, SVG and MathML whole', () => {
		expect(text(bodyOf('reports/inline-style/index.html')).trim()).toBe('Looks like the site.');
		for (const page of ['svg-script', 'math-mxss', 'template-content', 'style-element']) {
			const body = bodyOf(`reports/${page}/index.html`);
			expect(text(body), page).not.toContain('alert');
			expect(
				elements(body).filter((e) => String(e.namespaceURI) !== 'http://www.w3.org/1999/xhtml'),
				page,
			).toEqual([]);
		}
	});

	it('has no form in any report or profile body (the site’s own search form is in the header)', () => {
		const bodies = files('.html').filter((f) => /^(reports|groups)\/[^/]+\/index\.html$/.test(f));
		const forms = bodies.filter((f) => !f.startsWith('reports/2022/') && inBody(f, 'form').length);
		expect(bodies.length).toBeGreaterThan(30);
		expect(forms).toEqual([]);
	});

	it('keeps no id or class an author invented, nor search metadata', () => {
		const body = bodyOf('reports/invented-attributes/index.html');
		expect(elements(body).flatMap((e) => e.attrs)).toEqual([{ name: 'class', value: 'prose' }]);
	});
});

describe('what a report may contain reaches the page', () => {
	it('the archive’s components, with the attributes written out', () => {
		const file = 'reports/allowed-components/index.html';
		const body = bodyOf(file);
		const find = (cls: string) =>
			elements(body).find((e) => (attr(e, 'class') ?? '').split(' ').includes(cls));
		expect(text(find('callout__label')!)).toBe('Update 28 May 2026: A correction');
		expect(text(find('judgment')!)).toBe(
			'IS-K will attack again.Likelihood: Likely (55–80%) Confidence: Moderate',
		);
		const figure = inBody(file, 'img')[0]!;
		expect(attr(figure, 'src')).toBe('/favicon.svg');
		expect(attr(figure, 'width')).toBe('64');
		expect(text(inBody(file, 'figcaption')[0]!)).toBe('A caption. Credit: Brief Archive');
		expect(inBody(file, 'blockquote').map((b) => attr(b, 'cite'))).toEqual([
			'https://example.org/',
		]);
		expect(text(inBody(file, 'abbr')[0]!)).toBe('ISKP');
	});

	it('MDX goes through the site’s own plugins: the heading has its id and its section link', () => {
		const file = 'reports/allowed-components/index.html';
		expect(inBody(file, 'h2').map((h) => attr(h, 'id'))).toEqual(['key-judgments']);
		expect(inBody(file, 'a').map((a) => attr(a, 'href'))).toContain('#key-judgments');
	});

	it('GFM tables, task lists, footnotes, code and the HTML the sanitizer keeps', () => {
		const file = 'reports/allowed-markup/index.html';
		expect(inBody(file, 'th').map((th) => [text(th), attr(th, 'align')])).toEqual([
			['Group', 'left'],
			['Region', 'right'],
		]);
		expect(inBody(file, 'input').map((i) => i.attrs.map((a) => a.name).sort())).toEqual([
			['checked', 'disabled', 'type'],
			['disabled', 'type'],
		]);
		expect(inBody(file, 'a').map((a) => attr(a, 'href'))).toEqual([
			'https://example.org/',
			'#user-content-fn-1',
			'#a-section',
			'#user-content-fnref-1',
		]);
		expect(inBody(file, 'code').map((c) => attr(c, 'class'))).toEqual([undefined, 'language-ts']);
		for (const tag of ['abbr', 'sub', 'sup', 'kbd', 'mark', 'small', 'details', 'summary', 'del'])
			expect(inBody(file, tag).length, tag).toBeGreaterThan(0);
		expect(read(file)).not.toContain('An editor');
	});
});
