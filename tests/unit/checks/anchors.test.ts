import { describe, expect, it } from 'vitest';
import { anchorReader, idsIn } from '../../../src/lib/checks/anchors.ts';

describe('idsIn', () => {
	it('collects every id, with entities decoded', () => {
		expect(
			idsIn(`<h2 id="a">A</h2><p id='b'>x</p><div data-id="no" id="c&amp;d&#x27;e"></div>`),
		).toEqual(new Set(['a', 'b', "c&d'e"]));
	});
});

describe('anchorReader', () => {
	it('gives the ids the site gives: rehype-slug after smart punctuation, and footnotes', async () => {
		const read = anchorReader('/site/content');
		const ids = await read(
			'## Background & Context\n\n## IS-K\'s "Rise" -- now\n\nText[^1].\n\n[^1]: A note.\n',
		);
		expect([...ids].sort()).toEqual([
			'background--context',
			'footnote-label',
			'is-ks-rise--now',
			'user-content-fn-1',
			'user-content-fnref-1',
		]);
	});
});
