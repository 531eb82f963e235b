/**
 * The search page's contract with its markup, in one place: the custom element, the parts the
 * script finds in it, the facet and card hooks, and the states it writes. The Astro components
 * write these attributes with the helpers below and `src/scripts/search.ts` finds them with the
 * same helpers, so a renamed part breaks the build's type check, not the page. (The CSS selects by
 * the same attribute names; `src/styles/search.css` lists which.)
 */
import type { Facet } from './record.ts';

/** The search page: a custom element whose script looks only inside it. */
export const SEARCH_ELEMENT = 'search-page';

/** The parts of the page the script fills or listens to. */
export const PARTS = [
	/** The note for readers without JavaScript: browse pages and the index of names. */
	'nojs',
	'form',
	'query',
	'sort',
	'clear',
	/** The `<details>` that folds the filters on a narrow screen. */
	'filters',
	/** The summary that folds them: shown only when the layout folds them (CSS decides). */
	'filters-toggle',
	'status',
	/** A line under the status naming the other spellings searched. */
	'spellings',
	'chips',
	'answer',
	'results',
	/** What a search that finds nothing offers instead. */
	'empty',
	'empty-names',
	'empty-filters',
	/** The `<template>` of a result, made by ReportCard.astro. */
	'card',
	/** The `<template>` of the answer card. */
	'answer-card',
] as const;
export type Part = (typeof PARTS)[number];

const PART_ATTR = 'data-search-part';

/** The attribute that marks a part, to spread into markup: `<p {...part('status')}>`. */
export function part(name: Part): Record<string, string> {
	return { [PART_ATTR]: name };
}

/** The selector of a part. */
export function partSelector(name: Part): string {
	return `[${PART_ATTR}="${name}"]`;
}

/** On a facet's `<fieldset>`: which facet it is. */
export const FACET_ATTR = 'data-facet';
/** On the count beside a facet option; it holds the build's count, shown before any search. */
export const COUNT_ATTR = 'data-count';
/** On a facet option's label when ticking it would find nothing. */
export const EMPTY_OPTION_ATTR = 'data-empty';

export function facetAttrs(facet: Facet): Record<string, string> {
	return { [FACET_ATTR]: facet };
}

/** The fields of a result card in its template (ReportCard.astro with `template`). */
export const CARD_FIELDS = [
	'type',
	'date',
	'state',
	'title',
	'text',
	'terms',
	'groups',
	'terms-sep',
	'regions',
	'sections',
] as const;
export type CardField = (typeof CARD_FIELDS)[number];

const CARD_ATTR = 'data-card';

export function cardField(name: CardField): Record<string, string> {
	return { [CARD_ATTR]: name };
}

export function cardFieldSelector(name: CardField): string {
	return `[${CARD_ATTR}="${name}"]`;
}

/** The fields of the answer card's template. */
export const ANSWER_FIELDS = [
	'label',
	/** "Closest name to “Talibn”": shown when the query was a typo of the name. */
	'correction',
	'name',
	'short',
	'profile',
	'spellings',
	'count',
	'link',
	'apply',
] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

const ANSWER_ATTR = 'data-answer';

export function answerField(name: AnswerField): Record<string, string> {
	return { [ANSWER_ATTR]: name };
}

export function answerFieldSelector(name: AnswerField): string {
	return `[${ANSWER_ATTR}="${name}"]`;
}

/** On the element: the build's tag of the index's entry file (src/lib/search/engine.ts). */
export const INDEX_TAG_ATTR = 'data-index-tag';

/**
 * The element's state, for readers of the page's state from outside (tests, the benchmark):
 * `loading` until the engine is there, `searching` while a search runs, `done` when its results
 * are on screen, `unavailable` when the engine could not load.
 */
export const STATE_ATTR = 'data-state';
export type PageState = 'loading' | 'searching' | 'done' | 'unavailable';
