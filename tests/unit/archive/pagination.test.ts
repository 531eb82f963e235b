import { describe, expect, it } from 'vitest';
import {
	LISTING_PAGE_SIZE,
	pageCount,
	pageLabel,
	pagerItems,
	paginate,
	rangeLabel,
	type PagerItem,
} from '../../../src/lib/archive/pagination.ts';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
/** The pager as text: `1 … 6 [7] 8 … 70`. */
const show = (items: PagerItem[]) =>
	items.map((i) => ('gap' in i ? '…' : i.current ? `[${i.number}]` : String(i.number))).join(' ');

describe('LISTING_PAGE_SIZE', () => {
	it('is a whole number around a hundred: a page stays light, and long lists stay few pages', () => {
		expect(Number.isInteger(LISTING_PAGE_SIZE)).toBe(true);
		expect(LISTING_PAGE_SIZE).toBeGreaterThanOrEqual(50);
		expect(LISTING_PAGE_SIZE).toBeLessThanOrEqual(150);
	});
});

describe('paginate', () => {
	it('keeps an empty listing on one page, its first, with nothing on it', () => {
		const pages = paginate([], '/topics/security/', 10);
		expect(pages).toEqual([
			{
				number: 1,
				count: 1,
				items: [],
				total: 0,
				from: 0,
				to: 0,
				base: '/topics/security/',
				path: '/topics/security/',
				prev: undefined,
				next: undefined,
			},
		]);
	});

	it('puts exactly a page’s worth on one page, with no second page', () => {
		const pages = paginate(numbers(10), '/groups/is-k/', 10);
		expect(pages).toHaveLength(1);
		expect(pages[0]).toMatchObject({ items: numbers(10), from: 1, to: 10, next: undefined });
	});

	it('starts a second page, at /2/, for one item more than a page holds', () => {
		const pages = paginate(numbers(11), '/groups/is-k/', 10);
		expect(pages.map((p) => p.path)).toEqual(['/groups/is-k/', '/groups/is-k/2/']);
		expect(pages[1]).toMatchObject({ number: 2, count: 2, items: [11], from: 11, to: 11 });
	});

	it('never gives a page the address /1/', () => {
		for (const page of paginate(numbers(35), '/reports/2022/', 10)) {
			expect(page.path).not.toMatch(/\/1\/$/);
			expect(page.prev ?? '').not.toMatch(/\/1\/$/);
		}
	});

	it('loses and repeats nothing: the pages together are the listing, in order', () => {
		const items = numbers(257);
		const pages = paginate(items, '/types/brief/', 25);
		expect(pages).toHaveLength(11);
		expect(pages.flatMap((p) => p.items)).toEqual(items);
		expect(pages.every((p) => p.items.length > 0)).toBe(true);
		expect(pages.map((p) => [p.from, p.to]).at(-1)).toEqual([251, 257]);
	});

	it('chains the pages: each one’s next is the following one’s address, and back', () => {
		const pages = paginate(numbers(30), '/regions/kunduz/', 10);
		expect(pages.map((p) => [p.prev, p.path, p.next])).toEqual([
			[undefined, '/regions/kunduz/', '/regions/kunduz/2/'],
			['/regions/kunduz/', '/regions/kunduz/2/', '/regions/kunduz/3/'],
			['/regions/kunduz/2/', '/regions/kunduz/3/', undefined],
		]);
	});

	it('uses LISTING_PAGE_SIZE when no size is given', () => {
		const pages = paginate(numbers(LISTING_PAGE_SIZE + 1), '/groups/is-k/');
		expect(pages.map((p) => p.items.length)).toEqual([LISTING_PAGE_SIZE, 1]);
	});
});

describe('pageCount', () => {
	it('is at least one, and rounds a part page up', () => {
		expect(pageCount(0, 10)).toBe(1);
		expect(pageCount(10, 10)).toBe(1);
		expect(pageCount(11, 10)).toBe(2);
	});

	it('refuses a page size below one', () => {
		expect(() => pageCount(5, 0)).toThrow(RangeError);
	});
});

describe('pagerItems', () => {
	const pager = (number: number, count: number) =>
		show(pagerItems({ number, count, base: '/groups/is-k/' }));

	it('shows every page of a short listing', () => {
		expect(pager(1, 1)).toBe('[1]');
		expect(pager(2, 5)).toBe('1 [2] 3 4 5');
	});

	it('shows the first, the last, the current page and its neighbours, with gaps between', () => {
		expect(pager(7, 70)).toBe('1 … 6 [7] 8 … 70');
		expect(pager(1, 70)).toBe('[1] 2 … 70');
		expect(pager(70, 70)).toBe('1 … 69 [70]');
	});

	it('never hides a single page behind a gap', () => {
		expect(pager(4, 70)).toBe('1 2 3 [4] 5 … 70');
		expect(pager(67, 70)).toBe('1 … 66 [67] 68 69 70');
		expect(pager(4, 7)).toBe('1 2 3 [4] 5 6 7');
	});

	it('has at most seven places, whatever the page and the length', () => {
		for (const count of [1, 2, 7, 8, 9, 100]) {
			for (let n = 1; n <= count; n++) {
				expect(pagerItems({ number: n, count, base: '/x/' }).length).toBeLessThanOrEqual(7);
			}
		}
	});

	it('links each page to its address and marks only the current one', () => {
		const items = pagerItems({ number: 2, count: 3, base: '/types/brief/' });
		expect(items).toEqual([
			{ number: 1, path: '/types/brief/', current: false },
			{ number: 2, path: '/types/brief/2/', current: true },
			{ number: 3, path: '/types/brief/3/', current: false },
		]);
	});
});

describe('pageLabel', () => {
	it('says which page of how many', () => {
		expect(pageLabel({ number: 2, count: 7 })).toBe('page 2 of 7');
	});
});

describe('rangeLabel', () => {
	it('gives the positions of the page’s first and last item, and the total', () => {
		const [, second, third] = paginate(numbers(201), '/x/', 100);
		expect(rangeLabel(second!)).toBe('101–200 of 201');
		expect(rangeLabel(third!)).toBe('201 of 201');
	});
});
