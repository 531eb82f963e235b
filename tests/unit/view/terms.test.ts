import { describe, expect, it } from 'vitest';
import { termLabel, termSearchHref } from '../../../src/lib/view/terms.ts';
import { seedArchive } from '../../support/seed-archive.ts';

const archive = seedArchive();
const term = <K extends 'groups' | 'regions' | 'topics' | 'authors'>(kind: K, slug: string) =>
	archive[kind].find((t) => t.slug === slug)!;

describe('termLabel', () => {
	it('calls a group an armed group and a topic a topic', () => {
		expect(termLabel(term('groups', 'is-k'))).toBe('Armed group');
		expect(termLabel(term('topics', 'recruitment'))).toBe('Topic');
	});

	it('places a region in the region that contains it', () => {
		expect(termLabel(term('regions', 'kunduz'))).toBe('Province in Afghanistan');
		expect(termLabel(term('regions', 'afghanistan'))).toBe('Country');
	});

	it('names the organisation an author writes for', () => {
		expect(termLabel(term('authors', 'rise-to-peace-ct-fellow'))).toBe('Author, Rise to Peace');
	});
});

describe('termSearchHref', () => {
	it('filters the search page by the term, by slug', () => {
		expect(termSearchHref(term('groups', 'is-k'))).toBe('/search/?group=is-k');
		expect(termSearchHref(term('regions', 'kunduz'))).toBe('/search/?region=kunduz');
	});

	it('is undefined for authors, who are not a search facet', () => {
		expect(termSearchHref(term('authors', 'ahmad-shah-mohibi'))).toBeUndefined();
	});
});
