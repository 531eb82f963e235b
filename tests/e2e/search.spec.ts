/**
 * Search on the built seed site: every spelling of a term finds its reports, facets combine
 * OR within and AND across with correct counts, the state lives in the URL, section links land on
 * the heading with the words highlighted, and the page explains itself without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';

const ISK = [
	'afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells',
	'emergence-and-expansion-of-isis-k-and-the-taliban',
	'is-k-seeks-to-undermine-the-taliban',
	'rise-of-the-islamic-state-in-afghanistan',
];
const EMERGENCE = 'emergence-and-expansion-of-isis-k-and-the-taliban';

/** Slugs of the reports in the results, in order, once the status says the search is done. */
async function resultSlugs(page: Page): Promise<string[]> {
	await expect(page.locator('[data-search-status]')).toHaveText(/reports?|No reports|Type a word/);
	const hrefs = await page
		.locator('.result__title a')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	return hrefs.map((h) => /\/reports\/([^/]+)\//.exec(h)?.[1] ?? h);
}

async function search(page: Page, query: string): Promise<string[]> {
	await page.goto(`/search/?q=${encodeURIComponent(query)}`);
	return resultSlugs(page);
}

/** The count shown beside a facet option. */
const count = (page: Page, facet: string, value: string) =>
	page.locator(`fieldset[data-facet="${facet}"] label:has(input[value="${value}"]) .facet__count`);

test.describe('search by any spelling', () => {
	for (const spelling of ['ISKP', 'ISIS-K', 'Islamic State Khorasan Province']) {
		test(`"${spelling}" finds every IS-K report`, async ({ page }) => {
			expect((await search(page, spelling)).sort()).toEqual(ISK);
		});
	}

	test('"Kunduz" finds the report that writes "Kundoz"', async ({ page }) => {
		expect(await search(page, 'Kunduz')).toEqual([EMERGENCE]);
	});

	test('"Taleban" finds the Taliban reports', async ({ page }) => {
		expect((await search(page, 'Taleban')).length).toBe(4);
	});

	test('a quoted phrase finds only the report with those words together', async ({ page }) => {
		expect(await search(page, '"largest military hospital"')).toEqual([EMERGENCE]);
		await expect(page.locator('.result__excerpt mark').first()).toBeVisible();
	});

	test('alias text is never shown on a report page nor exposed to assistive technology', async ({
		page,
	}) => {
		await page.goto(`/reports/${EMERGENCE}/`);
		const spellings = page.locator('[data-pagefind-body] p[hidden]');
		await expect(spellings).toHaveCount(1);
		await expect(spellings).toBeHidden();
		const tree = await page.locator('main').ariaSnapshot();
		expect(tree).not.toContain('ISKP');
	});
});

test.describe('facets', () => {
	test('values in one facet combine with OR and facets with AND, with counts that say what a box adds', async ({
		page,
	}) => {
		await page.goto('/search/?type=brief');
		expect(await resultSlugs(page)).toHaveLength(2);
		// OR within a facet: briefs or analyses.
		await page.locator('fieldset[data-facet="type"] input[value="analysis"]').check();
		await expect(page).toHaveURL(/type=brief&type=analysis/);
		await expect(page.locator('[data-search-status]')).toHaveText(
			'3 reports with the chosen filters',
		);
		// AND across facets: ...and about Kunduz.
		await page.locator('fieldset[data-facet="region"] input[value="kunduz"]').check();
		await expect(page.locator('[data-search-status]')).toHaveText(
			'1 report with the chosen filters',
		);
		expect(await resultSlugs(page)).toEqual([EMERGENCE]);
		// Type counts ignore the type selection (Kunduz reports by type); region counts keep it.
		await expect(count(page, 'type', 'analysis')).toHaveText('1');
		await expect(count(page, 'type', 'brief')).toHaveText('0');
		await expect(count(page, 'region', 'afghanistan')).toHaveText('3');
	});

	test('clear all empties the query and every filter', async ({ page }) => {
		await page.goto('/search/?q=kabul&group=taliban&sort=newest');
		await resultSlugs(page);
		await page.getByRole('button', { name: 'Clear all' }).click();
		await expect(page).toHaveURL(/\/search\/$/);
		await expect(page.getByRole('searchbox', { name: 'Search reports' })).toHaveValue('');
		await expect(page.locator('input[type="checkbox"]:checked')).toHaveCount(0);
		await expect(page.locator('[data-search-status]')).toHaveText(/Type a word/);
	});

	test('newest first orders the results by publication date', async ({ page }) => {
		await page.goto('/search/?group=is-k&sort=newest');
		expect(await resultSlugs(page)).toEqual([
			'afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells',
			'is-k-seeks-to-undermine-the-taliban',
			EMERGENCE,
			'rise-of-the-islamic-state-in-afghanistan',
		]);
	});

	test('a group page links to the search filtered to that group', async ({ page }) => {
		await page.goto('/groups/taliban/');
		await page.getByRole('link', { name: 'Search within these reports' }).click();
		await expect(page).toHaveURL(/\/search\/\?group=taliban$/);
		await expect(page.locator('fieldset[data-facet="group"] input[value="taliban"]')).toBeChecked();
		expect(await resultSlugs(page)).toHaveLength(4);
	});
});

test.describe('state in the URL', () => {
	test('typing updates the URL, and reload restores the query, filters and results', async ({
		page,
	}) => {
		await page.goto('/search/');
		await page.getByRole('searchbox', { name: 'Search reports' }).fill('hospital');
		await expect(page).toHaveURL(/\?q=hospital$/);
		await page.locator('fieldset[data-facet="year"] input[value="2021"]').check();
		await expect(page).toHaveURL(/\?q=hospital&year=2021$/);
		const before = await resultSlugs(page);
		expect(before).toEqual([EMERGENCE]);
		await page.reload();
		await expect(page.getByRole('searchbox', { name: 'Search reports' })).toHaveValue('hospital');
		await expect(page.locator('fieldset[data-facet="year"] input[value="2021"]')).toBeChecked();
		expect(await resultSlugs(page)).toEqual(before);
	});

	test('back and forward step through filter changes', async ({ page }) => {
		await page.goto('/search/?q=taliban');
		const all = await resultSlugs(page);
		expect(all.length).toBeGreaterThan(1);
		await page.locator('fieldset[data-facet="type"] input[value="analysis"]').check();
		await expect(page).toHaveURL(/type=analysis/);
		await expect(page.locator('[data-search-status]')).toHaveText(/^1 report/);
		await page.goBack();
		await expect(page).toHaveURL(/\?q=taliban$/);
		await expect(
			page.locator('fieldset[data-facet="type"] input[value="analysis"]'),
		).not.toBeChecked();
		await expect(page.locator('[data-search-status]')).toHaveText(
			`${all.length} reports for “taliban”`,
		);
		await page.goForward();
		await expect(page.locator('[data-search-status]')).toHaveText(/^1 report/);
		expect(await resultSlugs(page)).toEqual([EMERGENCE]);
	});

	test('unknown parameters and values in a pasted link are ignored', async ({ page }) => {
		await page.goto('/search/?q=kunduz&group=nobody&utm_source=x&sort=sideways');
		expect(await resultSlugs(page)).toEqual([EMERGENCE]);
		await expect(page).toHaveURL(/\/search\/\?q=kunduz$/);
	});

	test('the header form searches from any page, and "/" focuses it', async ({ page }) => {
		await page.goto('/regions/');
		await page.keyboard.press('/');
		await expect(page.locator('#site-search')).toBeFocused();
		await page.keyboard.type('Kandhar');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/search\/\?q=Kandhar$/);
		expect(await resultSlugs(page)).toEqual([EMERGENCE]);
	});
});

test.describe('results', () => {
	test('a section link opens the report at that heading with the words highlighted', async ({
		page,
	}) => {
		await search(page, 'poverty');
		const section = page.locator('.result__sections a').first();
		await expect(section).toBeVisible();
		const href = (await section.getAttribute('href')) ?? '';
		const id = href.split('#')[1] ?? '';
		expect(id).not.toBe('');
		await section.click();
		await expect(page).toHaveURL(new RegExp(`highlight=poverty.*#${id}$`));
		await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
		await expect(page.locator('mark.pagefind-highlight').first()).toBeVisible();
	});

	test('text in an excerpt is text: results contain no markup but <mark>', async ({ page }) => {
		await search(page, 'Taliban');
		const tags = await page
			.locator('.result__excerpt')
			.evaluateAll((ps) => [
				...new Set(ps.flatMap((p) => [...p.querySelectorAll('*')].map((e) => e.tagName))),
			]);
		expect(tags).toEqual(['MARK']);
	});

	test('the result count is announced in a polite live region', async ({ page }) => {
		await search(page, 'Kunduz');
		const status = page.locator('[data-search-status]');
		await expect(status).toHaveAttribute('role', 'status');
		await expect(status).toHaveAttribute('aria-live', 'polite');
		await expect(status).toHaveText('1 report for “Kunduz”');
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the search page says search needs JavaScript and offers the browse pages', async ({
		page,
	}) => {
		await page.goto('/search/?q=taliban');
		await expect(page.getByText('Search runs in your browser and needs JavaScript.')).toBeVisible();
		await expect(page.locator('[data-search]')).toBeHidden();
		for (const name of ['Reports', 'Groups', 'Regions', 'Topics', 'Types']) {
			await expect(page.locator('main').getByRole('link', { name, exact: true })).toBeVisible();
		}
	});

	test('the header search form still navigates to the search page', async ({ page }) => {
		await page.goto('/');
		await page.locator('#site-search').fill('kabul');
		await page.locator('#site-search').press('Enter');
		await expect(page).toHaveURL(/\/search\/\?q=kabul$/);
	});
});
