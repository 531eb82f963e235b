/**
 * Getting around: from the home page to every seed report through its armed group, the skip link,
 * and the 404 page. (That no page loads anything from another origin is checked with
 * accessibility, on the same pages.)
 */
import { expect, test } from '@playwright/test';
import { report, SEED_SLUGS, term } from './support.ts';

test.describe('from the home page to a report', () => {
	for (const slug of SEED_SLUGS) {
		test(`home → armed group → report reaches "${slug}"`, async ({ page }) => {
			const seed = report(slug);
			const groupSlug = seed.groups[0];
			expect(groupSlug, `${slug} names no armed group`).toBeDefined();
			const group = term('groups', groupSlug!);

			await page.goto('/');
			await page
				.getByRole('region', { name: 'By armed group' })
				.getByRole('link', { name: group.name, exact: true })
				.click();
			await expect(page).toHaveURL(group.url);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(group.name);

			const link = page
				.getByRole('region', { name: /^Reports/ })
				.getByRole('link', { name: seed.title, exact: true });
			await expect(link).toHaveAttribute('href', seed.url);
			await link.click();

			await expect(page).toHaveURL(seed.url);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
		});
	}
});

test('pressing Tab first focuses "Skip to content", and activating it moves focus to main', async ({
	page,
}) => {
	for (const path of ['/', `/reports/${SEED_SLUGS[0]}/`, '/groups/']) {
		await page.goto(path);
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip, `first Tab on ${path}`).toBeFocused();
		await expect(skip, `skip link visible when focused on ${path}`).toBeInViewport();

		await page.keyboard.press('Enter');
		await expect(page.getByRole('main'), `main focused on ${path}`).toBeFocused();
	}
});

test('an unknown path answers 404 and offers links to the reports and the browse pages', async ({
	page,
}) => {
	for (const path of ['/no-such-page/', '/reports/no-such-report/', '/groups/no-such-group/']) {
		const response = await page.goto(path);
		expect(response?.status(), `status of ${path}`).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'This page is not in the archive',
		);
		const main = page.getByRole('main');
		for (const href of ['/', '/reports/', '/groups/', '/regions/', '/topics/', '/types/']) {
			await expect(main.locator(`a[href="${href}"]`), `${href} on ${path}`).toHaveCount(1);
		}
	}
});
