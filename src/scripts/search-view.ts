/**
 * What the search page draws, from its templates and the parts of src/lib/search/dom.ts: a result
 * (the report card of ReportCard.astro's template, with its excerpt, marks and section links), the
 * answer card, the chips of the active filters, what a search that finds nothing offers, and the
 * line naming the other spellings searched. Everything a report or a term says is put in as text
 * nodes; the only elements made around its words are our own `<mark>` and `nowrap` spans.
 *
 * The decisions are made in src/lib/search/ (excerpt.ts, expand.ts, state.ts); this module only
 * turns them into nodes. src/scripts/search.ts calls it.
 */
import { formatPartialDate, parsePartialDate } from '../lib/model/dates.ts';
import { REPORT_TYPE_INFO, type ReportType } from '../lib/model/report-types.ts';
import { termPath, typePath } from '../lib/routes.ts';
import {
	answerFieldSelector,
	cardFieldSelector,
	type AnswerField,
	type CardField,
} from '../lib/search/dom.ts';
import {
	excerpt,
	excerptWindow,
	markWords,
	matchedWords,
	pageWords,
	sectionExcerpts,
	titleLength,
	type ExcerptPart,
} from '../lib/search/excerpt.ts';
import { answerAction } from '../lib/search/answer.ts';
import type { Expansion } from '../lib/search/expand.ts';
import type { Hit } from '../lib/search/merge.ts';
import { FACET_LABELS, type Facet } from '../lib/search/record.ts';
import {
	activeFilters,
	quoted,
	searchHref,
	withFilter,
	type SearchState,
	type Vocabulary,
} from '../lib/search/state.ts';
import type { TermIndex } from '../lib/search/term-index.ts';
import type { TermEntry } from '../lib/search/term-table.ts';
import { noBreakRuns } from '../lib/view/no-break.ts';
import type { PagefindResultData } from './pagefind-api.ts';
import { sitePath } from './site-base.ts';

/** Words in a result's excerpt, and in a section's. */
const EXCERPT_WORDS = 30;
const SECTION_WORDS = 18;
const MAX_SECTIONS = 3;

export function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className?: string,
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	node.append(...children);
	return node;
}

/** Text whose hyphenated names stay on one line (src/lib/view/no-break.ts). */
export function textNodes(text: string): Node[] {
	return noBreakRuns(text).map((run) =>
		run.keep ? el('span', 'nowrap', run.text) : document.createTextNode(run.text),
	);
}

/** Excerpt runs as nodes: `append` of strings makes text nodes, never markup. */
function excerptNodes(parts: readonly ExcerptPart[]): Node[] {
	return parts.flatMap((part) => {
		if (!part.marked) return textNodes(part.text);
		const mark = el('mark', undefined, part.text);
		if (/[-‐]/.test(part.text)) mark.className = 'nowrap';
		return [mark];
	});
}

function link(href: string, ...children: (Node | string)[]): HTMLAnchorElement {
	const a = el('a', undefined, ...children);
	a.href = href;
	return a;
}

/** A result's address with the words to highlight on the report page and, maybe, a section. */
function resultHref(url: string, words: readonly string[], id?: string): string {
	const target = new URL(url, location.origin);
	for (const word of words) target.searchParams.append('highlight', word);
	if (id) target.hash = id;
	return `${target.pathname}${target.search}${target.hash}`;
}

const facetLabel = (facet: Facet) => FACET_LABELS[facet];

/** A copy of a template's first element, and a finder of its marked fields. */
function fromTemplate<F extends string>(
	template: HTMLTemplateElement,
	selector: (name: F) => string,
): [HTMLElement, <T extends HTMLElement = HTMLElement>(name: F) => T] {
	const root = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
	return [root, <T extends HTMLElement>(name: F) => root.querySelector<T>(selector(name))!];
}

/**
 * One result: the report card, with the report's own words around the matches, the title's
 * matches marked, the groups and places linked as in listings, and up to three matching
 * sections. Without search words (filters alone) the summary stands in for the excerpt.
 */
export function renderCard(
	template: HTMLTemplateElement,
	data: PagefindResultData,
	hit: Hit,
	withWords: boolean,
	index: TermIndex,
	/** Where a name of several words stands together: first position and length. */
	runs: ReadonlyMap<number, number> = new Map(),
): HTMLLIElement {
	const [card, field] = fromTemplate<CardField>(template, cardFieldSelector);
	const words = pageWords(data.content);
	const title = data.meta['title'] ?? data.url;
	const inTitle = titleLength(words, title);
	const highlight = withWords ? matchedWords(words, hit.words, 8, runs) : [];

	const typeSlug = data.filters['type']?.[0] as ReportType | undefined;
	const type = typeSlug ? REPORT_TYPE_INFO[typeSlug] : undefined;
	const typeLink = field<HTMLAnchorElement>('type');
	if (type) {
		typeLink.href = sitePath(typePath(type.slug));
		typeLink.textContent = type.name;
	} else typeLink.remove();
	const date = parsePartialDate(data.filters['date']?.[0] ?? '');
	const time = field<HTMLTimeElement>('date');
	if ('iso' in date) {
		time.dateTime = date.iso;
		time.textContent = formatPartialDate(date);
	}

	// A report that no longer stands, or was corrected, says so, as in listings
	// (src/lib/view/record.ts names the state; the index carries it as metadata).
	const state = field('state');
	const stateName = data.meta['state'];
	if (stateName) {
		state.textContent = stateName;
		state.classList.add(`state-badge--${stateName.toLowerCase()}`);
	} else state.remove();

	const titleLink = field<HTMLAnchorElement>('title');
	titleLink.href = resultHref(data.url, highlight);
	titleLink.replaceChildren(
		...(inTitle > 0
			? excerptNodes(markWords(words, new Set(hit.words), 0, inTitle))
			: textNodes(title)),
	);
	// The title's last word carries the period Pagefind put between blocks: not the title's own.
	const last = titleLink.lastChild;
	if (inTitle > 0 && last?.textContent?.endsWith('.') && !title.endsWith('.')) {
		last.textContent = last.textContent.slice(0, -1);
	}

	const options = { from: inTitle, length: EXCERPT_WORDS, anchors: data.anchors };
	field('text').replaceChildren(
		...(withWords
			? excerptNodes(excerpt(words, hit.words, options))
			: textNodes(data.meta['summary'] ?? '')),
	);

	fillTerms(field, data, index);

	const { start, end } = excerptWindow(words, hit.words, options);
	const sections = withWords
		? sectionExcerpts(words, hit.words, data.anchors, {
				length: SECTION_WORDS,
				max: MAX_SECTIONS,
				shown: [start, end],
			})
		: [];
	const list = field('sections');
	if (sections.length) {
		list.setAttribute('aria-label', `Matching sections of ${title}`);
		for (const s of sections) {
			const item = el(
				'li',
				undefined,
				link(resultHref(data.url, highlight, s.id), ...textNodes(s.title)),
			);
			if (s.parts.length)
				item.append(el('span', 'card__section-excerpt', ...excerptNodes(s.parts)));
			list.append(item);
		}
		list.hidden = false;
	} else list.remove();
	return el('li', undefined, card);
}

/** The groups (by short name) and places of a card, as ReportCard.astro's TermLinks writes them. */
function fillTerms(
	field: (name: CardField) => HTMLElement,
	data: PagefindResultData,
	index: TermIndex,
): void {
	const fill = (
		name: CardField,
		kind: TermEntry['kind'],
		slugs: readonly string[],
		short: boolean,
	) => {
		const terms = slugs
			.map((s) => index.bySlug(kind, s))
			.filter((t): t is TermEntry => t !== undefined);
		const holder = field(name);
		const links = holder.querySelector('.term-links');
		if (!terms.length || !links) {
			holder.remove();
			return false;
		}
		links.append(
			...terms.map((t) =>
				el(
					'span',
					undefined,
					link(
						sitePath(termPath(kind, t.slug)),
						...textNodes(short ? (t.short ?? t.name) : t.name),
					),
				),
			),
		);
		return true;
	};
	const groups = fill('groups', 'groups', data.filters['group'] ?? [], true);
	const regions = fill('regions', 'regions', data.filters['place'] ?? [], false);
	if (!(groups && regions)) field('terms-sep').remove();
	if (!groups && !regions) field('terms').remove();
}

/**
 * The answer card: the term a query names (or nearly names, after "The closest name to"), its
 * label, profile and spellings, and one control that makes it a filter (`onFilter` gets the
 * state to search), or, where there is no filter to offer (authors), its count as a link to its page.
 */
export function renderAnswer(
	template: HTMLTemplateElement,
	expansion: Expansion,
	state: SearchState,
	vocabulary: Vocabulary,
	onFilter: (state: SearchState) => void,
	/** Results come only from the reports saved on this device (offline): the archive's count is not theirs. */
	savedOnly = false,
): HTMLElement | undefined {
	const answer = expansion.answer;
	const action = answerAction(expansion, state, vocabulary, savedOnly);
	if (!answer || !action) return undefined;
	const { term, exact } = answer;
	const [card, field] = fromTemplate<AnswerField>(template, answerFieldSelector);
	field('label').textContent = term.label;
	const correction = field('correction');
	if (!exact) {
		correction.hidden = false;
		correction.textContent = `The closest name to ${quoted(state.q)}:`;
	}
	const name = field<HTMLAnchorElement>('link');
	name.href = sitePath(termPath(term.kind, term.slug));
	name.replaceChildren(...textNodes(term.name));
	const short = field('short');
	if (term.short) short.append(' (', ...textNodes(term.short), ')');
	else short.remove();
	const profile = field('profile');
	if (term.profile) profile.textContent = term.profile;
	else profile.remove();
	const spellings = field('spellings');
	if (term.spellings.length)
		spellings.append('Also written ', ...textNodes(term.spellings.join(', ')));
	else spellings.remove();
	const count = field('count');
	const apply = field<HTMLButtonElement>('apply');
	if (action.kind === 'filter') {
		if (action.count) count.textContent = action.count;
		else count.remove();
		apply.textContent = action.label;
		apply.addEventListener('click', () => onFilter(action.next));
	} else {
		apply.remove();
		count.replaceChildren(
			link(
				sitePath(termPath(term.kind, term.slug)),
				action.lead,
				...textNodes(term.short ?? term.name),
			),
		);
	}
	return card;
}

/** Active filters as chips, each a button that removes its filter (`onRemove`). */
export function renderChips(
	list: HTMLElement,
	state: SearchState,
	vocabulary: Vocabulary,
	onRemove: (facet: Facet, value: string) => void,
): void {
	const active = activeFilters(state, vocabulary);
	list.hidden = active.length === 0;
	list.replaceChildren(
		...active.map((f) => {
			const button = el(
				'button',
				'chip',
				el('span', 'chip__facet', `${facetLabel(f.facet)}: `),
				...textNodes(f.name),
				el('span', 'chip__remove', '×'),
			);
			button.type = 'button';
			button.setAttribute('aria-label', `Remove the filter ${facetLabel(f.facet)}: ${f.name}`);
			button.addEventListener('click', () => onRemove(f.facet, f.value));
			return el('li', undefined, button);
		}),
	);
}

/**
 * What a search that finds nothing offers: the names closest to its words (as searches), and the
 * search again without each active filter. (The browse pages are in the markup.)
 */
export function renderEmpty(
	names: HTMLElement,
	filters: HTMLElement,
	state: SearchState,
	index: TermIndex,
	vocabulary: Vocabulary,
): void {
	// A name the query already names is no suggestion: searching it again finds the same.
	const q = state.q.trim();
	const named = q ? index.get(q) : undefined;
	const near = q ? index.suggest(q, 4).filter((t) => t !== named) : [];
	names
		.querySelector('ul')!
		.replaceChildren(
			...near.map((t) =>
				el(
					'li',
					undefined,
					link(searchHref({ ...state, q: t.name }), ...textNodes(t.name)),
					el('span', 'meta', ` ${t.label}`),
				),
			),
		);
	names.hidden = near.length === 0;
	const active = activeFilters(state, vocabulary);
	filters
		.querySelector('ul')!
		.replaceChildren(
			...active.map((f) =>
				el(
					'li',
					undefined,
					link(
						searchHref(withFilter(state, f.facet, f.value, false)),
						`Without ${facetLabel(f.facet).toLowerCase()}: `,
						...textNodes(f.name),
					),
				),
			),
		);
	filters.hidden = active.length === 0;
}

/** "Including other spellings: IS-K, ISIS-K": the spellings put in for names that found reports. */
export function renderSpellings(line: HTMLElement, written: readonly string[]): void {
	line.hidden = written.length === 0;
	line.replaceChildren();
	if (written.length) line.append('Including other spellings: ', ...textNodes(written.join(', ')));
}
