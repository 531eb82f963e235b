/**
 * A report page: its permanent heading ids and their links, its table of contents, its dates at
 * their own precision, its files and provenance, and the original text as the author wrote it.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	formatPublished,
	headingsOf,
	PDF_ONLY_SLUG,
	report,
	SEED_SLUGS,
	type SeedHeading,
} from './support.ts';

/** The seed reports with body headings, each with its h2–h6 headings and the last of them. */
const withHeadings = SEED_SLUGS.map((slug) => ({
	slug,
	headings: headingsOf(report(slug).body).filter((h) => h.depth >= 2),
}))
	.filter((r) => r.headings.length > 0)
	.map((r) => ({ ...r, last: r.headings.at(-1)! }));

const inToc = (h: SeedHeading) => h.depth === 2 || h.depth === 3;

async function scrollY(page: Page): Promise<number> {
	return page.evaluate(() => window.scrollY);
}

test('at least three seed reports have headings to link to', () => {
	expect(withHeadings.length).toBeGreaterThanOrEqual(3);
});

test.describe('heading links', () => {
	test('a heading anchor URL scrolls to and targets that heading', async ({ page }) => {
		for (const { slug, last } of withHeadings) {
			await page.goto(`/reports/${slug}/#${last.id}`);
			const heading = page.locator(`[id="${last.id}"]`);
			await expect(heading, `#${last.id} on ${slug}`).toHaveText(last.text);
			await expect(heading, `#${last.id} on ${slug}`).toBeInViewport();
			await expect(page.locator(':target'), `:target on ${slug}`).toHaveAttribute('id', last.id);
			expect(await scrollY(page), `scrolled down ${slug}`).toBeGreaterThan(0);
		}
	});

	test('every Contents link goes to a heading id that exists exactly once', async ({ page }) => {
		for (const { slug, headings } of withHeadings) {
			await page.goto(`/reports/${slug}/`);
			const hrefs = await page
				.getByRole('navigation', { name: 'Contents' })
				.getByRole('link')
				.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
			expect(hrefs, `Contents of ${slug}`).toEqual(headings.filter(inToc).map((h) => `#${h.id}`));
			for (const href of hrefs) {
				await expect(page.locator(`[id="${href.slice(1)}"]`), `${href} on ${slug}`).toHaveCount(1);
			}
		}
	});

	test('clicking a Contents link updates the URL hash and scrolls to the heading', async ({
		page,
	}) => {
		const { slug, last } = withHeadings[0]!;
		await page.goto(`/reports/${slug}/`);
		expect(await scrollY(page)).toBe(0);
		await page
			.getByRole('navigation', { name: 'Contents' })
			.getByRole('link', { name: last.text, exact: true })
			.click();
		await expect(page).toHaveURL(`/reports/${slug}/#${last.id}`);
		await expect(page.locator(`[id="${last.id}"]`)).toBeInViewport();
		await expect(page.locator(':target')).toHaveAttribute('id', last.id);
		await expect.poll(() => scrollY(page)).toBeGreaterThan(0);
	});

	test('a report without headings has no Contents', async ({ page }) => {
		const bare = SEED_SLUGS.filter((slug) => headingsOf(report(slug).body).length === 0);
		for (const slug of bare) {
			await page.goto(`/reports/${slug}/`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(report(slug).title);
			await expect(page.getByRole('navigation', { name: 'Contents' })).toHaveCount(0);
		}
	});

	test('every body heading is followed by a "#" link to its own id, named "Link to section: …"', async ({
		page,
	}) => {
		for (const { slug, headings } of withHeadings) {
			await page.goto(`/reports/${slug}/`);
			const anchors = page.locator('.heading-wrapper > a.heading-anchor');
			await expect(anchors, `self-links on ${slug}`).toHaveCount(headings.length);

			// Each link's href is '#' + the id of the heading just before it, and reads "#".
			const pairs = await anchors.evaluateAll((links) =>
				links.map((a) => ({
					heading: a.previousElementSibling?.tagName.toLowerCase(),
					id: a.previousElementSibling?.id,
					href: a.getAttribute('href'),
					visible: a.querySelector('[aria-hidden="true"]')?.textContent,
				})),
			);
			expect(pairs, `self-links on ${slug}`).toEqual(
				headings.map((h) => ({ heading: `h${h.depth}`, id: h.id, href: `#${h.id}`, visible: '#' })),
			);

			// Its accessible name says which section it links to.
			for (const [i, h] of headings.entries()) {
				await expect(anchors.nth(i)).toHaveAccessibleName(`Link to section: ${h.text}`);
			}
		}
	});

	test('following a heading self-link makes that heading the target', async ({ page }) => {
		const { slug, last } = withHeadings[0]!;
		await page.goto(`/reports/${slug}/`);
		await page.getByRole('link', { name: `Link to section: ${last.text}`, exact: true }).click();
		await expect(page).toHaveURL(`/reports/${slug}/#${last.id}`);
		await expect(page.locator(':target')).toHaveAttribute('id', last.id);
		await expect(page.locator(`[id="${last.id}"]`)).toBeInViewport();
	});
});

test('every report shows its dates at their own precision, never with an invented day', async ({
	page,
}) => {
	for (const slug of SEED_SLUGS) {
		const seed = report(slug);
		const date = formatPublished(seed.published);
		await page.goto(seed.url);
		const published = page.locator('.byline time');
		await expect(published, `byline date of ${slug}`).toHaveText(date);
		await expect(published).toHaveAttribute('datetime', seed.published);
		const provenance = page.getByRole('region', { name: 'Provenance' });
		await expect(provenance.locator('time'), `provenance date of ${slug}`).toHaveText(date);

		// Every date on the page, related reports' too, reads at the precision of its datetime.
		const times = await page.locator('time').evaluateAll((els) =>
			els.map((t) => ({
				datetime: t.getAttribute('datetime') ?? '',
				text: (t.textContent ?? '').trim(),
			})),
		);
		for (const { datetime, text } of times) {
			expect(text, `<time datetime="${datetime}"> on ${slug}`).toBe(formatPublished(datetime));
		}
	}
});

test.describe('files and provenance', () => {
	const seed = report(PDF_ONLY_SLUG);
	const pdf = seed.attachments.find((a) => a.fullText);

	test('the PDF-only report says plainly its full text is a document and links to the PDF', async ({
		page,
	}) => {
		expect(pdf, `${PDF_ONLY_SLUG} has a full-text attachment`).toBeDefined();
		expect(pdf!.url).toMatch(/\.pdf$/);

		await page.goto(seed.url);
		const notice = page.getByRole('complementary', { name: 'Full text' });
		await expect(notice).toBeVisible();
		await expect(notice).toContainText('Its full text is a document');
		await expect(notice).toContainText('PDF');
		await expect(notice.getByRole('link', { name: pdf!.title, exact: true })).toHaveAttribute(
			'href',
			pdf!.url,
		);
		await expect(
			page.getByRole('region', { name: 'Files' }).locator(`a[href="${pdf!.url}"]`),
		).toContainText(pdf!.title);
	});

	test('a file link is named by its title alone, without the decorative arrow', async ({
		page,
	}) => {
		await page.goto(seed.url);
		await expect(
			page.getByRole('region', { name: 'Files' }).locator(`a[href="${pdf!.url}"]`),
		).toHaveAccessibleName(pdf!.title);
	});

	test('reports whose full text is on the page carry no full-text notice', async ({ page }) => {
		for (const slug of SEED_SLUGS.filter((s) => !report(s).attachments.some((a) => a.fullText))) {
			await page.goto(report(slug).url);
			await expect(page.getByRole('complementary', { name: 'Full text' }), slug).toHaveCount(0);
		}
	});

	test('the provenance box of every seed report names Rise to Peace', async ({ page }) => {
		for (const slug of SEED_SLUGS) {
			const source = report(slug).source;
			expect(source?.publisher, `source.publisher of ${slug}`).toBe('Rise to Peace');
			await page.goto(report(slug).url);
			const provenance = page.getByRole('region', { name: 'Provenance' });
			await expect(provenance, slug).toContainText('First published by');
			await expect(
				provenance.getByRole('link', { name: 'Rise to Peace', exact: true }),
				slug,
			).toHaveAttribute('href', source!.url!);
		}
	});
});

test('original spellings survive: the emergence report keeps "Kundoz" and "Kandhar"', async ({
	page,
}) => {
	const seed = report('emergence-and-expansion-of-isis-k-and-the-taliban');
	expect(seed.body).toContain('in Kundoz and Kandhar');
	await page.goto(seed.url);
	const body = page.locator('.prose');
	await expect(body).toContainText('Kundoz');
	await expect(body).toContainText('Kandhar');
	await expect(body).toContainText('in Kundoz and Kandhar at two Shia mosque gatherings');
});
