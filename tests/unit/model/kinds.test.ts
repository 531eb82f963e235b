import { describe, expect, it } from 'vitest';
import {
	FACET_KINDS,
	FEED_KINDS,
	hasFeed,
	isFacetKind,
	KINDS,
	regionLabel,
	RELATED_KINDS,
	TAXONOMY_KINDS,
} from '../../../src/lib/model/kinds.ts';

describe('taxonomies', () => {
	it('covers the four taxonomies, each knowing its own kind', () => {
		expect(TAXONOMY_KINDS).toEqual(['groups', 'regions', 'topics', 'authors']);
		for (const kind of TAXONOMY_KINDS) expect(KINDS[kind].kind).toBe(kind);
	});

	it('labels a region by its kind, and by its parent when it has one', () => {
		expect(regionLabel('country')).toBe('Country');
		expect(regionLabel('province', 'Afghanistan')).toBe('Province in Afghanistan');
		expect(regionLabel('city', 'Pakistan')).toBe('City in Pakistan');
	});

	it('gives feeds to every kind, authors included, and search facets to all but authors', () => {
		expect(FEED_KINDS).toEqual(['groups', 'regions', 'topics', 'authors']);
		expect(TAXONOMY_KINDS.map((k) => KINDS[k].feed)).toEqual([
			'on the armed group',
			'on the region',
			'on the topic',
			'by',
		]);
		expect(FACET_KINDS).toEqual(['groups', 'regions', 'topics']);
		expect(FACET_KINDS.map((k) => KINDS[k].facet)).toEqual(['group', 'region', 'topic']);
		expect(hasFeed('authors')).toBe(true);
		expect(isFacetKind('authors')).toBe(false);
		expect(hasFeed('regions')).toBe(true);
	});

	it('relates reports by groups, then regions, then topics, and never by author', () => {
		expect(RELATED_KINDS).toEqual(['groups', 'regions', 'topics']);
	});

	it('nests regions only', () => {
		expect(TAXONOMY_KINDS.filter((k) => KINDS[k].nested)).toEqual(['regions']);
	});
});
