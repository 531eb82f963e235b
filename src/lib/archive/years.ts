/**
 * The archive by year: `/reports/` lists every year with its count and shows the latest reports,
 * a page's worth at most; each year has its own pages, `/reports/<year>/` (and `/2/`, `/3/` …
 * when it has more reports than a page holds), with links to the years either side.
 */
import { LISTING_PAGE_SIZE, pageLabel, rangeLabel, type ListingPage } from './pagination.ts';
import { countLabel } from '../view/count.ts';
import { yearPath } from '../routes.ts';

/** Reports of one year, newest first (as `groupByYear` in `./archive.ts` makes them). */
export interface YearOf<T> {
	year: number;
	reports: readonly T[];
}

/** A year as navigation shows it: the year, how many reports it has and its page. */
export interface YearLink {
	year: number;
	count: number;
	path: string;
}

/** Every year, newest first, with its count and its page's address. */
export function yearLinks(years: readonly YearOf<unknown>[]): YearLink[] {
	return years.map((y) => ({ year: y.year, count: y.reports.length, path: yearPath(y.year) }));
}

export interface LatestYears<T> {
	/** The years `/reports/` shows, newest first; only the last may be cut short. */
	years: YearOf<T>[];
	/** How many reports they show together. */
	shown: number;
	/**
	 * Where the reader goes on to older reports: page 2 of a year that was cut short, or else the
	 * first year left out. Undefined when every report is shown.
	 */
	more: { path: string; year: number; page: number } | undefined;
}

/**
 * What `/reports/` shows below its list of years: whole years, newest first, as long as they
 * come to no more than `size` reports together. When the newest year alone has more, its first
 * page's worth (`size` reports). An archive that fits on a page is shown whole.
 */
export function latestYears<T>(
	years: readonly YearOf<T>[],
	size = LISTING_PAGE_SIZE,
): LatestYears<T> {
	const shown: YearOf<T>[] = [];
	let total = 0;
	for (const y of years) {
		if (total + y.reports.length > size) break;
		shown.push(y);
		total += y.reports.length;
	}
	const [newest] = years;
	if (shown.length === 0 && newest) {
		const first = newest.reports.slice(0, size);
		return {
			years: [{ year: newest.year, reports: first }],
			shown: first.length,
			more: { path: yearPath(newest.year, 2), year: newest.year, page: 2 },
		};
	}
	const next = years[shown.length];
	return {
		years: shown,
		shown: total,
		more: next ? { path: yearPath(next.year), year: next.year, page: 1 } : undefined,
	};
}

/** The years either side of `year` that have reports: the next newer and the next older. */
export function yearNeighbours(
	years: readonly YearOf<unknown>[],
	year: number,
): { newer: YearLink | undefined; older: YearLink | undefined } {
	const links = yearLinks(years);
	const at = links.findIndex((y) => y.year === year);
	if (at < 0) return { newer: undefined, older: undefined };
	return { newer: links[at - 1], older: links[at + 1] };
}

/** The words of a year page: its title, heading, label and lede, on its first page or a later one. */
export function yearPageText(
	year: number,
	page: Pick<ListingPage<unknown>, 'number' | 'count' | 'from' | 'to' | 'total'>,
): { title: string; heading: string; label: string; lede: string } {
	const heading = `Reports from ${year}`;
	if (page.number === 1) {
		return {
			title: heading,
			heading,
			label: 'Archive',
			lede: `${countLabel(page.total, 'report')} published in ${year}, newest first.`,
		};
	}
	return {
		title: `${heading}, ${pageLabel(page)}`,
		heading,
		label: `Archive · ${pageLabel(page)}`,
		lede: `Reports ${rangeLabel(page)} from ${year}, newest first.`,
	};
}
