import { describe, expect, it } from 'vitest';
import { rebaseHtml } from '../../../src/lib/outputs/base-path.ts';

const BASE = '/briefs/';

describe('rebaseHtml', () => {
	it('puts every site path in a link, a source and a form action under the base', () => {
		const html =
			'<a href="/reports/a/">A</a><img src="/images/map.png" alt=""><form action="/search/" method="get"></form>';
		expect(rebaseHtml(html, BASE)).toBe(
			'<a href="/briefs/reports/a/">A</a><img src="/briefs/images/map.png" alt=""><form action="/briefs/search/" method="get"></form>',
		);
	});

	it('reads single-quoted and unquoted values, and attributes in any case', () => {
		expect(rebaseHtml("<a HREF='/x/'>x</a><a href=/y/>y</a>", BASE)).toBe(
			"<a HREF='/briefs/x/'>x</a><a href=/briefs/y/>y</a>",
		);
	});

	it('gives each srcset candidate the base, keeping its descriptor', () => {
		expect(rebaseHtml('<img srcset="/a.png 1x, /b.png 2x" src="/a.png" alt="">', BASE)).toBe(
			'<img srcset="/briefs/a.png 1x, /briefs/b.png 2x" src="/briefs/a.png" alt="">',
		);
	});

	it('leaves full URLs, protocol-relative ones, fragments, relative paths and paths already under the base', () => {
		const html =
			'<a href="https://risetopeace.org/">x</a><a href="//cdn.example/x">x</a><a href="#Main">x</a><a href="cite.bib">x</a><link rel="stylesheet" href="/briefs/_astro/a.css">';
		expect(rebaseHtml(html, BASE)).toBe(html);
	});

	it('never touches text, comments or the raw text of scripts, styles and titles', () => {
		const html = [
			'<p>Write <code>&lt;a href="/x/"&gt;</code> in text.</p>',
			'<!-- <a href="/commented/"> -->',
			'<script type="application/ld+json">{"a":"<a href=\\"/in-script/\\">"}</script>',
			'<title>href="/t/"</title>',
			'<style>a[href="/s/"]{}</style>',
		].join('');
		expect(rebaseHtml(html, BASE)).toBe(html);
	});

	it('finds the href after an attribute whose value holds a ">"', () => {
		expect(rebaseHtml('<a title="a > b" href="/x/">x</a>', BASE)).toBe(
			'<a title="a > b" href="/briefs/x/">x</a>',
		);
	});

	it('rewrites nothing when the site is at the root of its host', () => {
		const html = '<a href="/reports/a/">A</a>';
		expect(rebaseHtml(html, '/')).toBe(html);
	});
});
