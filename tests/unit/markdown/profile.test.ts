import { describe, expect, it } from 'vitest';
import { profileText } from '../../../src/lib/markdown/profile.ts';

describe('a term’s profile as a line for the answer card', () => {
	it('takes the first paragraph as plain text, its markup removed', () => {
		expect(profileText('The *Taliban* is a [movement](/x/).\n\nA second paragraph.')).toBe(
			'The Taliban is a movement.',
		);
	});

	it('keeps whole sentences while they fit', () => {
		const text = 'One short sentence. Another one that is longer than the first. A third.';
		expect(profileText(text, 50)).toBe('One short sentence.');
		expect(profileText(text, 200)).toBe(text);
	});

	it('cuts a first sentence that alone is too long at a word, with an ellipsis', () => {
		expect(
			profileText('An extremely long first sentence without any end in sight at all', 30),
		).toBe('An extremely long first…');
	});

	it('is empty for a term without a profile', () => {
		expect(profileText('')).toBe('');
	});

	it('drops raw HTML, keeping the words inside it, so the card never shows a tag as text', () => {
		expect(
			profileText('The <abbr title="Islamic State Khorasan Province">IS-K</abbr> is active.'),
		).toBe('The IS-K is active.');
		expect(profileText('A profile with <img src=x onerror=alert(1)> in it.')).toBe(
			'A profile with in it.',
		);
	});
});
