/**
 * The search page as the browser tests and the benchmark read it: through the parts its markup
 * and script share (src/lib/search/dom.ts), so a renamed part breaks here too.
 */
import type { Locator, Page } from '@playwright/test';
import {
	answerFieldSelector,
	partSelector,
	SEARCH_ELEMENT,
	STATE_ATTR,
} from '../../src/lib/search/dom.ts';

export const SEARCH = {
	element: SEARCH_ELEMENT,
	/** The element once the results of the latest search are on screen. */
	done: `${SEARCH_ELEMENT}[${STATE_ATTR}="done"]`,
	status: partSelector('status'),
	spellings: partSelector('spellings'),
	chips: `${partSelector('chips')} button`,
	answer: `${partSelector('answer')} .answer`,
	answerName: `${partSelector('answer')} ${answerFieldSelector('link')}`,
	answerApply: `${partSelector('answer')} ${answerFieldSelector('apply')}`,
	empty: partSelector('empty'),
	emptyNames: `${partSelector('empty-names')} a`,
	emptyFilters: `${partSelector('empty-filters')} a`,
	filters: partSelector('filters'),
	sort: partSelector('sort'),
	query: partSelector('query'),
	card: `${partSelector('results')} .card`,
	title: `${partSelector('results')} .card__title a`,
	sections: `${partSelector('results')} .card__sections a`,
} as const;

/** Waits until the latest search's results (or its "nothing found") are on screen. */
export async function searchSettled(page: Page): Promise<void> {
	await page.locator(SEARCH.done).waitFor();
}

/** A facet's checkbox. */
export function facetBox(page: Page, facet: string, value: string): Locator {
	return page.locator(`fieldset[data-facet="${facet}"] input[value="${value}"]`);
}

/** The count shown beside a facet option. */
export function facetCount(page: Page, facet: string, value: string): Locator {
	return page.locator(
		`fieldset[data-facet="${facet}"] label:has(input[value="${value}"]) [data-count]`,
	);
}

/** One result as a reader sees it. */
export interface SeenResult {
	slug: string;
	href: string;
	title: string;
	/** The excerpt (or summary) as text. */
	text: string;
	/** The marked words of the excerpt. */
	marks: string[];
	sections: { href: string; title: string; text: string; marks: string[] }[];
}

/** Every result on screen, as text, marks and link targets. */
export async function seenResults(page: Page): Promise<SeenResult[]> {
	await searchSettled(page);
	return page.locator(SEARCH.card).evaluateAll((cards) =>
		cards.map((card) => {
			const title = card.querySelector<HTMLAnchorElement>('.card__title a')!;
			const href = title.getAttribute('href') ?? '';
			const text = card.querySelector('.card__summary');
			return {
				slug: /\/reports\/([^/]+)\//.exec(href)?.[1] ?? href,
				href,
				title: title.textContent ?? '',
				text: text?.textContent ?? '',
				marks: [...(text?.querySelectorAll('mark') ?? [])].map((m) => m.textContent ?? ''),
				sections: [...card.querySelectorAll('.card__sections li')].map((li) => {
					const a = li.querySelector('a')!;
					const excerpt = li.querySelector('.card__section-excerpt');
					return {
						href: a.getAttribute('href') ?? '',
						title: a.textContent ?? '',
						text: excerpt?.textContent ?? '',
						marks: [...(excerpt?.querySelectorAll('mark') ?? [])].map((m) => m.textContent ?? ''),
					};
				}),
			};
		}),
	);
}
