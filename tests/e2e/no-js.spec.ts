/**
 * Without JavaScript, a report is fully readable: its title, body, contents, byline and terms are
 * all in the HTML.
 */
import { expect, test } from '@playwright/test';
import { headingsOf, normalise, plainParagraphs, report, SEED_SLUGS, term } from './support.ts';

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

		// The byline: the authors, linked, or "Unsigned".
		const byline = page.locator('main header .byline');
		if (seed.authors.length === 0) await expect(byline).toContainText('Unsigned');
		for (const s of seed.authors) {
			const author = term('authors', s);
			await expect(byline.getByRole('link', { name: author.name, exact: true })).toHaveAttribute(
				'href',
				author.url,
			);
		}
	});
}
