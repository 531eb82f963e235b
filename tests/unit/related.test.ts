import { describe, expect, it } from 'vitest';
import { computeRelated, type RelatableReport } from '../../src/lib/related.ts';

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
});
