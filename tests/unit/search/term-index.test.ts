import { describe, expect, it } from 'vitest';
import { createTermIndex } from '../../../src/lib/search/term-index.ts';
import { TERMS } from './terms-fixture.ts';

const index = createTermIndex(TERMS);
const slug = (text: string) => index.get(text)?.slug;

describe('looking a term up by what a reader types', () => {
	it('finds a term by its name, short name, any spelling or slug, in any case and punctuation', () => {
		for (const text of [
			'Islamic State Khorasan Province',
			'IS-K',
			'is k',
			'ISKP',
			'isis-k',
			'is-k',
		])
			expect(slug(text), text).toBe('is-k');
		expect(slug('TALEBAN')).toBe('taliban');
		expect(slug('al qaida')).toBe('al-qaeda');
		expect(slug('Al-Qa’ida')).toBe('al-qaeda');
		expect(slug('kandahar')).toBe('kandahar');
		expect(slug('Kandahār')).toBe('kandahar');
	});

	it('reads an acronym of three letters or fewer only as written, so English words are not names', () => {
		expect(slug('IS')).toBe('islamic-state');
		expect(slug('is')).toBeUndefined();
		expect(slug('LeT')).toBe('lashkar-e-taiba');
		expect(slug('let')).toBeUndefined();
		expect(slug('AQ')).toBe('al-qaeda');
	});

	it('finds the names inside a longer query, the longest first', () => {
		const words = 'attacks by Islamic State Khorasan Province in Kundoz'.split(' ');
		expect(index.namesIn(words).map((n) => [n.start, n.end, n.term.slug])).toEqual([
			[2, 6, 'is-k'],
			[7, 8, 'kunduz'],
		]);
		expect(index.namesIn('what is the Islamic State'.split(' ')).map((n) => n.term.slug)).toEqual([
			'islamic-state',
		]);
	});

	it('answers a small typo with the closest term, and nothing for a far one', () => {
		expect(index.closest('Talibn')).toEqual({ term: index.get('Taliban'), exact: false });
		expect(index.closest('Kundus')?.term.slug).toBe('kunduz');
		expect(index.closest('Qandhar')?.term.slug).toBe('kandahar');
		expect(index.closest('Taleban')).toEqual({ term: index.get('Taliban'), exact: true });
		expect(index.closest('hospital')).toBeUndefined();
		expect(index.closest('Kab')).toBeUndefined();
	});

	it('suggests plausible names for a query that found nothing, nearest first', () => {
		expect(index.suggest('Kandoz').map((t) => t.slug)).toEqual(['kunduz', 'kandahar', 'kabul']);
		expect(index.suggest('Kandoz', 1).map((t) => t.slug)).toEqual(['kunduz']);
		expect(index.suggest('zzzzzzzz')).toEqual([]);
	});

	it('finds a term by kind and slug, for the names on a result card', () => {
		expect(index.bySlug('regions', 'kabul')?.name).toBe('Kabul');
		expect(index.bySlug('groups', 'kabul')).toBeUndefined();
	});
});
