import { describe, expect, it } from 'vitest';
import { mergeByDate, mergeHits } from '../../../src/lib/search/merge.ts';

describe('merging the results of a search’s spellings', () => {
	it('makes a report found by two spellings one result, with its best score and every word', () => {
		const kunduz = [
			{ id: 'a', score: 2, words: [10, 40] },
			{ id: 'b', score: 1, words: [3] },
		];
		const kundoz = [
			{ id: 'a', score: 5, words: [12] },
			{ id: 'c', score: 1.5, words: [7] },
		];
		expect(mergeHits([kunduz, kundoz])).toEqual([
			{ id: 'a', score: 5, words: [10, 12, 40] },
			{ id: 'c', score: 1.5, words: [7] },
			{ id: 'b', score: 1, words: [3] },
		]);
	});

	it('keeps the order of first sight between equal scores, so the reader’s own query leads', () => {
		const merged = mergeHits([
			[{ id: 'x', score: 1, words: [] }],
			[{ id: 'y', score: 1, words: [] }],
		]);
		expect(merged.map((h) => h.id)).toEqual(['x', 'y']);
	});

	it('leaves a single list in its own order (Pagefind’s, or its date sort)', () => {
		const list = [
			{ id: 'old', score: 9, words: [] },
			{ id: 'new', score: 1, words: [] },
		];
		expect(mergeHits([list]).map((h) => h.id)).toEqual(['old', 'new']);
	});

	it('merges date-sorted lists newest first, reading each date once and each page’s in one round', async () => {
		const dates: Record<string, string> = {
			a: '2024-05-01',
			b: '2023',
			c: '2024-05',
			d: '2022-12-31',
			e: '2021',
		};
		const read: string[] = [];
		const dateOf = (id: string) => {
			read.push(id);
			return Promise.resolve(dates[id]!);
		};
		const hit = (id: string) => ({ id, score: 1, words: [] });
		// Each list as Pagefind sorts it by date; "a" is found by both.
		const merge = mergeByDate([['a', 'b', 'd'].map(hit), ['c', 'a', 'e'].map(hit)], dateOf);
		expect((await merge.next(3)).map((h) => h.id)).toEqual(['a', 'c', 'b']);
		expect((await merge.next(3)).map((h) => h.id)).toEqual(['d', 'e']);
		expect(new Set(read).size).toBe(read.length);
		expect(await merge.next(3)).toEqual([]);
	});
});
