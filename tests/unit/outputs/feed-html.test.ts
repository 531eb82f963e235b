import { describe, expect, it } from 'vitest';
import { feedHtml } from '../../../src/lib/outputs/feed-html.ts';

const URL = 'https://archive.example.org/reports/r/';

describe('feedHtml', () => {
	it('makes links, images and fragments absolute against the report’s URL', () => {
		expect(
			feedHtml(
				'<p><a href="/groups/is-k/">IS-K</a> and <a href="#background">below</a> <img src="/img/a.png" alt="A"></p>',
				URL,
			),
		).toBe(
			'<p><a href="https://archive.example.org/groups/is-k/">IS-K</a> and <a href="https://archive.example.org/reports/r/#background">below</a> <img src="https://archive.example.org/img/a.png" alt="A"></p>',
		);
	});

	it('drops the heading “#” links, screen-reader labels and the page’s own attributes', () => {
		expect(
			feedHtml(
				'<div class="heading-wrapper level-h2"><h2 id="background">Background</h2><a class="heading-anchor" href="#background" data-pagefind-ignore=""><span aria-hidden="true">#</span><span class="visually-hidden">Link to section: Background</span></a></div>',
				URL,
			),
		).toBe('<div><h2>Background</h2></div>');
	});
});
