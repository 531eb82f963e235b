import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	editOneReport,
	generateCorpus,
	PLANTED_PHRASE,
	RARE_WORD,
	writeCorpus,
} from '../../../scripts/lib/corpus.ts';
import { checkContentFolder } from '../../../src/integrations/content-check.ts';

const reportsOf = (n: number, seed?: number) =>
	[...generateCorpus({ n, ...(seed === undefined ? {} : { seed }) })].filter((f) =>
		f.path.startsWith('reports/'),
	);

describe('the benchmark corpus', () => {
	const reports = reportsOf(400);
	const bodies = reports.map((r) => r.text.split('\n---\n')[1]!);

	it('is the same, byte for byte, for the same seed and size', () => {
		expect([...generateCorpus({ n: 50 })]).toEqual([...generateCorpus({ n: 50 })]);
	});

	it('differs with another seed', () => {
		expect(reportsOf(20, 1).map((f) => f.text)).not.toEqual(reportsOf(20, 2).map((f) => f.text));
	});

	it('has the number of reports asked for, each with its own file name', () => {
		expect(reports).toHaveLength(400);
		expect(new Set(reports.map((r) => r.path)).size).toBe(400);
	});

	it('writes reports of about 1,200 words', () => {
		const words = bodies.map((b) => b.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length);
		const mean = words.reduce((a, b) => a + b, 0) / words.length;
		expect(mean).toBeGreaterThan(1000);
		expect(mean).toBeLessThan(1400);
	});

	it('dates reports at year, month and day precision, over two decades', () => {
		const dates = reports.map((r) => /^published: "([^"]+)"$/m.exec(r.text)![1]!);
		const lengths = new Set(dates.map((d) => d.length));
		expect(lengths).toEqual(new Set([4, 7, 10]));
		const years = new Set(dates.map((d) => d.slice(0, 4)));
		expect(years.size).toBeGreaterThanOrEqual(20);
	});

	it('has headings, GFM tables, footnotes and links between reports, some to a section', () => {
		const share = (re: RegExp) => bodies.filter((b) => re.test(b)).length / bodies.length;
		expect(share(/^## /m)).toBe(1);
		expect(share(/^### /m)).toBeGreaterThan(0.05);
		expect(share(/^\| --- \|/m)).toBeGreaterThan(0.1);
		expect(share(/\[\^1\]:/)).toBeGreaterThan(0.2);
		expect(share(/\]\(\/reports\/[^)#]+\/\)/)).toBeGreaterThan(0.9);
		expect(share(/\]\(\/reports\/[^)]+\/#[^)]+\)/)).toBeGreaterThan(0.05);
	});

	it('plants the rare word in five reports and the phrase in one report in two hundred', () => {
		expect(bodies.filter((b) => b.includes(RARE_WORD))).toHaveLength(5);
		expect(bodies.filter((b) => b.includes(PLANTED_PHRASE))).toHaveLength(2);
	});

	it('puts about a quarter of reports on IS-K, and never writes the alias ISKP in a body', () => {
		const isk = reports.filter((r) => /^ {2}- is-k$/m.test(r.text)).length / reports.length;
		expect(isk).toBeGreaterThan(0.2);
		expect(isk).toBeLessThan(0.45);
		expect(bodies.some((b) => b.includes('ISKP'))).toBe(false);
	});

	describe('on disk', () => {
		const dir = mkdtempSync(join(tmpdir(), 'corpus-test-'));
		const cache = mkdtempSync(join(tmpdir(), 'corpus-cache-'));
		afterAll(() => {
			rmSync(dir, { recursive: true, force: true });
			rmSync(cache, { recursive: true, force: true });
		});

		it('passes every content check the build runs', async () => {
			writeCorpus(dir, { n: 60 });
			const previous = process.env.BRIEF_CACHE_DIR;
			process.env.BRIEF_CACHE_DIR = cache;
			try {
				const result = await checkContentFolder({
					content: dir,
					now: new Date('2026-01-01T00:00:00Z'),
				});
				expect(result.issues).toEqual([]);
				expect(
					result.reports.filter((r) => r.visibility.state === 'public').length,
				).toBeGreaterThan(55);
			} finally {
				if (previous === undefined) delete process.env.BRIEF_CACHE_DIR;
				else process.env.BRIEF_CACHE_DIR = previous;
			}
		}, 60_000);

		it('edits one published report for the warm rebuild, appending to its body', () => {
			const path = editOneReport(dir, { n: 60 });
			const text = readFileSync(path, 'utf8');
			expect(text).toContain('status: published');
			expect(text.trimEnd().endsWith('misdated one attack.')).toBe(true);
		});
	});
});
