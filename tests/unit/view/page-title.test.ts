import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../../src/lib/view/page-title.ts';
import { regionLabel, TAXONOMIES, TAXONOMY_KINDS } from '../../../src/lib/model/kinds.ts';

describe('pageTitle', () => {
	it('is "Page · Site" for a page with a title', () => {
		expect(pageTitle('Kunduz', 'Brief Archive')).toBe('Kunduz · Brief Archive');
	});

	it('is the site name alone without a title or with an empty one', () => {
		expect(pageTitle(undefined, 'Brief Archive')).toBe('Brief Archive');
		expect(pageTitle('', 'Brief Archive')).toBe('Brief Archive');
	});
});

describe('taxonomies', () => {
	it('covers the four taxonomies, each knowing its own kind', () => {
		expect(TAXONOMY_KINDS).toEqual(['groups', 'regions', 'topics', 'authors']);
		for (const kind of TAXONOMY_KINDS) expect(TAXONOMIES[kind].kind).toBe(kind);
	});

	it('labels a region by its kind, and by its parent when it has one', () => {
		expect(regionLabel('country')).toBe('Country');
		expect(regionLabel('province', 'Afghanistan')).toBe('Province in Afghanistan');
		expect(regionLabel('city', 'Pakistan')).toBe('City in Pakistan');
	});
});
