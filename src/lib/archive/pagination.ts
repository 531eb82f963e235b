/**
 * Listings in pages. Every list of reports that grows with the archive (a year, a term, a type)
 * shows at most `LISTING_PAGE_SIZE` reports a page, so that no page grows with it: at 10,000
 * reports a listing is a hundred pages of the same weight, not one page of megabytes.
 *
 * Page 1 of a listing is its own address (`/groups/is-k/`); page n is `<address>n/`
 * (`/groups/is-k/2/`). There is never a `/1/` address. Pages run newest first, like every list.
 */
import { pagePath } from '../routes.ts';

/** The most reports a listing page shows. The build, the tests and the benchmarks share it. */
export const LISTING_PAGE_SIZE = 100;

export interface ListingPage<T> {
	/** 1 for the first page. */
	number: number;
	/** How many pages the listing has: at least 1, even for an empty list. */
	count: number;
	/** This page's items, in the listing's order. */
	items: T[];
	/** How many items the whole listing has. */
	total: number;
	/** The position of this page's first item in the listing, counting from 1 (0 when empty). */
	from: number;
	/** The position of this page's last item (0 when empty). */
	to: number;
	/** The listing's first page: its own address. */
	base: string;
	/** This page's address. */
	path: string;
	/** The address of the page before (newer reports), if there is one. */
	prev: string | undefined;
	/** The address of the page after (older reports), if there is one. */
	next: string | undefined;
}

/** How many pages `total` items fill, `size` to a page: at least one. */
export function pageCount(total: number, size = LISTING_PAGE_SIZE): number {
	if (!Number.isInteger(size) || size < 1) {
		throw new RangeError(`a page holds at least one item, not ${size}`);
	}
	return Math.max(1, Math.ceil(total / size));
}

/**
 * Splits a listing into pages of `size` items, keeping its order. An empty listing still has
 * its first page (which shows the empty state); no page after the first is ever empty.
 */
export function paginate<T>(
	items: readonly T[],
	base: string,
	size = LISTING_PAGE_SIZE,
): ListingPage<T>[] {
	const count = pageCount(items.length, size);
	return Array.from({ length: count }, (_, i) => {
		const number = i + 1;
		const slice = items.slice(i * size, number * size);
		return {
			number,
			count,
			items: slice,
			total: items.length,
			from: slice.length ? i * size + 1 : 0,
			to: i * size + slice.length,
			base,
			path: pagePath(base, number),
			prev: number > 1 ? pagePath(base, number - 1) : undefined,
			next: number < count ? pagePath(base, number + 1) : undefined,
		};
	});
}

/** One place in the pager: a link to a page, or a gap standing for the pages left out. */
export type PagerItem = { number: number; path: string; current: boolean } | { gap: true };

/**
 * The page numbers a pager shows: the first and last pages, the current one and its neighbours,
 * with a gap where pages are left out. A gap never hides a single page (that page is shown
 * instead), so a pager has at most seven places however long the listing: `1 … 6 7 8 … 70`.
 */
export function pagerItems(
	page: Pick<ListingPage<unknown>, 'number' | 'count' | 'base'>,
): PagerItem[] {
	const { number: current, count, base } = page;
	const shown = new Set([1, count, current - 1, current, current + 1]);
	// A gap of one page is no shorter than the page itself.
	if (shown.has(3)) shown.add(2);
	if (shown.has(count - 2)) shown.add(count - 1);
	const numbers = [...shown].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
	const items: PagerItem[] = [];
	numbers.forEach((n, i) => {
		if (i > 0 && n - numbers[i - 1]! > 1) items.push({ gap: true });
		items.push({ number: n, path: pagePath(base, n), current: n === current });
	});
	return items;
}

/** "page 2 of 7", for titles and headings of pages after the first. */
export function pageLabel(page: Pick<ListingPage<unknown>, 'number' | 'count'>): string {
	return `page ${page.number} of ${page.count}`;
}

/** "101–200 of 655": which items of the listing a page shows ("7 of 7" for a single one). */
export function rangeLabel(page: Pick<ListingPage<unknown>, 'from' | 'to' | 'total'>): string {
	const span = page.from === page.to ? `${page.from}` : `${page.from}–${page.to}`;
	return `${span} of ${page.total}`;
}
