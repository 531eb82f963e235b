/**
 * Options for rehype-autolink-headings: after every h2–h6 of a report body, a visible "#" link to
 * the heading's own id (set by rehype-slug, and permanent).
 *
 * The link sits *after* the heading, inside a wrapper, rather than inside it, so the heading's
 * text stays clean for the table of contents, search sub-results and screen readers' heading
 * lists. Its accessible name says which section it links to.
 */
import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';

export const headingAnchorOptions = {
	behavior: 'after' as const,
	/** h2–h6 with an id, except GFM's screen-reader-only "Footnotes" heading. */
	test: (node: Element): boolean =>
		/^h[2-6]$/.test(node.tagName) &&
		typeof node.properties.id === 'string' &&
		node.properties.id !== 'footnote-label',
	group: (heading: Element): Element => ({
		type: 'element',
		tagName: 'div',
		properties: { className: ['heading-wrapper', `level-${heading.tagName}`] },
		children: [],
	}),
	properties: { className: ['heading-anchor'], 'data-pagefind-ignore': '' },
	content: (heading: Element): ElementContent[] => [
		{
			type: 'element',
			tagName: 'span',
			properties: { ariaHidden: 'true' },
			children: [{ type: 'text', value: '#' }],
		},
		{
			type: 'element',
			tagName: 'span',
			properties: { className: ['visually-hidden'] },
			children: [{ type: 'text', value: `Link to section: ${toString(heading)}` }],
		},
	],
};
