/**
 * The search page: reads the state from the URL, searches as the reader types, keeps facet counts
 * live, and writes every change back to the URL so that reload, back/forward and a pasted link
 * restore the same search. Excerpts are rendered as text nodes (see src/lib/search/excerpt.ts).
 */
import { parseExcerpt } from '../lib/search/excerpt.ts';
import { FACETS, type Facet } from '../lib/search/record.ts';
import {
	describeResults,
	emptyState,
	facetsNeedingOwnCounts,
	isBlank,
	pagefindFilters,
	parseSearchParams,
	toSearchParams,
	type SearchState,
	type Vocabulary,
} from '../lib/search/state.ts';
import {
	loadPagefind,
	type Pagefind,
	type PagefindResultData,
	type PagefindSearchResponse,
} from './pagefind-api.ts';
import { indexTag, isOffline, reloadOnNewBuild, warmSearchEngine } from './offline-state.ts';

const DEBOUNCE_MS = 250;
/** Results rendered at once; more load on request. */
const PAGE_SIZE = 20;
const MAX_SECTIONS = 3;

function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className?: string,
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	node.append(...children);
	return node;
}

/** Text with Pagefind's marks: `append` of strings makes text nodes, never markup. */
function excerptNodes(excerpt: string): Node[] {
	return parseExcerpt(excerpt).map((part) =>
		part.marked ? el('mark', undefined, part.text) : document.createTextNode(part.text),
	);
}

function link(href: string, text: string): HTMLAnchorElement {
	const a = el('a', undefined, text);
	a.href = href;
	return a;
}

/**
 * One result. Without search words (filters only) there is nothing to excerpt around, so the
 * report's summary stands in.
 */
function renderResult(data: PagefindResultData, withWords: boolean): HTMLLIElement {
	const { meta } = data;
	const kicker = el('p', 'result__kicker label');
	if (meta.type) kicker.append(el('span', 'result__type', meta.type));
	if (meta.date) {
		if (meta.type) kicker.append(el('span', 'sep'));
		const time = el('time', undefined, meta.date);
		if (meta.date_iso) time.dateTime = meta.date_iso;
		kicker.append(time);
	}
	// A report that no longer stands, or was corrected, says so (src/lib/view/record.ts).
	if (meta.state) kicker.append(el('span', 'state-badge', meta.state));
	const title = meta.title ?? data.url;
	const item = el(
		'li',
		'result',
		kicker,
		el('h2', 'result__title', link(data.url, title)),
		withWords || !meta.summary
			? el('p', 'result__excerpt', ...excerptNodes(data.excerpt))
			: el('p', 'result__excerpt', meta.summary),
	);
	const terms = [meta.groups, meta.regions].filter(Boolean).join(' · ');
	if (terms) item.append(el('p', 'result__terms meta', terms));
	const sections = data.sub_results.filter((s) => s.url.includes('#')).slice(0, MAX_SECTIONS);
	/** A section's excerpt is left out when it only repeats the result's own. */
	const ownExcerpt = (excerpt: string) => (excerpt === data.excerpt ? [] : excerptNodes(excerpt));
	if (sections.length) {
		const list = el('ul', 'result__sections');
		list.setAttribute('aria-label', `Matching sections of ${title}`);
		for (const s of sections) {
			list.append(
				el(
					'li',
					undefined,
					link(s.url, s.title),
					el('span', 'result__section-excerpt', ...ownExcerpt(s.excerpt)),
				),
			);
		}
		item.append(list);
	}
	return item;
}

interface Elements {
	form: HTMLFormElement;
	input: HTMLInputElement;
	sort: HTMLSelectElement;
	status: HTMLElement;
	results: HTMLOListElement;
	clear: HTMLButtonElement;
	boxes: HTMLInputElement[];
	note: HTMLElement | null;
}

function findElements(): Elements | undefined {
	const form = document.querySelector<HTMLFormElement>('[data-search]');
	if (!form) return undefined;
	return {
		form,
		input: form.querySelector('input[name="q"]')!,
		sort: form.querySelector('[data-search-sort]')!,
		status: form.querySelector('[data-search-status]')!,
		results: form.querySelector('[data-search-results]')!,
		clear: form.querySelector('[data-search-clear]')!,
		boxes: [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')],
		note: document.querySelector('[data-search-nojs]'),
	};
}

/** The facet vocabulary, read from the checkboxes the build rendered (value = URL, data-name). */
function vocabularyOf(boxes: readonly HTMLInputElement[]): Vocabulary {
	const vocabulary: Record<Facet, Map<string, string>> = {
		group: new Map(),
		region: new Map(),
		topic: new Map(),
		type: new Map(),
		year: new Map(),
	};
	for (const box of boxes)
		vocabulary[box.name as Facet].set(box.value, box.dataset.name ?? box.value);
	return vocabulary;
}

function readForm(els: Elements): SearchState {
	const state = emptyState();
	state.q = els.input.value;
	state.sort = els.sort.value === 'newest' ? 'newest' : 'relevance';
	for (const box of els.boxes) if (box.checked) state.facets[box.name as Facet].push(box.value);
	return state;
}

function writeForm(els: Elements, state: SearchState): void {
	els.input.value = state.q;
	els.sort.value = state.sort;
	for (const box of els.boxes) box.checked = state.facets[box.name as Facet].includes(box.value);
}

/** Shows the count each option of a facet would have, dimming those that would find nothing. */
function showCounts(els: Elements, facet: Facet, counts: Record<string, number> | undefined): void {
	for (const box of els.boxes) {
		if (box.name !== facet) continue;
		const n = counts?.[box.dataset.name ?? ''] ?? 0;
		const label = box.closest('label');
		const count = label?.querySelector('.facet__count');
		if (count) count.textContent = String(n);
		label?.classList.toggle('facet__option--empty', n === 0 && !box.checked);
	}
}

class SearchPage {
	private generation = 0;
	private typing = false;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private readonly vocabulary: Vocabulary;
	private totals: Record<string, Record<string, number>> = {};

	constructor(
		private readonly els: Elements,
		private readonly pagefind: Pagefind,
	) {
		this.vocabulary = vocabularyOf(els.boxes);
	}

	async start(): Promise<void> {
		// The counts of every filter are fetched alongside the first search, not before it: on a
		// slow link each of Pagefind's fetches is a round trip, and the reader waits for results.
		const totals = this.pagefind.filters().then((t) => (this.totals = t));
		this.els.note?.setAttribute('hidden', '');
		this.els.form.hidden = false;
		// On a narrow screen the filters start folded, so the results come first into view.
		const filters = this.els.form.querySelector('details[data-search-filters]');
		if (filters && matchMedia('(max-width: 59.99rem)').matches) filters.removeAttribute('open');
		this.listen();
		const initial = parseSearchParams(new URLSearchParams(location.search), this.vocabulary);
		writeForm(this.els, initial);
		this.commit(initial, false);
		// A blank search shows the totals, so it waits for them.
		if (isBlank(initial)) await totals;
		await Promise.all([this.run(initial), totals]);
	}

	/** Runs a search for a state and renders it, unless a newer search has started meanwhile. */
	private async run(state: SearchState): Promise<void> {
		const mine = ++this.generation;
		const { els, pagefind, vocabulary } = this;
		if (isBlank(state)) {
			els.results.replaceChildren();
			els.status.textContent = 'Type a word or choose a filter to see reports.';
			for (const facet of FACETS) showCounts(els, facet, this.totals[facet]);
			return;
		}
		const term = state.q.trim() || null;
		const sort = state.sort === 'newest' ? { sort: { date: 'desc' as const } } : {};
		const filters = pagefindFilters(state, vocabulary);
		const own = facetsNeedingOwnCounts(state);
		const [main, ...ownCounts] = await Promise.all([
			pagefind.search(term, { filters, ...sort }),
			...own.map((f) => pagefind.search(term, { filters: pagefindFilters(state, vocabulary, f) })),
		]);
		if (!main || mine !== this.generation) return;
		const first = await Promise.all(main.results.slice(0, PAGE_SIZE).map((r) => r.data()));
		if (mine !== this.generation) return;
		for (const facet of FACETS) {
			const i = own.indexOf(facet);
			showCounts(els, facet, (i >= 0 ? ownCounts[i] : main)?.filters[facet]);
		}
		const withWords = term !== null;
		els.results.replaceChildren(...first.map((d) => renderResult(d, withWords)));
		this.offerMore(main, first.length, withWords);
		els.status.textContent = describeResults(main.results.length, state);
	}

	/** A button at the end of the list that renders the next page of results. */
	private offerMore(response: PagefindSearchResponse, shown: number, withWords: boolean): void {
		const rest = response.results.length - shown;
		if (rest <= 0) return;
		const button = el('button', 'button button--quiet', `Show ${Math.min(rest, PAGE_SIZE)} more`);
		button.type = 'button';
		const item = el('li', 'results__more', button);
		const generation = this.generation;
		button.addEventListener('click', () => {
			void (async () => {
				const next = response.results.slice(shown, shown + PAGE_SIZE);
				const data = await Promise.all(next.map((r) => r.data()));
				if (generation !== this.generation) return;
				item.replaceWith(...data.map((d) => renderResult(d, withWords)));
				this.offerMore(response, shown + data.length, withWords);
			})();
		});
		this.els.results.append(item);
	}

	/** Writes the state to the URL: a new history entry for a deliberate change, else in place. */
	private commit(state: SearchState, push: boolean): void {
		const query = toSearchParams(state).toString();
		const url = `${location.pathname}${query ? `?${query}` : ''}`;
		if (url === `${location.pathname}${location.search}`) return;
		if (push) history.pushState(null, '', url);
		else history.replaceState(null, '', url);
	}

	private change(push: boolean): void {
		const state = readForm(this.els);
		this.commit(state, push);
		void this.run(state);
	}

	private listen(): void {
		const { els } = this;
		els.input.addEventListener('input', () => {
			clearTimeout(this.timer);
			this.timer = setTimeout(() => {
				// The first pause in a new query makes a history entry; later ones refine it in place.
				this.change(!this.typing);
				this.typing = true;
			}, DEBOUNCE_MS);
		});
		els.form.addEventListener('change', (event) => {
			if (event.target === els.input) return;
			this.typing = false;
			this.change(true);
		});
		els.form.addEventListener('submit', (event) => {
			event.preventDefault();
			clearTimeout(this.timer);
			this.typing = false;
			this.change(true);
		});
		els.clear.addEventListener('click', () => {
			this.typing = false;
			writeForm(els, emptyState());
			this.change(true);
			els.input.focus();
		});
		window.addEventListener('popstate', () => {
			this.typing = false;
			const state = parseSearchParams(new URLSearchParams(location.search), this.vocabulary);
			writeForm(els, state);
			void this.run(state);
		});
	}
}

/** Starts the search page, or explains why search is not available here. */
export async function startSearch(): Promise<void> {
	const els = findElements();
	if (!els) return;
	let pagefind: Pagefind;
	try {
		warmSearchEngine();
		pagefind = await loadPagefind();
		await pagefind.options({ excerptLength: 28, highlightParam: 'highlight', ...indexTag() });
		if (isOffline()) pagefind = await (await import('./offline-search.ts')).offlineScope(pagefind);
		reloadOnNewBuild();
	} catch {
		const message = els.note?.querySelector('strong');
		if (message) {
			message.textContent = import.meta.env.DEV
				? 'The search index exists only in a built site: run npm start (build, then serve) to search.'
				: 'The search index could not be loaded. Reload the page to try again, or browse:';
		}
		return;
	}
	await new SearchPage(els, pagefind).start();
}
