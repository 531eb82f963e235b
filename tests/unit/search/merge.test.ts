import { describe, expect, it } from 'vitest';
import { mergeHits, orderByRank } from '../../../src/lib/search/merge.ts';

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

	it('orders merged results newest first by their place in the date order', () => {
		const hits = [
			{ id: 'a', score: 3, words: [] },
			{ id: 'b', score: 2, words: [] },
			{ id: 'unknown', score: 9, words: [] },
			{ id: 'c', score: 1, words: [] },
		];
		const rank = new Map([
			['c', 0],
			['a', 1],
			['b', 2],
		]);
		expect(orderByRank(hits, rank).map((h) => h.id)).toEqual(['c', 'a', 'b', 'unknown']);
	});
});
