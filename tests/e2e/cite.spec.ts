/**
 * Citing in the browser, against `astro preview` of the real build: the copy controls work from
 * the keyboard and put the right text on the clipboard, the downloads come with their media types,
 * the panel passes axe in light and dark, and it all reads without JavaScript and on paper.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SLUG = 'is-k-seeks-to-undermine-the-taliban';
const PAGE = `/reports/${SLUG}/`;
/** The site URL the build was made with (src/site.ts), as the citations carry it. */
const SITE = process.env.BRIEF_SITE_URL ?? 'https://archive.example.org';
const PERMALINK = `${SITE}/reports/${SLUG}/`;
const APA = `Rise to Peace Counter-Terrorism Research Fellow. (2022). IS-K seeks to undermine the Taliban. Rise to Peace. Brief Archive. ${PERMALINK}`;

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test.describe('with JavaScript', () => {
	test.beforeEach(async ({ context, page }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(PAGE);
	});

	test('copies a section link from the keyboard, after the heading’s # link', async ({ page }) => {
		const anchor = page.locator('.heading-wrapper:has(#regional-instability) .heading-anchor');
		await anchor.focus();
		await page.keyboard.press('Tab');
		await expect(
			page.getByRole('button', { name: 'Copy link to section “Regional Instability”' }),
		).toBeFocused();
		// Held by its place, not its name: the name reads "Copied …" for two seconds.
		const copyLink = page.locator(
			'.heading-wrapper:has(#regional-instability) button[data-section="link"]',
		);
		await page.keyboard.press('Enter');
		// The button says so for two seconds, then reads "Copy link" again.
		await expect(copyLink).toContainText('Copied');
		await expect(copyLink).toContainText('Copy link', { timeout: 5000 });
		await expect.poll(() => clipboard(page)).toBe(`${PERMALINK}#regional-instability`);
		await expect(page.locator('[data-cite-status]')).toHaveText('Link to the section copied');
	});

	test('copies a section citation from the keyboard', async ({ page }) => {
		await page.getByRole('button', { name: 'Copy link to section “Next Steps”' }).focus();
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: 'Cite section “Next Steps”' })).toBeFocused();
		await page.keyboard.press('Space');
		await expect
			.poll(() => clipboard(page))
			.toBe(`${APA.slice(0, -PERMALINK.length)}“Next Steps” section. ${PERMALINK}#next-steps`);
		await expect(page.locator('[data-cite-status]')).toHaveText('Citation of the section copied');
	});

	test('gives every heading of the body its copy controls', async ({ page }) => {
		const headings = page.locator('.prose .heading-wrapper > h2[id]');
		await expect(headings).toHaveCount(4);
		await expect(page.locator('.section-tools')).toHaveCount(4);
	});

	test('copies the APA reference and, after opening the formats by keyboard, BibTeX', async ({
		page,
		request,
	}) => {
		const copyApa = page.getByRole('button', { name: 'Copy APA citation' });
		await copyApa.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => clipboard(page)).toBe(APA);
		await expect(page.locator('[data-cite-status]')).toHaveText('APA citation copied');

		const summary = page.locator('.cite__summary');
		await summary.focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('.cite__more')).toHaveAttribute('open', '');
		const copyBibtex = page.locator('button[data-copy="Cite-bibtex"]');
		await copyBibtex.focus();
		await page.keyboard.press('Enter');
		const file = await (await request.get(`${PAGE}cite.bib`)).text();
		await expect.poll(() => clipboard(page)).toBe(file.trim());
		await expect(page.locator('[data-cite-status]')).toHaveText('BibTeX copied');
	});

	test('downloads each file under the report’s name', async ({ page }) => {
		await page.locator('.cite__summary').click();
		for (const ext of ['bib', 'ris', 'json']) {
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.locator(`a.cite__download[href$="cite.${ext}"]`).click(),
			]);
			expect(download.suggestedFilename()).toBe(`${SLUG}.${ext}`);
		}
	});

	for (const scheme of ['light', 'dark'] as const) {
		test(`has no axe violations with the cite panel open, ${scheme}`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.locator('.cite__summary').click();
			for (const summary of await page.locator('.cite__source > summary').all()) {
				await summary.click();
			}
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(results.violations).toEqual([]);
		});
	}
});

test('serves the citation files with their media types', async ({ request }) => {
	const types: Record<string, string> = {
		bib: 'application/x-bibtex; charset=utf-8',
		ris: 'application/x-research-info-systems; charset=utf-8',
		json: 'application/vnd.citationstyles.csl+json; charset=utf-8',
	};
	for (const [ext, type] of Object.entries(types)) {
		const response = await request.get(`${PAGE}cite.${ext}`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe(type);
	}
	const csl = (await (await request.get(`${PAGE}cite.json`)).json()) as { URL: string }[];
	expect(csl[0]!.URL).toBe(PERMALINK);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('shows the citation, the formats and the downloads, and no dead buttons', async ({
		page,
	}) => {
		await page.goto(PAGE);
		await expect(page.locator('#Cite-apa')).toHaveText(APA);
		await expect(page.locator('.cite__copy').first()).toBeHidden();
		await expect(page.locator('.section-tools')).toHaveCount(0);
		await expect(page.locator('.heading-anchor').first()).toBeVisible();
		await page.locator('.cite__summary').click();
		await expect(page.locator('#Cite-chicago')).toContainText('Rise to Peace, 2022.');
		await expect(page.locator('a.cite__download')).toHaveCount(3);
	});
});

test('prints the permalink and the APA reference, without controls', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto(PAGE);
	await expect(page.locator('.section-tools').first()).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.permalink')).toHaveText(`Permalink: ${PERMALINK}`);
	await expect(page.locator('#Cite-apa')).toBeVisible();
	for (const hidden of [
		'.section-tools',
		'.cite__copy',
		'.cite__more',
		'.cite-link',
		'.site-nav',
	]) {
		await expect(page.locator(hidden).first(), hidden).toBeHidden();
	}
});
