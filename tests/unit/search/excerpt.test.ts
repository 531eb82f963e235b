import { describe, expect, it } from 'vitest';
import { decodeEntities, parseExcerpt } from '../../../src/lib/search/excerpt.ts';

describe('parseExcerpt', () => {
	it('splits an excerpt into plain and marked runs', () => {
		expect(parseExcerpt('the <mark>Taliban</mark> and <mark>IS-K</mark>.')).toEqual([
			{ text: 'the ', marked: false },
			{ text: 'Taliban', marked: true },
			{ text: ' and ', marked: false },
			{ text: 'IS-K', marked: true },
			{ text: '.', marked: false },
		]);
	});

	it('keeps markup-like text in a report as text, so it can never run', () => {
		const parts = parseExcerpt('a quote: &lt;img src=x onerror=alert(1)&gt; <mark>here</mark>');
		expect(parts[0]).toEqual({ text: 'a quote: <img src=x onerror=alert(1)> ', marked: false });
		expect(parts).toHaveLength(2);
		expect(parseExcerpt('<img src=x onerror=alert(1)>')).toEqual([
			{ text: '<img src=x onerror=alert(1)>', marked: false },
		]);
	});

	it('treats only an exact <mark> as markup, not look-alikes', () => {
		expect(parseExcerpt('<mark onclick="x">a</mark>')).toEqual([
			{ text: '<mark onclick="x">a', marked: false },
		]);
	});
});

describe('decodeEntities', () => {
	it('decodes the escapes of HTML text and leaves anything else alone', () => {
		expect(decodeEntities('&lt;b&gt; &amp; &quot;q&quot; &#39;s &#x27;t &apos;u')).toBe(
			`<b> & "q" 's 't 'u`,
		);
		expect(decodeEntities('&nbsp; &copy; &amp;lt;')).toBe('&nbsp; &copy; &lt;');
	});
});
