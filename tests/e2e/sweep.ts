/**
 * The checks the browser sweeps share (tests/e2e/accessibility.spec.ts over the site,
 * tests/e2e/pagination.spec.ts over a fixture with paginated listings): axe at WCAG 2.0, 2.1 and
 * 2.2 A and AA, and sideways scrolling at phone, tablet and desktop widths.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const WIDTHS = [320, 768, 1280];

/** The page's axe violations, one readable string each: rule, impact, help, and every node. */
export async function violations(page: Page): Promise<string[]> {
	// The sites have no frames (the sweeps check), so axe can run in the page itself (legacy mode):
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

/** Widths at which the page scrolls sideways, with how far. */
export async function horizontalScroll(page: Page): Promise<string[]> {
	const found: string[] = [];
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 800 });
		const [scrollWidth, clientWidth] = await page.evaluate(() => {
			const root = document.scrollingElement ?? document.documentElement;
			return [root.scrollWidth, root.clientWidth];
		});
		if (scrollWidth > clientWidth) found.push(`${width} px: ${scrollWidth} px of content`);
	}
	await page.setViewportSize({ width: 1280, height: 720 });
	return found;
}
