import { describe, expect, it } from 'vitest';
import {
	combinations,
	countedQueries,
	MAX_COUNTED,
	unionCounts,
} from '../../../src/lib/search/counts.ts';

describe('counting a search merged from several spellings', () => {
	it('counts only the queries that add reports to the union, largest first', () => {
		const taliban = new Set(['a', 'b', 'c']);
		const taleban = new Set(['b']); // every report writing "Taleban" writes "Taliban" too
		const talibaan = new Set(['d']);
		expect(countedQueries([taliban, taleban, talibaan, new Set()])).toEqual([0, 2]);
		// Two queries finding the same reports count once.
		expect(countedQueries([new Set(['a']), new Set(['a'])])).toEqual([0]);
	});

	it('counts at most a few queries together', () => {
		const sets = Array.from({ length: MAX_COUNTED + 2 }, (_, i) => new Set([`r${i}`]));
		expect(countedQueries(sets)).toHaveLength(MAX_COUNTED);
	});

	it('lists every combination of the counted queries, singles first', () => {
		expect(combinations(2)).toEqual([[0], [1], [0, 1]]);
		expect(combinations(3)).toHaveLength(7);
		expect(combinations(3).at(-1)).toEqual([0, 1, 2]);
	});

	it('counts a report found by two spellings once: |A ∪ B| = |A| + |B| − |A ∩ B|', () => {
		// Kunduz finds a and c (both briefs); Kundoz finds a and d (a brief, an analysis).
		const counts = unionCounts([
			{ members: [0], counts: { brief: 2, analysis: 0 } },
			{ members: [1], counts: { brief: 1, analysis: 1 } },
			{ members: [0, 1], counts: { brief: 1, analysis: 0 } },
		]);
		expect(counts).toEqual({ brief: 2, analysis: 1 });
	});

	it('adds back what three queries share', () => {
		// A = {x, y}, B = {y, z}, C = {y}: the union {x, y, z}, all of one type.
		const counts = unionCounts([
			{ members: [0], counts: { t: 2 } },
			{ members: [1], counts: { t: 2 } },
			{ members: [2], counts: { t: 1 } },
			{ members: [0, 1], counts: { t: 1 } },
			{ members: [0, 2], counts: { t: 1 } },
			{ members: [1, 2], counts: { t: 1 } },
			{ members: [0, 1, 2], counts: { t: 1 } },
		]);
		expect(counts).toEqual({ t: 3 });
	});
});
