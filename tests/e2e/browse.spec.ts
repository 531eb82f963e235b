/**
 * The listings: every term and type page lists exactly the reports content/ says it should, the
 * index pages count them right, /reports/ runs newest first, by year, with honest dates, and lists
 * every year, each with its own page.
 */
import { expect, test } from '@playwright/test';
import {
	compareNewestFirst,
	content,
	countLabel,
	expectedLatestYears,
	expectedReportUrls,
	expectedYears,
	formatPublished,
	listedReportUrls,
	listItemTexts,
	pageOf,
	report,
	REPORT_TYPES,
	SEED_SLUGS,
	TERM_KINDS,
	type TermKind,
} from './support.ts';

/** The order and the dates /reports/ must show, as the seed reports' authors dated them. */
const NEWEST_FIRST = [
	{ slug: 'afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells', date: 'May 2022' },
	{ slug: 'is-k-seeks-to-undermine-the-taliban', date: '2022' },
	{ slug: 'emergence-and-expansion-of-isis-k-and-the-taliban', date: 'November 2021' },
	{ slug: 'rise-of-the-islamic-state-in-afghanistan', date: 'December 2020' },
];
const seedUrls = NEWEST_FIRST.map((r) => `/reports/${r.slug}/`);

test('the seed reports are all in content/ and published', () => {
	const slugs = content().reports.map((r) => r.slug);
	for (const slug of SEED_SLUGS) expect(slugs).toContain(slug);
	expect(NEWEST_FIRST.map((r) => r.slug)).toEqual([...SEED_SLUGS]);
});

test.describe('/reports/', () => {
	/** Every published report in content/, newest first. */
	const newestFirst = () => [...content().reports].sort(compareNewestFirst);

	test('lists the latest years’ reports newest first, under an h2 per year', async ({ page }) => {
		await page.goto('/reports/');
		const latest = expectedLatestYears();
		const listed = await listedReportUrls(page);
		expect(listed).toEqual(latest.flatMap((y) => y.urls));
		// The seed reports, in the order their dates give.
		expect(listed.filter((url) => seedUrls.includes(url))).toEqual(seedUrls);
		await expect(page.getByRole('main')).toContainText(
			`${countLabel(content().reports.length)}, newest first`,
		);

		const years = latest.map((y) => y.year);
		expect(years).toEqual(expect.arrayContaining(['2022', '2021', '2020']));
		await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(years);
		for (const { year, urls } of latest) {
			await expect(page.getByRole('region', { name: year, exact: true })).toHaveCount(1);
			expect(await listedReportUrls(page, `section:has(> h2#y${year})`), year).toEqual(urls);
		}
	});

	test('lists every year with its number of reports, each linking to the year’s page', async ({
		page,
	}) => {
		await page.goto('/reports/');
		const nav = page.getByRole('navigation', { name: 'Years', exact: true });
		const shown = await nav.locator('li').evaluateAll((items) =>
			items.map((li) => ({
				href: li.querySelector('a')?.getAttribute('href'),
				text: li.textContent.replace(/\s+/g, ' ').trim(),
			})),
		);
		expect(shown).toEqual(
			expectedYears().map(({ year, urls }) => ({
				href: `/reports/${year}/`,
				text: `${year} ${countLabel(urls.length)}`,
			})),
		);
	});

	test('each year’s page lists that year’s reports newest first, and links to the years beside it', async ({
		page,
	}) => {
		const years = expectedYears();
		for (const [i, { year, urls }] of years.entries()) {
			const response = await page.goto(`/reports/${year}/`);
			expect(response?.status(), `/reports/${year}/`).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Reports from ${year}`);
			expect(await listedReportUrls(page), year).toEqual(pageOf(urls, 1));
			await expect(
				page.getByRole('navigation', { name: 'Years', exact: true }).locator('[aria-current]'),
			).toHaveText(year);
			const steps = page.getByRole('navigation', { name: 'Neighbouring years' });
			const expected = [years[i - 1], years[i + 1]]
				.filter((y) => y !== undefined)
				.map((y) => `/reports/${y.year}/`);
			const hrefs = await steps
				.getByRole('link')
				.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
			expect(hrefs, year).toEqual(expected);
		}
	});

	test('shows each date at its precision, never with an invented day', async ({ page }) => {
		await page.goto('/reports/');
		for (const { slug, date } of NEWEST_FIRST) {
			expect(formatPublished(report(slug).published)).toBe(date);
			const card = page.locator('article', {
				has: page.getByRole('link', { name: report(slug).title, exact: true }),
			});
			const time = card.locator('time');
			await expect(time).toHaveText(date);
			await expect(time).toHaveAttribute('datetime', report(slug).published);
		}
		const times = await page.locator('main time').evaluateAll((els) =>
			els.map((t) => ({
				datetime: t.getAttribute('datetime') ?? '',
				text: (t.textContent ?? '').trim(),
			})),
		);
		const shown = new Set(expectedLatestYears().flatMap((y) => y.urls));
		expect(times.map((t) => t.text)).toEqual(
			newestFirst()
				.filter((r) => shown.has(r.url))
				.map((r) => formatPublished(r.published)),
		);
		for (const { datetime, text } of times) expect(text).toBe(formatPublished(datetime));
	});
});

test.describe('term pages list the right reports', () => {
	const what: Record<TermKind, string> = {
		groups: 'every armed group page lists exactly the reports on that group',
		regions: 'every region page lists exactly the reports on that region and the places within it',
		topics: 'every topic page lists exactly the reports on that topic',
		authors: 'every author page lists exactly the reports by that author',
	};
	for (const kind of TERM_KINDS) {
		test(what[kind], async ({ page }) => {
			const terms = content().terms[kind];
			expect(terms.length).toBeGreaterThan(0);
			for (const t of terms) {
				const expected = expectedReportUrls(kind, t.slug);
				const response = await page.goto(t.url);
				expect(response?.status(), `status of ${t.url}`).toBe(200);
				// The page is static: read it once, then compare.
				const shown = await page.evaluate(() => ({
					title: document.querySelector('h1')?.textContent.trim(),
					heading: document
						.querySelector('section.term__reports h2')
						?.textContent.replace(/\s+/g, ' ')
						.trim(),
					urls: [
						...document.querySelectorAll('section.term__reports li > article :is(h2, h3) > a'),
					].map((a) => a.getAttribute('href')),
				}));
				// The first page of them: later pages are checked in tests/integration/pagination.test.ts.
				expect(shown, t.url).toEqual({
					title: t.name,
					heading: `Reports (${expected.length})`,
					urls: pageOf(expected, 1),
				});
			}
		});
	}

	test('/regions/afghanistan/ includes the reports tagged with places inside Afghanistan', async ({
		page,
	}) => {
		const inside = content()
			.terms.regions.filter((r) => r.parent === 'afghanistan')
			.map((r) => r.slug);
		expect(inside).toEqual(expect.arrayContaining(['kabul', 'kunduz', 'kandahar', 'balkh']));
		const tagged = content().reports.filter((r) => r.regions.some((s) => inside.includes(s)));
		expect(tagged.length).toBeGreaterThan(0);
		await page.goto('/regions/afghanistan/');
		const listed = await listedReportUrls(page, 'section.term__reports');
		for (const r of tagged) expect(listed).toContain(r.url);
	});

	test('every type page lists exactly the reports of that type', async ({ page }) => {
		for (const type of REPORT_TYPES) {
			const expected = expectedReportUrls('types', type);
			const response = await page.goto(`/types/${type}/`);
			expect(response?.status(), `status of /types/${type}/`).toBe(200);
			expect(await listedReportUrls(page), `/types/${type}/`).toEqual(pageOf(expected, 1));
			if (expected.length === 0) await expect(page.locator('main .empty')).toBeVisible();
		}
	});
});

test.describe('term pages describe the term', () => {
	test('a region page names the country it is part of, and a country its places', async ({
		page,
	}) => {
		const kunduz = content().terms.regions.find((r) => r.slug === 'kunduz')!;
		await page.goto(kunduz.url);
		const facts = page.locator('main dl');
		await expect(facts).toContainText('Part of');
		await expect(facts.getByRole('link', { name: 'Afghanistan', exact: true })).toHaveAttribute(
			'href',
			'/regions/afghanistan/',
		);
		await expect(facts).toContainText('Also written as');
		for (const alias of kunduz.aliases) await expect(facts).toContainText(alias);

		await page.goto('/regions/afghanistan/');
		const within = content().terms.regions.filter((r) => r.parent === 'afghanistan');
		await expect(page.locator('main dl')).toContainText('Places within');
		for (const child of within) {
			await expect(
				page.locator('main dl').getByRole('link', { name: child.name, exact: true }),
			).toHaveAttribute('href', child.url);
		}
	});
});

test.describe('index pages count the reports', () => {
	test('the index pages show every term and every type with its report count', async ({ page }) => {
		for (const kind of TERM_KINDS) {
			await page.goto(`/${kind}/`);
			const items = await listItemTexts(page, 'main');
			const expected = Object.fromEntries(
				content().terms[kind].map((t) => [
					t.url,
					countLabel(expectedReportUrls(kind, t.slug).length),
				]),
			);
			const shown = Object.fromEntries(
				Object.entries(items).map(([url, text]) => [url, /\d+ reports?/.exec(text)?.[0]]),
			);
			expect(shown, `terms and counts on /${kind}/`).toEqual(expected);
		}

		await page.goto('/types/');
		const items = await listItemTexts(page, 'main');
		const shown = Object.fromEntries(
			Object.entries(items).map(([url, text]) => [url, /\d+ reports?/.exec(text)?.[0]]),
		);
		expect(shown, 'types and counts on /types/').toEqual(
			Object.fromEntries(
				REPORT_TYPES.map((t) => [
					`/types/${t}/`,
					countLabel(expectedReportUrls('types', t).length),
				]),
			),
		);
	});

	test('the home page browse lists count the reports of each group, country, topic and type', async ({
		page,
	}) => {
		await page.goto('/');
		const { terms } = content();
		const count = (kind: TermKind | 'types', slug: string) => expectedReportUrls(kind, slug).length;
		const sections: [string, [string, number][]][] = [
			['By-group', terms.groups.map((g) => [g.url, count('groups', g.slug)])],
			[
				'By-region',
				terms.regions.filter((r) => !r.parent).map((r) => [r.url, count('regions', r.slug)]),
			],
			['By-topic', terms.topics.map((t) => [t.url, count('topics', t.slug)])],
			['By-type', REPORT_TYPES.map((t) => [`/types/${t}/`, count('types', t)])],
		];
		for (const [id, entries] of sections) {
			const items = await listItemTexts(page, `section[aria-labelledby="${id}"]`);
			const shown = Object.fromEntries(
				Object.entries(items).map(([url, text]) => [url, / (\d+)$/.exec(text)?.[1]]),
			);
			// Terms with no reports yet are left out of the home page.
			const expected = Object.fromEntries(
				entries.filter(([, n]) => n > 0).map(([url, n]) => [url, String(n)]),
			);
			expect(shown, `links and counts under #${id}`).toEqual(expected);
		}
	});

	test('an index lists every spelling of a term, as plain text, as the term’s own page does', async ({
		page,
	}) => {
		await page.goto('/groups/');
		const items = await listItemTexts(page, 'main');
		for (const group of content().terms.groups) {
			for (const alias of group.aliases) expect(items[group.url], group.slug).toContain(alias);
		}
		const isk = content().terms.groups.find((g) => g.aliases.length > 4)!;
		await page.goto(isk.url);
		const spellings = page.locator('main dl .alias-text');
		await expect(spellings).toHaveText(isk.aliases.join(', '));
		// Plain text: nothing in it looks like, or is, a link or a button.
		expect(await spellings.locator('a, button, li').count()).toBe(0);
	});

	test('the home page lists the latest reports, newest first', async ({ page }) => {
		await page.goto('/');
		const latest = [...content().reports].sort(compareNewestFirst).slice(0, 6);
		expect(await listedReportUrls(page)).toEqual(latest.map((r) => r.url));
	});
});
