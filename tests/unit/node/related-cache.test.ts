import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeRelated, type RelatableReport } from '../../../src/lib/archive/related.ts';
import { keptRelated } from '../../../src/lib/node/related-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'brief-related-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reports: RelatableReport[] = [
	{ slug: 'a', related: [], groups: ['is-k'], regions: ['kunduz'], topics: [] },
	{ slug: 'b', related: [], groups: ['is-k'], regions: [], topics: ['finance'] },
	{ slug: 'c', related: ['a'], groups: [], regions: ['kunduz'], topics: ['finance'] },
];

/** computeRelated, counting its calls. */
function counted() {
	const calls = { n: 0 };
	const compute = (r: readonly RelatableReport[]) => (calls.n++, computeRelated(r));
	return { calls, compute };
}

describe('keptRelated', () => {
	it('computes once and gives the same related reports from the file while the inputs are the same', () => {
		const file = join(dir, 'same.json');
		const { calls, compute } = counted();
		const first = keptRelated(file, 'code-1', compute)(reports);
		const again = keptRelated(file, 'code-1', compute)(structuredClone(reports));
		expect(calls.n).toBe(1);
		expect([...again]).toEqual([...first]);
		expect([...first]).toEqual([...computeRelated(reports)]);
	});

	it('computes again when a report’s terms, the author’s choice or whether it stands change, or the code', () => {
		const file = join(dir, 'changed.json');
		const { calls, compute } = counted();
		keptRelated(file, 'code-1', compute)(reports);
		const moved = reports.map((r) => (r.slug === 'b' ? { ...r, regions: ['kunduz'] } : r));
		expect([...keptRelated(file, 'code-1', compute)(moved)]).toEqual([...computeRelated(moved)]);
		const chosen = reports.map((r) => (r.slug === 'a' ? { ...r, related: ['b'] } : r));
		expect(keptRelated(file, 'code-1', compute)(chosen).get('a')?.[0]).toBe('b');
		const withdrawn = reports.map((r) => (r.slug === 'a' ? { ...r, suggestable: false } : r));
		expect(keptRelated(file, 'code-1', compute)(withdrawn).get('c')).not.toContain('a');
		keptRelated(file, 'code-2', compute)(withdrawn);
		expect(calls.n).toBe(5);
	});

	it('computes again over a file cut short or not its own', () => {
		const file = join(dir, 'broken.json');
		const { calls, compute } = counted();
		writeFileSync(file, '{"key": "abc", "rel');
		expect([...keptRelated(file, 'code-1', compute)(reports)]).toEqual([
			...computeRelated(reports),
		]);
		expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('related');
		writeFileSync(file, '[1, 2, 3]');
		keptRelated(file, 'code-1', compute)(reports);
		expect(calls.n).toBe(2);
	});
});
