import { describe, expect, it } from 'vitest';
import {
	latestYears,
	yearLinks,
	yearNeighbours,
	yearPageText,
	type YearOf,
} from '../../../src/lib/archive/years.ts';

/** Years newest first, each with `n` reports named `<year>-<i>`. */
function years(counts: Record<number, number>): YearOf<string>[] {
	return Object.entries(counts)
		.map(([year, n]) => ({
			year: Number(year),
			reports: Array.from({ length: n }, (_, i) => `${year}-${i + 1}`),
		}))
		.sort((a, b) => b.year - a.year);
}
const shownYears = (l: { years: YearOf<string>[] }) =>
	l.years.map((y) => [y.year, y.reports.length]);

describe('latestYears: what /reports/ shows below the list of years', () => {
	it('shows everything, and points nowhere further, when the archive fits on a page', () => {
		const all = years({ 2022: 2, 2021: 1, 2020: 1 });
		const latest = latestYears(all, 100);
		expect(latest.years).toEqual(all);
		expect(latest.shown).toBe(4);
		expect(latest.more).toBeUndefined();
	});

	it('shows whole years, newest first, while they come to no more than a page', () => {
		const latest = latestYears(years({ 2024: 40, 2023: 50, 2022: 30, 2021: 5 }), 100);
		expect(shownYears(latest)).toEqual([
			[2024, 40],
			[2023, 50],
		]);
		expect(latest.shown).toBe(90);
		// The first year left out is where the reader goes on.
		expect(latest.more).toEqual({ path: '/reports/2022/', year: 2022, page: 1 });
	});

	it('takes a year that fills the page exactly', () => {
		const latest = latestYears(years({ 2024: 60, 2023: 40, 2022: 1 }), 100);
		expect(shownYears(latest)).toEqual([
			[2024, 60],
			[2023, 40],
		]);
	});

	it('never cuts an older year short to fill the page', () => {
		const latest = latestYears(years({ 2024: 10, 2023: 500 }), 100);
		expect(shownYears(latest)).toEqual([[2024, 10]]);
		expect(latest.more?.path).toBe('/reports/2023/');
	});

	it('shows the newest year’s first page when that year alone is more than a page', () => {
		const all = years({ 2024: 250, 2023: 3 });
		const latest = latestYears(all, 100);
		expect(shownYears(latest)).toEqual([[2024, 100]]);
		expect(latest.years[0]!.reports).toEqual(all[0]!.reports.slice(0, 100));
		expect(latest.more).toEqual({ path: '/reports/2024/2/', year: 2024, page: 2 });
	});

	it('shows nothing, and points nowhere, for an empty archive', () => {
		expect(latestYears([], 100)).toEqual({ years: [], shown: 0, more: undefined });
	});
});

describe('yearLinks', () => {
	it('lists every year with its count and its page', () => {
		expect(yearLinks(years({ 2022: 2, 2020: 1 }))).toEqual([
			{ year: 2022, count: 2, path: '/reports/2022/' },
			{ year: 2020, count: 1, path: '/reports/2020/' },
		]);
	});
});

describe('yearNeighbours', () => {
	const all = years({ 2024: 1, 2022: 1, 2019: 1 });

	it('gives the next newer and the next older year that have reports, skipping empty years', () => {
		const { newer, older } = yearNeighbours(all, 2022);
		expect(newer).toEqual({ year: 2024, count: 1, path: '/reports/2024/' });
		expect(older).toEqual({ year: 2019, count: 1, path: '/reports/2019/' });
	});

	it('has no newer year for the newest, and no older one for the oldest', () => {
		expect(yearNeighbours(all, 2024).newer).toBeUndefined();
		expect(yearNeighbours(all, 2019).older).toBeUndefined();
	});

	it('has no neighbours for a year without reports', () => {
		expect(yearNeighbours(all, 2023)).toEqual({ newer: undefined, older: undefined });
	});
});

describe('yearPageText', () => {
	it('titles the first page of a year by the year and counts its reports', () => {
		expect(yearPageText(2022, { number: 1, count: 1, from: 1, to: 3, total: 3 })).toEqual({
			title: 'Reports from 2022',
			heading: 'Reports from 2022',
			label: 'Archive',
			lede: '3 reports published in 2022, newest first.',
		});
	});

	it('says which page and which reports a later page holds', () => {
		expect(yearPageText(2022, { number: 2, count: 3, from: 101, to: 200, total: 250 })).toEqual({
			title: 'Reports from 2022, page 2 of 3',
			heading: 'Reports from 2022',
			label: 'Archive · page 2 of 3',
			lede: 'Reports 101–200 of 250 from 2022, newest first.',
		});
	});
});
