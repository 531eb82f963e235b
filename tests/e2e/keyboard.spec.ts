/**
 * A keyboard walk-through: a reader with no mouse tabs through a report from the top, through the
 * header, the contents and the cite controls, in that order, seeing where the focus is at every
 * stop; follows a contents link; and searches, filters and opens a result with keys alone.
 */
import { expect, test, type Page } from '@playwright/test';
import { SEARCH } from '../support/search-page.ts';

const SLUG = 'is-k-seeks-to-undermine-the-taliban';

interface Stop {
	/** Where the focused element is: header, contents, cite, or elsewhere in main. */
	area: 'skip' | 'header' | 'contents' | 'cite' | 'main' | 'footer' | 'other';
	name: string;
	/** Whether something shows the focus: an outline or a box shadow. */
	visible: boolean;
}

async function focused(page: Page): Promise<Stop | undefined> {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!(el instanceof HTMLElement) || el === document.body) return undefined;
		const area = el.matches('.skip-link')
			? 'skip'
			: el.closest('body > header')
				? 'header'
				: el.closest('nav[aria-labelledby="Contents"]')
					? 'contents'
					: el.closest('section[aria-labelledby="Cite"]')
						? 'cite'
						: el.closest('main')
							? 'main'
							: el.closest('footer')
								? 'footer'
								: 'other';
		const style = getComputedStyle(el);
		const visible =
			(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
			style.boxShadow !== 'none';
		const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ');
		return { area, name: `${el.tagName.toLowerCase()} ${name.trim()}`, visible };
	});
}

test('tabbing through a report visits the header, the contents and the cite controls in order, each focus visible', async ({
	page,
}) => {
	// Up to 400 key presses, each with a look at the focused element: 30 s is not enough on a
	// loaded 2-core machine (it timed out at 30 s while another suite ran).
	test.setTimeout(90_000);
	await page.goto(`/reports/${SLUG}/`);
	const stops: Stop[] = [];
	for (let i = 0; i < 400; i++) {
		await page.keyboard.press('Tab');
		const stop = await focused(page);
		if (!stop) break;
		stops.push(stop);
	}
	const areas = stops.map((s) => s.area).filter((a, i, all) => a !== all[i - 1]);
	expect(stops[0]?.name).toBe('a Skip to content');
	// The header, then the contents, then (after the body) the cite panel, then the footer.
	const order = ['skip', 'header', 'contents', 'cite', 'footer'].map((a) =>
		areas.indexOf(a as Stop['area']),
	);
	expect(order.every((at) => at >= 0)).toBe(true);
	expect([...order].sort((a, b) => a - b)).toEqual(order);
	const header = stops.filter((s) => s.area === 'header').map((s) => s.name);
	for (const name of ['Reports', 'Groups', 'Regions', 'Topics', 'Types']) {
		expect(header).toContain(`a ${name}`);
	}
	expect(header.some((n) => n.startsWith('input'))).toBe(true);
	const cite = stops.filter((s) => s.area === 'cite').map((s) => s.name);
	expect(cite).toContain('button Copy APA citation');
	expect(cite).toContain('summary Chicago, BibTeX, RIS and CSL-JSON');
	expect(stops.filter((s) => !s.visible).map((s) => s.name)).toEqual([]);
	console.log(`keyboard: ${stops.length} tab stops on /reports/${SLUG}/`);
});

test('the skip link and a contents link move the focus and the view where they say', async ({
	page,
}) => {
	await page.goto(`/reports/${SLUG}/`);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.locator('main#Main')).toBeFocused();

	const link = page.locator('nav[aria-labelledby="Contents"] a').first();
	const target = (await link.getAttribute('href')) ?? '';
	await link.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`${target}$`));
	await expect(page.locator(target)).toBeInViewport();
});

test('the cite formats open from the keyboard', async ({ page }) => {
	await page.goto(`/reports/${SLUG}/`);
	const summary = page.locator('.cite__summary');
	await summary.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('details.cite__more')).toHaveAttribute('open', '');
	await page.keyboard.press('Tab');
	await expect(page.locator('details.cite__more button').first()).toBeFocused();
});

test('search from the keyboard: / focuses the field, Enter searches, Space filters, Enter opens a result', async ({
	page,
}) => {
	await page.goto('/');
	await page.keyboard.press('/');
	await expect(page.locator('#site-search')).toBeFocused();
	await page.keyboard.type('taliban');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/search\/\?q=taliban$/);
	await expect(page.locator(SEARCH.status)).toHaveText(/\d+ reports? for/);

	const box = page.locator('fieldset[data-facet="group"] input[value="is-k"]');
	await box.focus();
	await page.keyboard.press('Space');
	await expect(box).toBeChecked();
	await expect(page).toHaveURL(/group=is-k/);

	const first = page.locator(SEARCH.title).first();
	await expect(first).toBeVisible();
	// Tab from the last filter control reaches the results.
	await page.locator(SEARCH.sort).focus();
	for (let i = 0; i < 20 && !(await first.evaluate((a) => a === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(first).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/reports\/[^/]+\//);
});
