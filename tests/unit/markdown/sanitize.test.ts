/**
 * The body sanitizer on its own (src/lib/markdown/sanitize.ts), on trees made as the build makes
 * them: Markdown with raw HTML, and MDX with its JSX, ESM and expressions. What goes and what
 * stays, as HTML; the full pipeline is tested on built pages in tests/integration/hostile-output.test.ts.
 */
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseBody } from '../../../src/lib/checks/body.ts';
import { isServableImage, sanitizeBody } from '../../../src/lib/markdown/sanitize.ts';

const MDX_TYPES = [
	'mdxjsEsm',
	'mdxFlowExpression',
	'mdxTextExpression',
	'mdxJsxFlowElement',
	'mdxJsxTextElement',
] as const;

/** A Markdown body through the sanitizer, as HTML. */
function md(body: string): string {
	const tree = toHast(parseBody(body, 'md'), { allowDangerousHtml: true }) as Root;
	return toHtml(sanitizeBody(tree, new VFile(body))).trim();
}

/** An MDX body through the sanitizer: the tree, which still holds the archive's components. */
function mdx(body: string): Root {
	return sanitizeBody(toHast(parseBody(body, 'mdx'), { passThrough: [...MDX_TYPES] }) as Root);
}

/** Each node of a tree as a short line: `element a href=/x`, `mdxJsxFlowElement Callout type=note`. */
function outline(tree: Root): string[] {
	const out: string[] = [];
	const walk = (node: Root['children'][number] | Root) => {
		if (node.type === 'element') {
			const props = Object.entries(node.properties).map(([k, v]) => `${k}=${String(v)}`);
			out.push(['element', node.tagName, ...props].join(' '));
		} else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			const attrs = node.attributes.map((a) =>
				a.type === 'mdxJsxAttribute'
					? `${a.name}=${typeof a.value === 'string' ? a.value : (a.value?.value ?? 'true')}`
					: 'spread',
			);
			out.push([node.type, node.name, ...attrs].join(' '));
		} else if (node.type !== 'root' && node.type !== 'text') out.push(node.type);
		if ('children' in node) for (const child of node.children) walk(child);
	};
	walk(tree);
	return out;
}

describe('sanitizeBody: Markdown and raw HTML', () => {
	it('removes scripts, styles, SVG and MathML with what is inside them', () => {
		expect(md('a <script>alert(1)</script> b')).toBe('<p>a  b</p>');
		expect(md('<svg><script>alert(1)</script><text>x</text></svg>\n\nc')).toBe('<p></p>\n<p>c</p>');
		expect(md('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>')).toBe('<p></p>');
		expect(md('<style>p{color:red}</style>\n\nc')).toBe('<p>c</p>');
	});

	it('removes event handlers, inline styles, ids and classes, and keeps the element and its text', () => {
		expect(md('<p style="color:red" onclick="x()" id="Cite" class="cite">Text</p>')).toBe(
			'<p>Text</p>',
		);
		expect(md('<details open ontoggle="alert(1)"><summary>More</summary>x</details>')).toBe(
			'<details open><summary>More</summary>x</details>',
		);
	});

	it('removes javascript:, data: and other schemes from links, however they are spelt', () => {
		for (const href of [
			'javascript:alert(1)',
			'&#106;avascript:alert(1)',
			'JAVA&#x09;SCRIPT:x',
			'data:text/html,x',
			'vbscript:x',
		]) {
			expect(md(`<a href="${href}">x</a>`), href).toBe('<p><a>x</a></p>');
		}
		expect(md('[x](javascript:alert(1))')).toBe('<p><a>x</a></p>');
		expect(md('<a href="https://example.org/" title="t">x</a> <a href="mailto:a@b.c">m</a>')).toBe(
			'<p><a href="https://example.org/" title="t">x</a> <a href="mailto:a@b.c">m</a></p>',
		);
	});

	it('reads split-up raw HTML as the browser does: the <img> behind <noembed> loses its handler', () => {
		expect(md('c <noembed><b title="</noembed><img src=x onerror=alert(1)>"></noembed> d')).toBe(
			'<p>c "> d</p>',
		);
		expect(md('One <!--> <img src="/a.png" alt="A" onerror=alert(1)> --> two.')).toBe(
			'<p>One  <img src="/a.png" alt="A"> --> two.</p>',
		);
	});

	it('keeps only images the site can serve: its own paths and image files beside the report', () => {
		expect(md('![A map](./map.png) ![A chart](/images/chart)')).toBe(
			'<p><img src="./map.png" alt="A map"> <img src="/images/chart" alt="A chart"></p>',
		);
		expect(
			md(
				'![x](https://cdn.example/p.gif) ![y](//cdn.example/p.gif) <img src="/\\cdn.example/p.gif"> <img src=x>',
			),
		).toBe('<p>   </p>');
		expect(isServableImage('data:image/png;base64,AA')).toBe(false);
	});

	it('removes forms, frames, <base> and <meta>, and an <input> that is not a task list’s', () => {
		expect(md('<form action="https://x.example/"><input name="q"><button>Go</button></form>')).toBe(
			'Go',
		);
		expect(
			md('<base href="https://x.example/"><meta http-equiv="refresh" content="0">\n\nText'),
		).toBe('<p>Text</p>');
		expect(md('<iframe srcdoc="<script>alert(1)</script>"></iframe>\n\nText')).toBe('<p>Text</p>');
	});

	it('keeps what Markdown and GFM write: tables, task lists, footnotes, code with its language', () => {
		const html = md(
			'| a | b |\n| :- | -: |\n| 1 | 2 |\n\n- [x] done\n\n```ts\nx\n```\n\nA note.[^1]\n\n[^1]: The note.\n',
		);
		expect(html).toContain('<th align="left">a</th>');
		expect(html).toContain(
			'<li class="task-list-item"><input type="checkbox" checked disabled> done</li>',
		);
		expect(html).toContain('<code class="language-ts">x\n</code>');
		expect(html).toContain(
			'<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a>',
		);
		expect(html).toContain('<li id="user-content-fn-1">');
		expect(html).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>');
	});

	it('drops comments', () => {
		expect(md('<!-- a note -->\n\nText')).toBe('<p>Text</p>');
	});
});

describe('sanitizeBody: MDX', () => {
	it('drops import, export and expressions before MDX can compile them, comments included', () => {
		const tree = mdx(
			"import fs from 'node:fs';\nexport const pw = 1;\n\nText {process.env.HOME} {/* note */}\n\n{pw}\n",
		);
		expect(outline(tree)).toEqual(['element p']);
	});

	it('keeps the archive’s components with their written-out attributes and literal numbers', () => {
		const tree = mdx(
			'<Figure src="/images/map.png" alt="A map" width={600} />\n\n<Callout type="update" title="T">x</Callout>\n',
		);
		expect(outline(tree)).toEqual([
			'mdxJsxFlowElement Figure src=/images/map.png alt=A map width=600',
			'element p',
			'mdxJsxTextElement Callout type=update title=T',
		]);
	});

	it('drops spreads, non-literal values, JSX in attributes, unknown attributes and set:html', () => {
		const tree = mdx(
			'<Callout title={<img src="x" onerror="alert(1)" />} onClick="x()" {...{type: "warning"}} set:html={"<b>"}>x</Callout>\n\n<Quote source="S" url="javascript:alert(1)">q</Quote>\n',
		);
		expect(outline(tree)).toEqual([
			'element p',
			'mdxJsxTextElement Callout',
			'element p',
			'mdxJsxTextElement Quote source=S',
		]);
	});

	it('turns HTML written as JSX into sanitized elements, and unwraps components that are not the archive’s', () => {
		const tree = mdx(
			'<a href="javascript:alert(1)" onClick={f}>x</a>\n\n<img src="/favicon.svg" alt="I" {...{onerror: "alert(1)"}} />\n\n<S>text</S>\n\n<Fragment set:html={"<img>"} />\n\n<div set:html={"<img>"} />\n',
		);
		// <a>…</a> and <S>…</S> on a line of their own are text in a paragraph.
		expect(outline(tree)).toEqual([
			'element p',
			'element a',
			'element img src=/favicon.svg alt=I',
			'element p',
			'element div',
		]);
	});

	it('drops a <Figure> whose image would load from another site', () => {
		expect(outline(mdx('<Figure src="//x.example/p.png" alt="P" />\n'))).toEqual([]);
	});
});
