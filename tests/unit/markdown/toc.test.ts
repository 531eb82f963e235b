import { describe, expect, it } from 'vitest';
import { buildToc } from '../../../src/lib/markdown/toc.ts';

const h = (depth: number, slug: string) => ({ depth, slug, text: slug.toUpperCase() });

describe('buildToc', () => {
	it('lists h2 headings in order, with the h3 headings under each nested', () => {
		expect(buildToc([h(2, 'a'), h(3, 'a1'), h(3, 'a2'), h(2, 'b')])).toEqual([
			{
				slug: 'a',
				text: 'A',
				children: [
					{ slug: 'a1', text: 'A1', children: [] },
					{ slug: 'a2', text: 'A2', children: [] },
				],
			},
			{ slug: 'b', text: 'B', children: [] },
		]);
	});

	it('leaves out h1 and h4–h6', () => {
		expect(
			buildToc([h(1, 'title'), h(2, 'a'), h(4, 'deep'), h(5, 'deeper'), h(6, 'deepest')]).map(
				(e) => e.slug,
			),
		).toEqual(['a']);
		expect(buildToc([h(2, 'a'), h(4, 'deep')])[0]?.children).toEqual([]);
	});

	it('leaves out GFM’s footnotes heading', () => {
		expect(buildToc([h(2, 'a'), h(2, 'footnote-label')]).map((e) => e.slug)).toEqual(['a']);
	});

	it('keeps an h3 that comes before any h2 at the top level', () => {
		expect(buildToc([h(3, 'intro'), h(2, 'a')]).map((e) => e.slug)).toEqual(['intro', 'a']);
	});
});
