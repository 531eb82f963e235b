import { describe, expect, it } from 'vitest';
import type { Element, ElementContent, Root } from 'hast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { headingAnchorOptions } from '../../../src/lib/markdown/heading-anchors.ts';

function heading(
	tagName: string,
	id: string | undefined,
	children: ElementContent[] = [],
): Element {
	return { type: 'element', tagName, properties: id === undefined ? {} : { id }, children };
}
const text = (value: string): ElementContent => ({ type: 'text', value });

const isElement = (node: ElementContent | undefined): node is Element => node?.type === 'element';

/** The concatenated text of a node. */
function textOf(node: ElementContent): string {
	if (node.type === 'text') return node.value;
	if (node.type === 'element') return node.children.map(textOf).join('');
	return '';
}

describe('headingAnchorOptions.test', () => {
	it('links h2 to h6 headings that have an id', () => {
		for (const tag of ['h2', 'h3', 'h4', 'h5', 'h6']) {
			expect(headingAnchorOptions.test(heading(tag, 'background')), tag).toBe(true);
		}
	});

	it('does not link the h1, the page title', () => {
		expect(headingAnchorOptions.test(heading('h1', 'title'))).toBe(false);
	});

	it('does not link GFM’s screen-reader-only footnotes heading', () => {
		expect(headingAnchorOptions.test(heading('h2', 'footnote-label'))).toBe(false);
	});

	it('does not link a heading without an id', () => {
		expect(headingAnchorOptions.test(heading('h2', undefined))).toBe(false);
	});

	it('does not link elements that are not headings', () => {
		expect(headingAnchorOptions.test(heading('p', 'para'))).toBe(false);
		expect(headingAnchorOptions.test(heading('h7', 'nope'))).toBe(false);
		expect(headingAnchorOptions.test(heading('header', 'top'))).toBe(false);
	});
});

describe('headingAnchorOptions.content', () => {
	const h = heading('h2', 'the-is-k-threat', [
		text('The '),
		{ type: 'element', tagName: 'code', properties: {}, children: [text('IS-K')] },
		text(' threat'),
	]);
	const [visible, hidden, ...rest] = headingAnchorOptions.content(h);

	it('gives exactly two parts', () => {
		expect(rest).toEqual([]);
	});

	it('shows a "#" that is hidden from assistive technology', () => {
		expect(isElement(visible)).toBe(true);
		if (!isElement(visible)) return;
		expect(visible.tagName).toBe('span');
		expect(visible.properties.ariaHidden).toBe('true');
		expect(textOf(visible)).toBe('#');
	});

	it('names the link for assistive technology with a visually hidden "Link to section: <heading text>"', () => {
		expect(isElement(hidden)).toBe(true);
		if (!isElement(hidden)) return;
		expect(hidden.properties.className).toEqual(['visually-hidden']);
		expect(hidden.properties.ariaHidden).toBeUndefined();
		expect(textOf(hidden)).toBe('Link to section: The IS-K threat');
	});
});

describe('headingAnchorOptions with rehype-autolink-headings', () => {
	it('puts the heading and a "#" link to its id side by side in a wrapper, leaving the heading text clean', () => {
		const h2 = heading('h2', 'outlook', [text('Outlook')]);
		const h1 = heading('h1', 'title', [text('Title')]);
		const tree: Root = { type: 'root', children: [h1, h2] };
		rehypeAutolinkHeadings(headingAnchorOptions)(tree);

		expect(tree.children[0]).toBe(h1);
		const wrapper = tree.children[1];
		expect(wrapper?.type).toBe('element');
		if (wrapper?.type !== 'element') return;
		expect(wrapper.tagName).toBe('div');
		expect(wrapper.properties.className).toEqual(['heading-wrapper', 'level-h2']);
		const [first, link] = wrapper.children;
		expect(first).toBe(h2);
		expect(h2.children).toEqual([text('Outlook')]);
		expect(isElement(link)).toBe(true);
		if (!isElement(link)) return;
		expect(link.tagName).toBe('a');
		expect(link.properties.href).toBe('#outlook');
		expect(link.properties.className).toEqual(['heading-anchor']);
		expect(link.properties['data-pagefind-ignore']).toBe('');
		expect(textOf(link)).toBe('#Link to section: Outlook');
	});
});
