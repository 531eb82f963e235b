/**
 * Search on the built seed site, as a reader sees it: what each result says (its excerpt is the
 * report's own text, its marks are on the spelling the report writes, its section link goes to a
 * section holding the word, the opened report marks the same words), the answer card, what a
 * search that finds nothing offers, filters and their chips, the state in the URL, and the page
 * without JavaScript. Expectations come from content/ (tests/e2e/support.ts), not from the code.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { content, normalise, report } from './support.ts';
import {
	facetBox,
	facetCount,
	SEARCH,
	searchSettled,
	seenResults,
	type SeenResult,
} from '../support/search-page.ts';

const EMERGENCE = 'emergence-and-expansion-of-isis-k-and-the-taliban';

/** A term's every spelling, from its content file. */
function spellings(kind: 'groups' | 'regions', slug: string): string[] {
	const term = content().terms[kind].find((t) => t.slug === slug)!;
	return [term.name, ...(term.shortName ? [term.shortName] : []), ...term.aliases];
}

/** The reports whose own text (title, summary, body) writes one of these spellings. */
function reportsWriting(words: readonly string[]): string[] {
	const writes = (text: string, w: string) =>
		new RegExp(
			`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`,
			'iu',
		).test(text);
	return content()
		.reports.filter((r) => words.some((w) => writes(`${r.title}\n${r.summary}\n${r.body}`, w)))
		.map((r) => r.slug)
		.sort();
}

async function search(page: Page, query: string, params = ''): Promise<SeenResult[]> {
	await page.goto(`/search/?q=${encodeURIComponent(query)}${params}`);
	return seenResults(page);
}

/** What the report page shows of the report's own words: title, summary and body, as text. */
const textCache = new Map<string, string>();
async function reportText(context: BrowserContext, slug: string): Promise<string> {
	let text = textCache.get(slug);
	if (text === undefined) {
		const page = await context.newPage();
		await page.goto(`/reports/${slug}/`);
		const parts = await page
			.locator('main h1, main .report-header__summary, main .prose')
			.evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText));
		await page.close();
		text = normalise(parts.join(' '));
		textCache.set(slug, text);
	}
	return text;
}

/** The text of the section a heading id opens: from the heading to the next heading. */
async function sectionText(page: Page, id: string): Promise<string> {
	return page.evaluate((id) => {
		const heading = document.getElementById(id)!;
		const start = heading.closest('.heading-wrapper') ?? heading;
		const parts = [heading.textContent ?? ''];
		for (let n = start.nextElementSibling; n; n = n.nextElementSibling) {
			if (/^H[1-6]$/.test(n.tagName) || n.classList.contains('heading-wrapper')) break;
			parts.push((n as HTMLElement).innerText);
		}
		return parts.join(' ');
	}, id);
}

const stripEllipses = (text: string) => normalise(text.replace(/^…\s*|\s*…$/g, ''));
const lower = (words: readonly string[]) => words.map((w) => w.toLowerCase());

/**
 * The searches the issue names: each with the words a mark must be one of (the spellings the
 * reports themselves use), and the reports it must find (those whose text writes one of them).
 */
const SEARCHES = [
	{ query: 'kunduz', marks: spellings('regions', 'kunduz') },
	{ query: 'ISKP', marks: spellings('groups', 'is-k') },
	{ query: 'Taleban', marks: spellings('groups', 'taliban') },
	{ query: 'al-Qaida', marks: spellings('groups', 'al-qaeda') },
	{ query: 'Kandahar', marks: spellings('regions', 'kandahar') },
	{ query: '"largest military hospital"', marks: ['largest military hospital'] },
];

test.describe('what a result shows', () => {
	for (const { query, marks } of SEARCHES) {
		test(`"${query}": every excerpt is the report's own text, marked where it writes the name, and finds every report that writes it`, async ({
			page,
			context,
		}) => {
			const results = await search(page, query);
			expect(results.map((r) => r.slug).sort(), `reports found by ${query}`).toEqual(
				reportsWriting(marks),
			);
			for (const r of results) {
				const own = await reportText(context, r.slug);
				for (const passage of [r.text, ...r.sections.map((s) => s.text).filter(Boolean)]) {
					// The excerpt, ellipses aside, is a passage of the report as the reader reads it.
					expect(own, `excerpt of ${r.slug} for ${query}`).toContain(stripEllipses(passage));
					expect(passage).not.toMatch(/Permalink|min read|\bCite\b|Unsigned| · /);
				}
				// At least one mark is on a spelling of the name, as the report itself writes it.
				const spelled = r.marks.filter((m) => lower(marks).includes(m.toLowerCase()));
				expect(spelled, `marks in ${r.slug} for ${query}: ${r.marks.join(', ')}`).not.toEqual([]);
				for (const m of spelled) expect(own).toContain(m);
			}
		});
	}

	for (const { query, marks } of SEARCHES) {
		test(`"${query}": each result's first section link opens a section holding a marked word, and the opened report marks the spelling it writes`, async ({
			page,
		}) => {
			const results = await search(page, query);
			expect(results.length).toBeGreaterThan(0);
			for (const r of results) {
				const spelled = lower(marks);
				const link = r.sections[0];
				if (link) {
					const url = new URL(link.href, 'http://x');
					expect(url.pathname, `section link of ${r.slug}`).toBe(`/reports/${r.slug}/`);
					await page.goto(link.href);
					const section = normalise(await sectionText(page, url.hash.slice(1))).toLowerCase();
					const held = [...link.marks, ...r.marks].filter((m) => section.includes(m.toLowerCase()));
					expect(
						held,
						`section ${url.hash} of ${r.slug} holds a word marked for ${query}`,
					).not.toEqual([]);
				}
				// The title link opens the report with the words the excerpt marked highlighted.
				await page.goto(r.href);
				const highlighted = page.locator('main mark.pagefind-highlight');
				await expect(highlighted.first(), `highlight on ${r.slug} for ${query}`).toBeVisible();
				const seen = lower(await highlighted.allTextContents());
				const ownSpellings = seen.filter((m) =>
					spelled.some((w) => w.split(' ').includes(m) || w === m),
				);
				expect(
					ownSpellings,
					`${r.slug} marks a spelling it writes for ${query}: ${seen.join(', ')}`,
				).not.toEqual([]);
				const own = (await reportText(page.context(), r.slug)).toLowerCase();
				for (const m of seen)
					expect(own, `"${m}" highlighted on ${r.slug} is its own word`).toContain(m);
				await expect(page.locator('[data-pagefind-ignore] mark.pagefind-highlight')).toHaveCount(0);
			}
		});
	}

	test('the first section link goes to a section that holds a marked word, and the opened report marks the same words', async ({
		page,
	}) => {
		const [first] = await search(page, 'ISKP');
		const link = first!.sections[0]!;
		const url = new URL(link.href, 'http://x');
		const words = url.searchParams.getAll('highlight');
		expect(words.length).toBeGreaterThan(0);
		// A name of several words is one word to highlight: "Islamic State Khorasan", not "State".
		const markedWords = first!.marks;
		expect(lower(words)).toEqual(expect.arrayContaining(lower(markedWords)));
		expect(lower(words)).not.toContain('state');
		await page.locator(SEARCH.sections).first().click();
		await expect(page).toHaveURL(new RegExp(`#${url.hash.slice(1)}$`));
		const section = normalise(await sectionText(page, url.hash.slice(1)));
		expect(
			words.some((w) => section.includes(w)),
			`section ${url.hash} holds one of ${words.join(', ')}`,
		).toBe(true);
		const highlighted = page.locator('mark.pagefind-highlight');
		await expect(highlighted.first()).toBeVisible();
		const seen = new Set(lower(await highlighted.allTextContents()));
		for (const w of markedWords) expect([...seen], `"${w}" highlighted`).toContain(w.toLowerCase());
		// Only the report's text is highlighted, whole words only: "IS-K" never marks inside "ISIS-K".
		expect(await page.locator('[data-pagefind-ignore] mark.pagefind-highlight').count()).toBe(0);
		for (const text of seen) expect(lower(words)).toContain(text);
	});

	test('"Kunduz" opens the report with "Kundoz", the word it writes, highlighted in its text', async ({
		page,
	}) => {
		const [only] = await search(page, 'Kunduz');
		expect(only?.slug).toBe(EMERGENCE);
		expect(only!.marks).toContain('Kundoz');
		await page.locator(SEARCH.title).first().click();
		await expect(page).toHaveURL(/highlight=Kundoz/);
		const marks = page.locator('.prose mark.pagefind-highlight');
		await expect(marks.first()).toBeVisible();
		expect(await marks.allTextContents()).toContain('Kundoz');
	});

	test('a name searched in other spellings says which found reports', async ({ page }) => {
		await search(page, 'ISKP');
		const line = page.locator(SEARCH.spellings);
		await expect(line).toBeVisible();
		await expect(line).toContainText('IS-K');
		// ISIL-K is a spelling no report writes: it is searched, but not claimed as found.
		await expect(line).not.toContainText('ISIL-K');
	});

	test('text in an excerpt is text: results contain no markup but <mark>', async ({ page }) => {
		await search(page, 'Taliban');
		const tags = await page
			.locator(`${SEARCH.card} .card__summary`)
			.evaluateAll((ps) => [
				...new Set(ps.flatMap((p) => [...p.querySelectorAll('*')].map((e) => e.tagName))),
			]);
		expect(tags.filter((t) => t !== 'SPAN')).toEqual(['MARK']);
	});

	test('a result is a report card: type, date, title, groups and places linked as in listings', async ({
		page,
	}) => {
		const [first] = await search(page, 'Kundoz');
		expect(first?.slug).toBe(EMERGENCE);
		const seed = report(EMERGENCE);
		const card = page.locator(SEARCH.card).first();
		await expect(card.locator('.card__kicker a')).toHaveAttribute('href', `/types/${seed.type}/`);
		await expect(card.locator('.card__kicker time')).toHaveAttribute('datetime', seed.published);
		await expect(card.locator('.card__title')).toHaveText(seed.title);
		const links = await card
			.locator('.card__terms a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(links).toEqual([
			...seed.groups.map((g) => `/groups/${g}/`),
			...seed.regions.map((r) => `/regions/${r}/`),
		]);
	});

	test('the result count is announced in a polite live region, a phrase in one pair of quotes', async ({
		page,
	}) => {
		await search(page, '"largest military hospital"');
		const status = page.locator(SEARCH.status);
		await expect(status).toHaveAttribute('role', 'status');
		await expect(status).toHaveAttribute('aria-live', 'polite');
		await expect(status).toHaveText('1 report for “largest military hospital”');
	});
});

test.describe('answers and suggestions', () => {
	test('a query naming a group gets a card with its name, kind, profile, count, page and one filter control', async ({
		page,
	}) => {
		await search(page, 'iskp');
		const card = page.locator(SEARCH.answer);
		await expect(card).toContainText('Armed group');
		await expect(page.locator(SEARCH.answerName)).toHaveText('Islamic State Khorasan Province');
		await expect(page.locator(SEARCH.answerName)).toHaveAttribute('href', '/groups/is-k/');
		await expect(card).toContainText('regional affiliate of the Islamic State');
		const filedUnder = content().reports.filter((r) => r.groups.includes('is-k')).length;
		const apply = page.locator(SEARCH.answerApply);
		await expect(apply).toHaveText(`Show the ${filedUnder} reports filed under IS-K`);
		await apply.click();
		// The name became the filter: every report filed under it, whether or not it writes the name.
		await expect(page).toHaveURL(/\/search\/\?group=is-k$/);
		await expect(page.locator(SEARCH.status)).toHaveText(
			`${filedUnder} reports with the chosen filters`,
		);
		await expect(facetBox(page, 'group', 'is-k')).toBeChecked();
	});

	test("an author's name, which reports do not write, gets the author's card, a link to their reports, and no unmarked results", async ({
		page,
	}) => {
		const author = content().terms.authors.find((a) => a.slug === 'ahmad-shah-mohibi')!;
		const by = content().reports.filter((r) => r.authors.includes(author.slug)).length;
		const results = await search(page, author.name.toLowerCase());
		// Its words stand apart in some reports; none writes the name, so none is offered.
		expect(results).toEqual([]);
		await expect(page.locator(SEARCH.status)).toHaveText(
			`No reports for “${author.name.toLowerCase()}”`,
		);
		await expect(page.locator(SEARCH.answer)).toContainText('Author');
		await expect(page.locator(SEARCH.answerName)).toHaveText(author.name);
		const reports = page.locator(`${SEARCH.answer} a`, { hasText: `${by} report` });
		await expect(reports).toHaveText(`${by} ${by === 1 ? 'report' : 'reports'} by ${author.name}`);
		await expect(reports).toHaveAttribute('href', author.url);
		// The name itself is not offered again as "Did you mean".
		await expect(page.locator(SEARCH.emptyNames)).toHaveCount(0);
		await reports.click();
		await expect(page).toHaveURL(new RegExp(`${author.url}$`));
	});

	for (const [typo, name] of [
		['kundus', 'Kunduz'],
		['Talibn', 'Taliban'],
	] as const) {
		test(`a small typo ("${typo}") gets the card of the closest name, ${name}`, async ({
			page,
		}) => {
			await search(page, typo);
			await expect(page.locator(SEARCH.answer)).toContainText(`The closest name to “${typo}”`);
			await expect(page.locator(SEARCH.answerName)).toHaveText(name);
		});
	}

	test('a search that finds nothing says so and offers the nearest names, each filter removed and the browse pages', async ({
		page,
	}) => {
		await search(page, 'Kundus', '&type=brief');
		await expect(page.locator(SEARCH.status)).toHaveText(
			'No reports for “Kundus” with the chosen filters',
		);
		const empty = page.locator(SEARCH.empty);
		await expect(empty).toBeVisible();
		await expect(page.locator(SEARCH.emptyNames).first()).toHaveText('Kunduz');
		await expect(page.locator(SEARCH.emptyNames).first()).toHaveAttribute(
			'href',
			'/search/?q=Kunduz&type=brief',
		);
		await expect(page.locator(SEARCH.emptyFilters)).toHaveText(['Without report type: Brief']);
		// Another filter is on, so the card's control promises no count it might not give.
		await expect(page.locator(SEARCH.answerApply)).toHaveText('Filter by this region');
		for (const name of ['Reports', 'Groups', 'Regions', 'Topics', 'Types']) {
			await expect(empty.getByRole('link', { name, exact: true })).toBeVisible();
		}
		// Following a suggestion searches in place.
		await page.locator(SEARCH.emptyNames).first().click();
		await expect(page).toHaveURL(/\?q=Kunduz&type=brief$/);
		await searchSettled(page);
		await expect(page.locator(SEARCH.status)).toHaveText(/^No reports|^1 report/);
	});
});

test.describe('filters', () => {
	test('values in one facet combine with OR and facets with AND, with counts that say what a box gives', async ({
		page,
	}) => {
		await page.goto('/search/?type=brief');
		expect(await seenResults(page)).toHaveLength(2);
		await facetBox(page, 'type', 'analysis').check();
		await expect(page).toHaveURL(/type=brief&type=analysis/);
		await expect(page.locator(SEARCH.status)).toHaveText('3 reports with the chosen filters');
		await facetBox(page, 'region', 'kunduz').check();
		await expect(page.locator(SEARCH.status)).toHaveText('1 report with the chosen filters');
		expect((await seenResults(page)).map((r) => r.slug)).toEqual([EMERGENCE]);
		// Type counts ignore the type selection (Kunduz reports by type); region counts keep it.
		await expect(facetCount(page, 'type', 'analysis')).toHaveText('1');
		await expect(facetCount(page, 'type', 'brief')).toHaveText('0');
		await expect(facetCount(page, 'region', 'afghanistan')).toHaveText('3');
	});

	test('counts of a search in several spellings count each report once', async ({ page }) => {
		await search(page, 'Taleban');
		const taliban = content().reports.filter((r) => r.groups.includes('taliban'));
		await expect(facetCount(page, 'group', 'taliban')).toHaveText(String(taliban.length));
		await expect(facetCount(page, 'type', 'analysis')).toHaveText('1');
	});

	test('active filters show as chips above the results on a phone with the panel folded, and remove their filter', async ({
		page,
	}) => {
		await page.setViewportSize({ width: 390, height: 800 });
		await page.goto('/search/?q=taliban&group=is-k&type=analysis');
		await searchSettled(page);
		await expect(page.locator(SEARCH.filters)).not.toHaveAttribute('open', '');
		const chips = page.locator(SEARCH.chips);
		await expect(chips).toHaveText([
			'Armed group: Islamic State Khorasan Province×',
			'Report type: Analysis×',
		]);
		// Above the results, where a reader who opened a shared link sees them first.
		const chipTop = (await chips.first().boundingBox())!.y;
		const cardTop = (await page.locator(SEARCH.card).first().boundingBox())!.y;
		expect(chipTop).toBeLessThan(cardTop);
		await expect(chips.first()).toHaveAccessibleName(
			'Remove the filter Armed group: Islamic State Khorasan Province',
		);
		await chips.first().click();
		await expect(page).toHaveURL(/\?q=taliban&type=analysis$/);
		await expect(page.locator(SEARCH.chips)).toHaveText(['Report type: Analysis×']);
		await expect(facetBox(page, 'group', 'is-k')).not.toBeChecked();
	});

	for (const path of ['/search/?q=ISKP', '/search/?q=taliban&group=is-k']) {
		test(`at 320 px, ${path} with its filters open keeps every line inside the page's margins, "Clear all" whole`, async ({
			page,
		}) => {
			await page.setViewportSize({ width: 320, height: 800 });
			await page.goto(path);
			await searchSettled(page);
			await page.locator(`${SEARCH.filters} summary`).click();
			await expect(page.locator('fieldset[data-facet]').first()).toBeVisible();
			const clear = page.getByRole('button', { name: 'Clear all' });
			await expect(clear).toBeVisible();
			const { margin, beyond, scroll } = await page.evaluate((element) => {
				const root = document.scrollingElement ?? document.documentElement;
				const search = document.querySelector(element)!;
				// The right margin of the search page's column: the search field's own edge.
				const margin = document.querySelector('.search__row')!.getBoundingClientRect().right;
				const beyond = [...search.querySelectorAll<HTMLElement>('*')]
					.filter((e) => {
						const r = e.getBoundingClientRect();
						return r.width > 1 && r.right > margin + 0.5;
					})
					.map(
						(e) =>
							`${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? '').slice(0, 30)}`,
					);
				return { margin, beyond, scroll: root.scrollWidth - root.clientWidth };
			}, SEARCH.element);
			expect(scroll, 'sideways scrolling').toBe(0);
			expect(margin).toBeLessThan(320);
			expect(beyond, `past the right margin (${margin} px)`).toEqual([]);
			const box = (await clear.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(margin + 0.5);
		});
	}

	test('clear all empties the query and every filter', async ({ page }) => {
		await page.goto('/search/?q=kabul&group=taliban&sort=newest');
		await searchSettled(page);
		await page.getByRole('button', { name: 'Clear all' }).click();
		await expect(page).toHaveURL(/\/search\/$/);
		await expect(page.getByRole('searchbox', { name: 'Search reports' })).toHaveValue('');
		await expect(page.locator('input[type="checkbox"]:checked')).toHaveCount(0);
		await expect(page.locator(SEARCH.status)).toHaveText(/Type a word/);
		await expect(page.locator(SEARCH.chips)).toHaveCount(0);
	});

	test('newest first orders the results by publication date, merged spellings too', async ({
		page,
	}) => {
		const newest = [
			'afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells',
			'is-k-seeks-to-undermine-the-taliban',
			EMERGENCE,
			'rise-of-the-islamic-state-in-afghanistan',
		];
		// What the reader sees on each card is its date, newest at the top, as the reports say.
		const datesOf = async () =>
			page
				.locator(`${SEARCH.card} time`)
				.evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
		const published = newest.map(
			(slug) => content().reports.find((r) => r.slug === slug)!.published,
		);
		expect([...published].sort().reverse()).toEqual(published);
		await page.goto('/search/?group=is-k&sort=newest');
		expect((await seenResults(page)).map((r) => r.slug)).toEqual(newest);
		expect(await datesOf()).toEqual(published);
		await page.goto('/search/?q=Taleban&sort=newest');
		expect((await seenResults(page)).map((r) => r.slug)).toEqual(newest);
		expect(await datesOf()).toEqual(published);
	});

	test('a group page links to the search filtered to that group', async ({ page }) => {
		await page.goto('/groups/taliban/');
		await page.getByRole('link', { name: 'Search within these reports' }).click();
		await expect(page).toHaveURL(/\/search\/\?group=taliban$/);
		await expect(facetBox(page, 'group', 'taliban')).toBeChecked();
		expect(await seenResults(page)).toHaveLength(4);
	});
});

test.describe('state in the URL', () => {
	test('slug URLs and links with display names restore the same state; the latter are rewritten to slugs', async ({
		page,
	}) => {
		await page.goto('/search/?q=hospital&group=taliban&type=analysis');
		const bySlug = await seenResults(page);
		await page.goto('/search/?q=hospital&group=Taliban&type=Analysis');
		await expect(page).toHaveURL(/\/search\/\?q=hospital&group=taliban&type=analysis$/);
		expect(await seenResults(page)).toEqual(bySlug);
		await expect(facetBox(page, 'group', 'taliban')).toBeChecked();
		await expect(facetBox(page, 'type', 'analysis')).toBeChecked();
		// The display-name address replaced itself: Back goes to the search before it.
		await page.goBack();
		await expect(page).toHaveURL(/\/search\/\?q=hospital&group=taliban&type=analysis$/);
		await page.goBack();
		await expect(page).not.toHaveURL(/group=Taliban/);
	});

	test('typing updates the results and the URL, and reload restores the query, filters and results', async ({
		page,
	}) => {
		await page.goto('/search/');
		await searchSettled(page);
		await page.getByRole('searchbox', { name: 'Search reports' }).fill('hospital');
		await expect(page.locator(SEARCH.status)).toHaveText(/reports? for “hospital”/);
		await expect(page).toHaveURL(/\?q=hospital$/);
		await facetBox(page, 'year', '2021').check();
		await expect(page).toHaveURL(/\?q=hospital&year=2021$/);
		await expect(page.locator(SEARCH.status)).toHaveText(
			'1 report for “hospital” with the chosen filters',
		);
		const before = await seenResults(page);
		expect(before.map((r) => r.slug)).toEqual([EMERGENCE]);
		await page.reload();
		await expect(page.getByRole('searchbox', { name: 'Search reports' })).toHaveValue('hospital');
		await expect(facetBox(page, 'year', '2021')).toBeChecked();
		expect(await seenResults(page)).toEqual(before);
	});

	test('back and forward step through filter changes', async ({ page }) => {
		await page.goto('/search/?q=taliban');
		const all = await seenResults(page);
		expect(all.length).toBeGreaterThan(1);
		await facetBox(page, 'type', 'analysis').check();
		await expect(page).toHaveURL(/type=analysis/);
		await expect(page.locator(SEARCH.status)).toHaveText(/^1 report/);
		await page.goBack();
		await expect(page).toHaveURL(/\?q=taliban$/);
		await expect(facetBox(page, 'type', 'analysis')).not.toBeChecked();
		await expect(page.locator(SEARCH.status)).toHaveText(`${all.length} reports for “taliban”`);
		await page.goForward();
		await expect(page.locator(SEARCH.status)).toHaveText(/^1 report/);
		expect((await seenResults(page)).map((r) => r.slug)).toEqual([EMERGENCE]);
	});

	test('unknown parameters and values in a pasted link are ignored', async ({ page }) => {
		await page.goto('/search/?q=kundoz&group=nobody&utm_source=x&sort=sideways');
		expect((await seenResults(page)).map((r) => r.slug)).toEqual([EMERGENCE]);
		await expect(page).toHaveURL(/\/search\/\?q=kundoz$/);
	});

	test('the header form searches from any page, and "/" focuses it', async ({ page }) => {
		await page.goto('/regions/');
		await page.keyboard.press('/');
		await expect(page.locator('#site-search')).toBeFocused();
		await page.keyboard.type('Kandhar');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/search\/\?q=Kandhar$/);
		expect((await seenResults(page)).map((r) => r.slug)).toEqual([EMERGENCE]);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the search page lists every group, region, topic and author in every spelling, linked to its page', async ({
		page,
	}) => {
		await page.goto('/search/?q=taliban');
		await expect(page.getByText('Search runs in your browser and needs JavaScript.')).toBeVisible();
		await expect(page.locator('search-page form')).toBeHidden();
		for (const name of ['Reports', 'Groups', 'Regions', 'Topics', 'Types']) {
			await expect(
				page.locator('main').getByRole('link', { name, exact: true }).first(),
			).toBeVisible();
		}
		const index = page.getByRole('region', { name: 'Every name, in every spelling' });
		const { terms } = content();
		for (const kind of ['groups', 'regions', 'topics', 'authors'] as const) {
			for (const term of terms[kind]) {
				await expect(index.locator(`a[href="${term.url}"]`)).toBeVisible();
				for (const alias of term.aliases.filter((a) => a !== term.name && a !== term.shortName)) {
					// Every spelling is on the page, for the browser's find in page.
					await expect(index.locator(`li:has(a[href="${term.url}"])`)).toContainText(alias);
				}
			}
		}
	});

	test('the header search form still leads to the search page and its index', async ({ page }) => {
		await page.goto('/');
		await page.locator('#site-search').fill('kabul');
		await page.locator('#site-search').press('Enter');
		await expect(page).toHaveURL(/\/search\/\?q=kabul$/);
		await expect(page.locator('a[href="/regions/kabul/"]').first()).toBeVisible();
	});
});
