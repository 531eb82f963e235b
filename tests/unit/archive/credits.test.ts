import { describe, expect, it } from 'vitest';
import { credits, isUnsigned, originalPublisher } from '../../../src/lib/archive/credits.ts';
import { fixtureArchive } from '../../support/fixture-archive.ts';

const archive = fixtureArchive();
const bySlug = (slug: string) => archive.bySlug.get(slug)!;

describe('credits', () => {
	it('credits a named person by name, with their page and affiliation', () => {
		expect(credits(bySlug('day-report'), 'Brief Archive')).toEqual([
			{
				name: 'Jane Analyst',
				kind: 'person',
				url: '/authors/jane-analyst/',
				affiliation: 'Rise to Peace',
			},
		]);
	});

	it('keeps a desk byline as printed and marks it as a desk', () => {
		const [credit] = credits(bySlug('month-report'), 'Brief Archive');
		expect(credit).toMatchObject({
			name: 'Rise to Peace Counter-Terrorism Research Fellow',
			kind: 'desk',
		});
	});

	it('credits an unsigned report to its original publisher as group author, or to the site when it has none', () => {
		expect(credits(bySlug('year-report'), 'Brief Archive')).toEqual([
			{ name: 'Brief Archive', kind: 'organisation' },
		]);
		const unsignedWithSource = { ...bySlug('year-report'), source: { publisher: 'Rise to Peace' } };
		expect(credits(unsignedWithSource, 'Brief Archive')).toEqual([
			{ name: 'Rise to Peace', kind: 'organisation' },
		]);
	});
});

describe('isUnsigned', () => {
	it('is true only for a report with no byline', () => {
		expect(isUnsigned(bySlug('year-report'))).toBe(true);
		expect(isUnsigned(bySlug('month-report'))).toBe(false);
	});
});

describe('originalPublisher', () => {
	it('is the provenance publisher, else the site publisher', () => {
		expect(originalPublisher(bySlug('day-report'), 'Brief Archive')).toBe('Rise to Peace');
		expect(originalPublisher(bySlug('year-report'), 'Brief Archive')).toBe('Brief Archive');
	});
});
