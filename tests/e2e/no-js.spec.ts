/**
 * Without JavaScript, a report is fully readable: its title, body, contents, byline and terms are
 * all in the HTML; and every browse page in the sitemap shows all it lists.
 */
import { expect, test } from '@playwright/test';
import { isReportPage, sitemapPaths } from '../built/dist.ts';
import { OFFLINE_PATH } from '../../src/lib/routes.ts';
import {
	compareNewestFirst,
	content,
	expectedLatestYears,
	expectedReportUrls,
	expectedYears,
	headingsOf,
	listedReportUrls,
	normalise,
	pageOf,
	plainParagraphs,
	report,
	REPORT_TYPES,
	SEED_SLUGS,
	term,
	type TermKind,
} from './support.ts';

test.use({ javaScriptEnabled: false });

test('JavaScript really is off in these tests', async ({ page }) => {
	// A script in the page would change the title; with scripts off it cannot.
	await page.setContent('<title>before</title><script>document.title = "after"</script>');
	await expect(page).toHaveTitle('before');
});

for (const slug of SEED_SLUGS) {
	test(`without JavaScript, ${slug} shows its title, full body, contents and terms`, async ({
		page,
	}) => {
		const seed = report(slug);
		const response = await page.goto(seed.url);
		expect(response?.status()).toBe(200);

		await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
		// (The search index keeps a hidden copy of the summary, so look among what is shown.)
		await expect(
			page.getByText(seed.summary, { exact: true }).filter({ visible: true }),
		).toHaveCount(1);

		// The body as the author wrote it: every plain paragraph, and the last one visible.
		const paragraphs = plainParagraphs(seed.body);
		expect(paragraphs.length).toBeGreaterThan(0);
		const prose = page.locator('.prose');
		const shown = normalise(await prose.innerText());
		for (const p of paragraphs) expect(shown).toContain(normalise(p));
		const last = paragraphs.at(-1)!;
		await expect(prose.getByText(last, { exact: true })).toBeVisible();

		// Contents, when the body has headings.
		const headings = headingsOf(seed.body).filter((h) => h.depth === 2 || h.depth === 3);
		const toc = page.getByRole('navigation', { name: 'Contents' });
		if (headings.length > 0) {
			await expect(toc).toBeVisible();
			await expect(toc.getByRole('link')).toHaveText(headings.map((h) => h.text));
			for (const h of headings) {
				await expect(prose.getByRole('heading', { name: h.text, exact: true })).toBeVisible();
			}
		} else {
			await expect(toc).toHaveCount(0);
		}

		// Groups, places and topics, each a link to its page, in the order the author gave.
		const terms = page.locator('main header dl');
		await expect(terms).toBeVisible();
		const links = await terms
			.getByRole('link')
			.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent.trim()]));
		const expected = [
			...seed.groups.map((s) => term('groups', s)),
			...seed.regions.map((s) => term('regions', s)),
			...seed.topics.map((s) => term('topics', s)),
		].map((t) => [t.url, t.name]);
		expect(links, `term links of ${slug}`).toEqual(expected);

		// The byline: the authors, linked, or the publisher credited for an unsigned report.
		const byline = page.locator('main header .byline');
		if (seed.authors.length === 0)
			await expect(byline).toContainText('By Rise to Peace (unsigned)');
		for (const s of seed.authors) {
			const author = term('authors', s);
			await expect(byline.getByRole('link', { name: author.name, exact: true })).toHaveAttribute(
				'href',
				author.url,
			);
		}
	});
}

/**
 * Every browse page in the sitemap: the home page, /reports/, the year pages, the indexes, terms
 * and types, and the later pages of any listing.
 */
const browsePages = sitemapPaths().filter((p) => !isReportPage(p) && p !== '/search/');

test('the browse pages come from the sitemap, all of them', () => {
	expect(browsePages.length).toBeGreaterThan(25);
	console.log(
		`without JavaScript: ${browsePages.length} browse pages, ${SEED_SLUGS.length} reports`,
	);
});

for (const path of browsePages) {
	test(`without JavaScript, ${path} shows its heading and everything it lists`, async ({
		page,
	}) => {
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
		const main = page.getByRole('main');

		// Offline reading needs the script: without it, no control is shown and nothing is stored.
		await expect(
			main.locator('[data-offline-pack], [data-offline-saved], [data-offline-kept]').filter({
				visible: true,
			}),
		).toHaveCount(0);

		const [, kind, slug, pageNumber] = /^\/([a-z]+)\/(?:([^/]+)\/)?(?:(\d+)\/)?$/.exec(path) ?? [];
		const n = Number(pageNumber ?? 1);
		const { reports, terms } = content();
		if (path === OFFLINE_PATH) {
			// What offline reading is, and that without JavaScript nothing is kept.
			await expect(main).toContainText(
				'with JavaScript off, the archive works as a plain website and keeps nothing.',
			);
		} else if (path === '/') {
			// The six newest reports, newest first.
			expect(await listedReportUrls(page)).toEqual(
				[...reports]
					.sort(compareNewestFirst)
					.slice(0, 6)
					.map((r) => r.url),
			);
		} else if (kind === 'reports' && !slug) {
			// The latest whole years that fit on a page.
			expect(await listedReportUrls(page)).toEqual(expectedLatestYears().flatMap((y) => y.urls));
		} else if (kind === 'reports' && slug) {
			// A year's page: that page of the year's reports.
			const year = expectedYears().find((y) => y.year === slug);
			expect(year, `a year with reports at ${path}`).toBeDefined();
			expect(await listedReportUrls(page), `reports listed on ${path}`).toEqual(
				pageOf(year!.urls, n),
			);
		} else if (kind === 'corrections') {
			// The seed reports were never corrected, updated or withdrawn: the page says so
			// (tests/e2e/record.spec.ts reads a /corrections/ that lists some).
			await expect(main).toContainText('No report has been corrected, updated or withdrawn.');
		} else if (kind === 'types' && !slug) {
			for (const type of REPORT_TYPES) {
				await expect(main.locator(`a[href="/types/${type}/"]`)).toBeVisible();
			}
		} else if (kind && !slug) {
			for (const t of terms[kind as TermKind]) {
				await expect(main.locator(`a[href="${t.url}"]`).first()).toBeVisible();
			}
		} else if (kind && slug) {
			const listed = await listedReportUrls(page);
			expect(listed, `reports listed on ${path}`).toEqual(
				pageOf(expectedReportUrls(kind as TermKind | 'types', slug), n),
			);
			for (const url of listed)
				await expect(main.locator(`a[href="${url}"]`).first()).toBeVisible();
		}
	});
}
