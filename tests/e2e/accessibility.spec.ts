/**
 * One page of every kind, in the light and in the dark colour scheme: no axe violations (WCAG 2.0,
 * 2.1 and 2.2, levels A and AA), and not a single request to another origin while it loads and is
 * checked (no fonts, scripts, styles, images or beacons from elsewhere).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Request } from '@playwright/test';
import { pagesOfEveryKind } from './support.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The page's axe violations, one readable string each: rule, impact, help, and every node. */
async function violations(page: Page): Promise<string[]> {
	// The site has no frames (checked below), so axe can run in the page itself (legacy mode):
	// the same rules and results, at a third of the cost of runPartial + finishRun in a new page.
	const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
	return results.violations.map((v) => {
		const nodes = v.nodes.map((n) => {
			const summary = n.failureSummary?.replace(/\n/g, '\n      ') ?? '';
			return `    ${n.target.join(' ')}\n      ${summary}`;
		});
		return `${v.id} (${v.impact ?? 'no impact given'}): ${v.help}\n${nodes.join('\n')}`;
	});
}

for (const { name, path, status } of pagesOfEveryKind()) {
	test(`the ${name} page (${path}) passes axe in light and dark mode and requests only its own origin`, async ({
		page,
		baseURL,
	}) => {
		// The site under test, http://127.0.0.1:4322 (playwright.config.ts).
		const origin = new URL(baseURL ?? 'http://127.0.0.1:4322').origin;
		const requests: string[] = [];
		page.on('request', (request: Request) => requests.push(request.url()));

		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			const response = await page.goto(path);
			expect(response?.status(), `status of ${path}`).toBe(status);
			const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
			expect(dark, 'colour scheme emulated').toBe(colorScheme === 'dark');
			expect(page.frames(), `frames in ${path}`).toHaveLength(1);
			expect
				.soft(await violations(page), `axe violations on ${path} in ${colorScheme} mode`)
				.toEqual([]);
		}

		await page.waitForLoadState('networkidle');
		expect(requests.length, `requests made by ${path}`).toBeGreaterThan(0);
		const foreign = requests.filter((url) => new URL(url).origin !== origin);
		expect(foreign, `requests from ${path} to origins other than ${origin}`).toEqual([]);
	});
}
