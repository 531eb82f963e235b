import { describe, expect, it } from 'vitest';
import {
	computeRelated,
	RELATED_WEIGHTS,
	topBy,
	type RelatableReport,
} from '../../../src/lib/archive/related.ts';
import { random } from '../../../scripts/lib/corpus.ts';

function report(slug: string, terms: Partial<Omit<RelatableReport, 'slug'>> = {}): RelatableReport {
	return { slug, groups: [], regions: [], topics: [], related: [], ...terms };
}

/** The related slugs of one report, failing if the report has no entry. */
function relatedOf(reports: RelatableReport[], slug: string, limit?: number): string[] {
	const result = computeRelated(reports, limit).get(slug);
	if (!result) throw new Error(`no entry for ${slug}`);
	return result;
}

describe('computeRelated', () => {
	it('has an entry for every report, empty when it shares nothing', () => {
		const reports = [
			report('a', { groups: ['taliban'] }),
			report('b', { topics: ['recruitment'] }),
		];
		const result = computeRelated(reports);
		expect([...result.keys()]).toEqual(['a', 'b']);
		expect(result.get('a')).toEqual([]);
		expect(result.get('b')).toEqual([]);
	});

	it('ranks a report sharing a group above one sharing a topic, whatever their order', () => {
		const reports = [
			report('a', { groups: ['is-k'], topics: ['recruitment'] }),
			report('shares-topic', { topics: ['recruitment'] }),
			report('shares-group', { groups: ['is-k'] }),
		];
		expect(relatedOf(reports, 'a')).toEqual(['shares-group', 'shares-topic']);
	});

	it('ranks a shared region above a shared topic and below a shared group', () => {
		const reports = [
			report('a', { groups: ['is-k'], regions: ['kunduz'], topics: ['recruitment'] }),
			report('shares-topic', { topics: ['recruitment'] }),
			report('shares-region', { regions: ['kunduz'] }),
			report('shares-group', { groups: ['is-k'] }),
		];
		expect(relatedOf(reports, 'a')).toEqual(['shares-group', 'shares-region', 'shares-topic']);
	});

	it('ranks a report sharing a rare term above one sharing a term nearly every report has', () => {
		// Every report is about Afghanistan; only two are about Kunduz.
		const reports = [
			report('a', { regions: ['afghanistan', 'kunduz'] }),
			report('common-only', { regions: ['afghanistan'] }),
			report('b', { regions: ['afghanistan'] }),
			report('rare-only', { regions: ['kunduz'] }),
			report('c', { regions: ['afghanistan'] }),
		];
		expect(relatedOf(reports, 'a')[0]).toBe('rare-only');
	});

	it('keeps the given (newest-first) order between equally related reports', () => {
		const reports = ['a', 'b', 'c', 'd'].map((slug) => report(slug, { groups: ['taliban'] }));
		expect(relatedOf(reports, 'a')).toEqual(['b', 'c', 'd']);
		expect(relatedOf(reports, 'c')).toEqual(['a', 'b', 'd']);
	});

	it('puts the reports an author chose first, in the author’s order, then the computed ones', () => {
		const reports = [
			report('a', { groups: ['taliban'], related: ['e', 'd'] }),
			report('b', { groups: ['taliban'] }),
			report('d'),
			report('e'),
		];
		expect(relatedOf(reports, 'a')).toEqual(['e', 'd', 'b']);
	});

	it('lists a chosen report once even if it also shares terms or is chosen twice', () => {
		const reports = [
			report('a', { groups: ['taliban'], related: ['c', 'c'] }),
			report('b', { groups: ['taliban'] }),
			report('c', { groups: ['taliban'] }),
		];
		expect(relatedOf(reports, 'a')).toEqual(['c', 'b']);
	});

	it('never relates a report to itself, even when the author lists it', () => {
		const reports = [
			report('a', { groups: ['taliban'], related: ['a', 'b'] }),
			report('b', { groups: ['taliban'] }),
		];
		const result = computeRelated(reports);
		for (const [slug, related] of result) expect(related, slug).not.toContain(slug);
		expect(result.get('a')).toEqual(['b']);
	});

	it('returns at most three by default, and at most `limit` when given, chosen ones included', () => {
		const reports = [
			report('a', { groups: ['taliban'] }),
			...['b', 'c', 'd', 'e', 'f'].map((slug) => report(slug, { groups: ['taliban'] })),
			report('x', { related: ['b', 'c', 'd', 'e'] }),
		];
		expect(relatedOf(reports, 'a')).toEqual(['b', 'c', 'd']);
		expect(relatedOf(reports, 'a', 2)).toEqual(['b', 'c']);
		expect(relatedOf(reports, 'a', 10)).toEqual(['b', 'c', 'd', 'e', 'f']);
		expect(relatedOf(reports, 'x')).toEqual(['b', 'c', 'd']);
	});

	it('ignores chosen slugs that are not among the reports (such as drafts)', () => {
		const reports = [report('a', { related: ['ghost', 'b'] }), report('b')];
		expect(relatedOf(reports, 'a')).toEqual(['b']);
	});

	it('never suggests a report that may not be, and fills its place with the next best', () => {
		const reports = [
			report('a', { groups: ['is-k'], related: ['gone'] }),
			report('gone', { groups: ['is-k'], regions: ['kunduz'], suggestable: false }),
			report('b', { groups: ['is-k'] }),
			report('c', { groups: ['is-k'] }),
			report('d', { groups: ['is-k'] }),
		];
		expect(relatedOf(reports, 'a')).toEqual(['b', 'c', 'd']);
		// It still has related reports of its own.
		expect(relatedOf(reports, 'gone')).toEqual(['a', 'b', 'c']);
	});
});

/** The plain definition: score every other report, sort them all. What computeRelated must equal. */
function reference(reports: RelatableReport[], limit = 3): Map<string, string[]> {
	const df = new Map<string, number>();
	for (const r of reports) {
		for (const kind of ['groups', 'regions', 'topics'] as const) {
			for (const t of r[kind]) df.set(`${kind}:${t}`, (df.get(`${kind}:${t}`) ?? 0) + 1);
		}
	}
	const n = reports.length;
	const result = new Map<string, string[]>();
	reports.forEach((r, i) => {
		const scored = reports.flatMap((other, j) => {
			if (j === i) return [];
			let score = 0;
			for (const kind of ['groups', 'regions', 'topics'] as const) {
				for (const t of r[kind]) {
					if (other[kind].includes(t)) {
						score += RELATED_WEIGHTS[kind] * (1 + Math.log(n / df.get(`${kind}:${t}`)!));
					}
				}
			}
			return score > 0 ? [{ j, score }] : [];
		});
		scored.sort((a, b) => b.score - a.score || a.j - b.j);
		const slugs = new Set(reports.map((x) => x.slug));
		const chosen = [...new Set(r.related.filter((s) => s !== r.slug && slugs.has(s)))];
		const ranked = scored.map((x) => reports[x.j]!.slug).filter((s) => !chosen.includes(s));
		result.set(r.slug, chosen.concat(ranked).slice(0, limit));
	});
	return result;
}

describe('computeRelated at scale', () => {
	it('gives exactly what scoring and sorting every pair gives, on 400 random reports', () => {
		const rng = random(7);
		const terms = (prefix: string, pool: number) =>
			Array.from(
				{ length: 1 + Math.floor(rng() * 3) },
				() => `${prefix}${Math.floor(rng() * pool)}`,
			);
		const reports = Array.from({ length: 400 }, (_, i) =>
			report(`r${i}`, {
				// A few very common terms and many rare ones, as in a real archive.
				groups: [...new Set(terms('g', 6))],
				regions: [...new Set(terms('p', 40))],
				topics: [...new Set(terms('t', 15))],
				related: rng() < 0.1 ? [`r${Math.floor(rng() * 400)}`] : [],
			}),
		);
		for (const limit of [1, 3, 5]) {
			expect(computeRelated(reports, limit)).toEqual(reference(reports, limit));
		}
	});
});

describe('topBy', () => {
	const byValue = (a: number, b: number) => a - b;

	it('returns the first k in order without sorting the rest', () => {
		expect(topBy([5, 1, 4, 2, 3], 3, byValue)).toEqual([1, 2, 3]);
	});

	it('returns everything, ordered, when there are fewer than k', () => {
		expect(topBy([3, 1], 5, byValue)).toEqual([1, 3]);
	});

	it('keeps the earlier of two equal items, as a stable sort does', () => {
		const items = [
			{ v: 1, id: 'a' },
			{ v: 0, id: 'b' },
			{ v: 1, id: 'c' },
		];
		expect(topBy(items, 2, (a, b) => a.v - b.v).map((x) => x.id)).toEqual(['b', 'a']);
	});

	it('returns nothing for k = 0', () => {
		expect(topBy([1, 2], 0, byValue)).toEqual([]);
	});
});
