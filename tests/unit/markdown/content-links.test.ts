import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
	entryUrl,
	remarkContentLinks,
	resolveContentLink,
} from '../../../src/lib/markdown/content-links.ts';

describe('resolveContentLink', () => {
	it('resolves a sibling report, with or without ./ and with a fragment', () => {
		expect(resolveContentLink('reports/a.md', 'b.md')).toEqual({
			path: 'reports/b.md',
			entry: { collection: 'reports', slug: 'b' },
			fragment: undefined,
		});
		expect(resolveContentLink('reports/a.md', './b.mdx#the-outlook')).toEqual({
			path: 'reports/b.mdx',
			entry: { collection: 'reports', slug: 'b' },
			fragment: 'the-outlook',
		});
	});

	it('resolves a link into another collection, and decodes escapes', () => {
		expect(resolveContentLink('reports/a.md', '../groups/taliban.md')?.entry).toEqual({
			collection: 'groups',
			slug: 'taliban',
		});
		expect(resolveContentLink('reports/a.md', './b.md#%C3%BCberblick')?.fragment).toBe('überblick');
	});

	it('resolves a link to a file that is no entry to its path, without an entry', () => {
		expect(resolveContentLink('reports/a.md', '../notes/x.md')).toEqual({
			path: 'notes/x.md',
			entry: undefined,
			fragment: undefined,
		});
	});

	it('ignores links that are not relative links to Markdown files', () => {
		for (const url of ['/reports/b/', 'https://x.org/b.md', '#part', 'b.pdf', 'mailto:a@b.c']) {
			expect(resolveContentLink('reports/a.md', url), url).toBeUndefined();
		}
	});
});

describe('entryUrl', () => {
	it('gives the site path of a report or a term, with a fragment', () => {
		expect(entryUrl('reports', 'a', 'x')).toBe('/reports/a/#x');
		expect(entryUrl('groups', 'taliban')).toBe('/groups/taliban/');
		expect(entryUrl('regions', 'kunduz', 'y')).toBe('/regions/kunduz/#y');
	});
});

describe('remarkContentLinks', () => {
	const run = (markdown: string, path: string | undefined) => {
		const tree = unified().use(remarkParse).parse(markdown);
		remarkContentLinks({ contentDir: '/site/content' })(tree, { path });
		return tree;
	};
	const urls = (tree: Root) =>
		tree.children.flatMap((block) =>
			'children' in block
				? block.children.flatMap((n) => (n.type === 'link' ? [n.url] : []))
				: block.type === 'definition'
					? [block.url]
					: [],
		);

	it('rewrites relative links to entries into site URLs, in links and definitions', () => {
		const tree = run(
			'[a](./b.md#outlook) [g](../groups/taliban.md) [r][ref]\n\n[ref]: c.mdx\n',
			'/site/content/reports/a.md',
		);
		expect(urls(tree)).toEqual(['/reports/b/#outlook', '/groups/taliban/', '/reports/c/']);
	});

	it('leaves other links alone, and files outside the content directory', () => {
		expect(
			urls(run('[x](https://x.org/a.md) [y](/reports/b/)', '/site/content/reports/a.md')),
		).toEqual(['https://x.org/a.md', '/reports/b/']);
		expect(urls(run('[a](./b.md)', '/elsewhere/a.md'))).toEqual(['./b.md']);
		expect(urls(run('[a](./b.md)', undefined))).toEqual(['./b.md']);
	});
});
