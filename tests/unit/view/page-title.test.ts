import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../../src/lib/view/page-title.ts';

describe('pageTitle', () => {
	it('is "Page · Site" for a page with a title', () => {
		expect(pageTitle('Kunduz', 'Brief Archive')).toBe('Kunduz · Brief Archive');
	});

	it('is the site name alone without a title or with an empty one', () => {
		expect(pageTitle(undefined, 'Brief Archive')).toBe('Brief Archive');
		expect(pageTitle('', 'Brief Archive')).toBe('Brief Archive');
	});
});
