import { describe, expect, it } from 'vitest';
import {
	derivedSlug,
	duplicateSlugs,
	reportSlugProblem,
	slugProblem,
	suggestSlug,
} from '../../../src/lib/model/slugs.ts';

describe('slugProblem', () => {
	it('accepts lower-case words of a-z and 0-9 joined by single hyphens', () => {
		for (const name of ['is-k', 'kabul', '2022-review', 'a1-b2']) {
			expect(slugProblem(name, 'md'), name).toBeUndefined();
		}
	});

	it('refuses capitals, spaces, accents, underscores and stray hyphens, suggesting a valid name', () => {
		expect(slugProblem('Kabul', 'md')).toContain('rename the file to kabul.md');
		expect(slugProblem('über uns', 'mdx')).toContain('rename the file to uber-uns.mdx');
		expect(slugProblem('is_k', 'md')).toContain('rename the file to is-k.md');
		expect(slugProblem('-kabul-', 'md')).toContain('rename the file to kabul.md');
		expect(slugProblem('a--b', 'md')).toContain('rename the file to a-b.md');
	});
});

describe('reportSlugProblem', () => {
	it('refuses a report name of digits alone, which would take a year page’s address', () => {
		expect(reportSlugProblem('2022', 'md')).toContain('/reports/2022/ lists the reports of 2022');
		expect(reportSlugProblem('7', 'mdx')).toContain('rename the file, e.g. to report-7.mdx');
	});

	it('accepts names with digits that are not digits alone', () => {
		for (const name of ['2022-review', 'q3-2022', '2022-2023', 'is-k']) {
			expect(reportSlugProblem(name, 'md'), name).toBeUndefined();
		}
	});
});

describe('suggestSlug', () => {
	it('drops apostrophes rather than splitting words on them', () => {
		expect(suggestSlug("Taliban's Rivals")).toBe('talibans-rivals');
	});
});

describe('duplicateSlugs', () => {
	it('groups files whose slugs are equal once case is ignored, as Astro derives them', () => {
		const files = [{ name: 'kabul' }, { name: 'Kabul' }, { name: 'kunduz' }, { name: 'kabul' }];
		expect(duplicateSlugs(files)).toEqual([[files[0], files[1], files[3]]]);
	});

	it('finds nothing when every slug is unique', () => {
		expect(duplicateSlugs([{ name: 'a' }, { name: 'b' }])).toEqual([]);
	});

	it('derives slugs as Astro’s glob loader does (github-slugger)', () => {
		expect(derivedSlug('IS K Report')).toBe('is-k-report');
	});
});
