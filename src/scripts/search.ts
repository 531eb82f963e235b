/**
 * The search page, `<search-page>`: a custom element whose script looks only inside itself,
 * through the parts src/lib/search/dom.ts names. It reads the state from the URL, loads the engine
 * and the term table at once, searches as the reader types (the newest query wins; nothing waits
 * for a pause), shows the first results before it counts the facets, and writes every change back
 * to the URL so that reload, back/forward and a pasted link restore the same search.
 *
 * A query's names are searched in every spelling and the results merged (src/lib/search/
 * expand.ts, merge.ts); excerpts and section links are made from the report's own text
 * (excerpt.ts) and rendered as text nodes, so only our own `<mark>` is ever markup.
 *
 * Offline (a page served from a saved collection, or no connection), Pagefind is wrapped so that
 * results and counts come only from the reports saved on this device, and the page says so
 * (src/scripts/offline-search.ts, loaded only then). Every path it fetches or links to gets the
 * site's base (src/scripts/site-base.ts).
 */
import { SEARCH_PATH, SEARCH_TERMS_PATH } from '../lib/routes.ts';
import { combinations, countedQueries, unionCounts } from '../lib/search/counts.ts';
import {
	COUNT_ATTR,
	EMPTY_OPTION_ATTR,
	INDEX_TAG_ATTR,
	PARTS,
	partSelector,
	SEARCH_ELEMENT,
	STATE_ATTR,
	type PageState,
	type Part,
} from '../lib/search/dom.ts';
import { pageWords } from '../lib/search/excerpt.ts';
import {
	expandQuery,
	nameRunStarts,
	nameRuns,
	type Expansion,
	type PlannedQuery,
} from '../lib/search/expand.ts';
import { mergeByDate, mergeHits, type Hit } from '../lib/search/merge.ts';
import { FACETS, type Facet } from '../lib/search/record.ts';
import {
	describeResults,
	emptyState,
	facetsNeedingOwnCounts,
	isBlank,
	isFiltered,
	pagefindFilters,
	parseSearchParams,
	toSearchParams,
	vocabularyOf,
	withFilter,
	type PagefindFilters,
	type SearchState,
	type Vocabulary,
} from '../lib/search/state.ts';
import { createTermIndex, type TermIndex } from '../lib/search/term-index.ts';
import type { TermTableFile } from '../lib/search/term-table.ts';
import {
	loadPagefind,
	type Pagefind,
	type PagefindResult,
	type PagefindResultData,
	type PagefindSearchResponse,
} from './pagefind-api.ts';
import {
	el,
	renderAnswer,
	renderCard,
	renderChips,
	renderEmpty,
	renderSpellings,
} from './search-view.ts';
import { isOffline, reloadOnNewBuild } from './offline-state.ts';
import { sitePath } from './site-base.ts';

/** Results rendered at once; more on request. */
const PAGE_SIZE = 10;
/** After this pause in typing, the query becomes a history entry of its own. */
const HISTORY_PAUSE_MS = 600;
/** A query this short is not searched yet: one letter matches the beginning of too many words. */
const MIN_QUERY_LENGTH = 2;
/** Counts as the page writes them ("1,234"); one formatter, as making one is slow. */
const NUMBER = new Intl.NumberFormat('en-GB');
/** A filter value no report has (slugs are lower-case words and hyphens). */
const NO_VALUE = ' ';

// ---------------------------------------------------------------------------------------------
// The element.

/** A query of a search that found something, with what it found. */
interface Searched {
	query: PlannedQuery;
	response: PagefindSearchResponse;
}

/** A report a search found: its result (for its data) and the queries that found it. */
interface Found {
	result: PagefindResult;
	queries: PlannedQuery[];
}

type Parts = { [P in Part]: HTMLElement };

function findParts(root: HTMLElement): Parts | undefined {
	const parts = {} as Parts;
	for (const name of PARTS) {
		const found = root.querySelector<HTMLElement>(partSelector(name));
		if (!found) return undefined;
		parts[name] = found;
	}
	return parts;
}

class SearchPageElement extends HTMLElement {
	private parts!: Parts;
	private boxes: HTMLInputElement[] = [];
	private vocabulary!: Vocabulary;
	private pagefind!: Pagefind;
	private index!: TermIndex;
	private started = false;
	/** Counts up with every search; a search whose number is no longer current renders nothing. */
	private generation = 0;
	/** The state waiting to be searched while another search runs (the newest wins). */
	private queued: SearchState | undefined;
	private busy = false;
	private historyTimer: ReturnType<typeof setTimeout> | undefined;
	/** Whether the query being typed already has a history entry of its own. */
	private typing = false;
	private loaded = new Map<string, Promise<PagefindResultData>>();
	private facetChunks: Promise<unknown> | undefined;
	/** Whether results are limited to the reports saved on this device. */
	private offline = false;

	connectedCallback(): void {
		if (this.started) return;
		this.started = true;
		void this.start();
	}

	private setPageState(state: PageState): void {
		this.setAttribute(STATE_ATTR, state);
		this.parts.results.setAttribute('aria-busy', String(state === 'searching'));
	}

	private async start(): Promise<void> {
		const parts = findParts(this);
		if (!parts) return;
		this.parts = parts;
		// Both start loading now, side by side: the engine and its index, and the names.
		this.offline = isOffline();
		const engine = loadPagefind(this.getAttribute(INDEX_TAG_ATTR) ?? '').then(async (p) =>
			this.offline ? (await import('./offline-search.ts')).offlineScope(p) : p,
		);
		const terms = sitePath(SEARCH_TERMS_PATH);
		const table = fetch(terms).then((r) => {
			if (!r.ok) throw new Error(`${r.status} fetching ${terms}`);
			return r.json() as Promise<TermTableFile>;
		});
		// A page left open when a new build is published moves to it (its index may be gone).
		reloadOnNewBuild();
		this.boxes = [...parts.form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
		this.vocabulary = vocabularyOf(
			this.boxes.map((b) => ({
				facet: b.name as Facet,
				value: b.value,
				name: b.dataset.name ?? b.value,
			})),
		);
		const initial = parseSearchParams(new URLSearchParams(location.search), this.vocabulary);
		this.writeForm(initial);
		// A link with display names (?group=Taliban) or unknown values gets its canonical address.
		this.commit(initial, false);
		parts.nojs.hidden = true;
		parts.form.hidden = false;
		// When the layout folds the filters (the toggle shows: a narrow screen, as the CSS decides),
		// they start folded so that the results come first; the chips show what is on.
		if (getComputedStyle(parts['filters-toggle']).display !== 'none') {
			parts.filters.removeAttribute('open');
		}
		this.listen();
		this.renderChips(initial);
		if (!isBlank(initial)) parts.status.textContent = 'Searching…';
		try {
			const [pagefind, file] = await Promise.all([engine, table]);
			this.pagefind = pagefind;
			this.index = createTermIndex(file.terms);
		} catch {
			this.unavailable();
			return;
		}
		// What the form says now: the reader may have typed while the engine loaded.
		this.request(this.readForm());
	}

	private unavailable(): void {
		const { parts } = this;
		this.setPageState('unavailable');
		const message = parts.nojs.querySelector('strong');
		if (message) {
			message.textContent = import.meta.env.DEV
				? 'The search index exists only in a built site: run npm start (build, then serve) to search.'
				: 'The search index could not be loaded. Reload the page to try again, or browse:';
		}
		parts.form.hidden = true;
		parts.nojs.hidden = false;
	}

	// -- State and URL ------------------------------------------------------------------------

	private readForm(): SearchState {
		const state = emptyState();
		state.q = (this.parts.query as HTMLInputElement).value;
		state.sort = (this.parts.sort as HTMLSelectElement).value === 'newest' ? 'newest' : 'relevance';
		for (const box of this.boxes) if (box.checked) state.facets[box.name as Facet].push(box.value);
		return state;
	}

	private writeForm(state: SearchState): void {
		(this.parts.query as HTMLInputElement).value = state.q;
		(this.parts.sort as HTMLSelectElement).value = state.sort;
		for (const box of this.boxes) {
			box.checked = state.facets[box.name as Facet].includes(box.value);
		}
	}

	/** Writes the state to the URL: a new history entry for a deliberate change, else in place. */
	private commit(state: SearchState, push: boolean): void {
		const query = toSearchParams(state).toString();
		const url = `${location.pathname}${query ? `?${query}` : ''}`;
		if (url === `${location.pathname}${location.search}`) return;
		if (push) history.pushState(null, '', url);
		else history.replaceState(null, '', url);
	}

	/** Applies a state chosen by the reader (a chip, a suggestion, the answer card's filter). */
	private apply(state: SearchState): void {
		this.typing = false;
		clearTimeout(this.historyTimer);
		this.writeForm(state);
		this.commit(state, true);
		this.request(state);
	}

	private listen(): void {
		const { parts } = this;
		parts.query.addEventListener('input', () => {
			const state = this.readForm();
			this.request(state);
			// The URL follows the typing: the first pause in a new query makes a history entry,
			// later ones refine it in place.
			clearTimeout(this.historyTimer);
			this.historyTimer = setTimeout(() => {
				this.commit(this.readForm(), !this.typing);
				this.typing = true;
			}, HISTORY_PAUSE_MS);
		});
		parts.form.addEventListener('change', (event) => {
			if (event.target === parts.query) return;
			this.apply(this.readForm());
		});
		parts.form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.apply(this.readForm());
		});
		parts.clear.addEventListener('click', () => {
			this.apply(emptyState());
			(parts.query as HTMLInputElement).focus();
		});
		// Links to other searches (suggestions, "without this filter") search in place.
		this.addEventListener('click', (event) => {
			const a = (event.target as Element).closest?.('a');
			if (!a || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
			const url = new URL(a.href, location.href);
			if (url.origin !== location.origin || url.pathname !== sitePath(SEARCH_PATH)) return;
			event.preventDefault();
			this.apply(parseSearchParams(url.searchParams, this.vocabulary));
		});
		window.addEventListener('popstate', () => {
			this.typing = false;
			const state = parseSearchParams(new URLSearchParams(location.search), this.vocabulary);
			this.writeForm(state);
			this.request(state);
		});
	}

	// -- Searching ----------------------------------------------------------------------------

	/** Searches for a state as soon as the search before it is done; only the newest waits. */
	private request(state: SearchState): void {
		this.queued = state;
		this.generation++;
		this.setPageState('searching');
		if (!this.busy && this.pagefind) void this.drain();
	}

	private async drain(): Promise<void> {
		this.busy = true;
		try {
			while (this.queued) {
				const state = this.queued;
				this.queued = undefined;
				await this.run(state, this.generation);
			}
		} finally {
			this.busy = false;
		}
	}

	private current(generation: number): boolean {
		return generation === this.generation && this.queued === undefined;
	}

	private async run(state: SearchState, generation: number): Promise<void> {
		const { parts, pagefind } = this;
		this.renderChips(state);
		const q = state.q.trim();
		if (isBlank(state) || (q.length > 0 && q.length < MIN_QUERY_LENGTH && !isFiltered(state))) {
			this.renderBlank(state, generation);
			return;
		}
		const expansion = expandQuery(q.length >= MIN_QUERY_LENGTH ? q : '', this.index);
		const sort = state.sort === 'newest' ? { sort: { date: 'desc' as const } } : {};
		const filters = pagefindFilters(state);
		performance.mark('search:start');
		const responses = await Promise.all(
			expansion.queries.map((query) => pagefind.search(query.text, { filters, ...sort })),
		);
		performance.mark('search:found');
		if (!this.current(generation)) return;
		const searched = expansion.queries
			.map((query, i) => ({ query, response: responses[i] }))
			.filter((x): x is Searched => Boolean(x.response?.results.length));
		const found = new Map<string, Found>();
		for (const { query, response } of searched) {
			for (const result of response.results) {
				const seen = found.get(result.id);
				if (seen) seen.queries.push(query);
				else found.set(result.id, { result, queries: [query] });
			}
		}
		const hits = mergeHits(searched.map((x) => x.response.results));
		const order: (n: number) => Promise<Hit[]> =
			state.sort === 'newest' && searched.length > 1
				? this.byDate(searched, found, hits)
				: (() => {
						let at = 0;
						return (n: number) => Promise.resolve(hits.slice(at, (at += n)));
					})();
		const page = await order(PAGE_SIZE);
		const first = await this.cards(page, found, expansion);
		performance.mark('search:cards');
		if (!this.current(generation)) return;

		parts.results.replaceChildren(...first);
		this.offerMore(order, hits.length - first.length, found, expansion, generation);
		parts.status.textContent = describeResults(hits.length, state);
		this.renderSpellings(searched);
		this.renderAnswer(expansion, state);
		this.renderEmpty(hits.length === 0, state);
		this.setPageState('done');

		// Counts come after the results are on screen, and never hold up the next search: a query
		// typed meanwhile starts at once (the counts stop at their next check and are not shown).
		// They are an extra: should one of their searches fail, the results stand as they are.
		void this.updateCounts(state, searched, generation).catch(() => undefined);
	}

	/** "Newest first" over several queries: their date-sorted lists merged by date. */
	private byDate(
		searched: readonly Searched[],
		found: ReadonlyMap<string, Found>,
		hits: readonly Hit[],
	): (n: number) => Promise<Hit[]> {
		const merge = mergeByDate(
			searched.map((x) => x.response.results),
			async (id) => (await this.data(found.get(id)!.result)).filters['date']?.[0] ?? '',
			new Map(hits.map((h) => [h.id, h])),
		);
		return (n) => merge.next(n);
	}

	/**
	 * Loads the facets' filter indexes (Pagefind counts a facet only once its index is loaded),
	 * once, after the first results: a search for a value no facet has fetches them and finds
	 * nothing. The card's own filters (date, places) are never fetched: fragments carry them.
	 */
	private loadFacetChunks(): Promise<unknown> {
		this.facetChunks ??= this.pagefind.search(null, {
			filters: Object.fromEntries(FACETS.map((f) => [f, { any: [NO_VALUE] }])),
		});
		return this.facetChunks;
	}

	/** The data of a result, loaded once per page (a report's text does not change). */
	private data(result: PagefindResult): Promise<PagefindResultData> {
		let data = this.loaded.get(result.id);
		if (!data) {
			data = result.data();
			this.loaded.set(result.id, data);
		}
		return data;
	}

	private renderBlank(state: SearchState, generation: number): void {
		const { parts } = this;
		parts.results.replaceChildren();
		parts.answer.hidden = true;
		parts.spellings.hidden = true;
		parts.empty.hidden = true;
		parts.status.textContent = isBlank(state)
			? 'Type a word or choose a filter to see reports.'
			: 'Keep typing: a search needs at least two letters.';
		if (this.offline) void this.showSavedCounts(generation);
		else this.showBuildCounts();
		this.setPageState('done');
	}

	/** Offline, before any search: the counts over the saved reports, not the build's. */
	private async showSavedCounts(generation: number): Promise<void> {
		await this.loadFacetChunks();
		const all = await this.pagefind.search(null, {});
		if (!this.current(generation)) return;
		for (const facet of FACETS) this.showCounts(facet, all?.filters[facet]);
	}

	/**
	 * The facet counts. One query: Pagefind's own, a facet with a selection counted by a search
	 * without its filter. Several: the union of their results, counted by inclusion and exclusion
	 * (src/lib/search/counts.ts), so that a report found by two spellings counts once.
	 */
	private async updateCounts(
		state: SearchState,
		searched: readonly Searched[],
		generation: number,
	): Promise<void> {
		const filters = pagefindFilters(state);
		const own = facetsNeedingOwnCounts(state);
		await this.loadFacetChunks();
		if (!this.current(generation)) return;
		// The first search of a page ran before the facets' indexes were there, so without counts.
		const complete = searched.every((x) => FACETS.every((f) => x.response.filters[f]));
		const countsFor = async (f: PagefindFilters, main: boolean) => {
			const singles =
				main && complete
					? searched.map((x) => x.response)
					: await Promise.all(
							searched.map((x) => this.pagefind.search(x.query.text, { filters: f })),
						);
			if (singles.length <= 1) return (facet: Facet) => singles[0]?.filters[facet];
			if (!this.current(generation)) return () => undefined;
			const counted = countedQueries(singles.map((r) => new Set(r?.results.map((x) => x.id))));
			const combos = combinations(counted.length);
			const responses = await Promise.all(
				combos.map((c) =>
					c.length === 1
						? Promise.resolve(singles[counted[c[0]!]!])
						: this.pagefind.search(c.map((j) => searched[counted[j]!]!.query.text).join(' '), {
								filters: f,
							}),
				),
			);
			return (facet: Facet) =>
				unionCounts(combos.map((c, k) => ({ members: c, counts: responses[k]?.filters[facet] })));
		};
		const [main, ...byFacet] = await Promise.all([
			countsFor(filters, true),
			...own.map((f) => countsFor(pagefindFilters(state, f), false)),
		]);
		if (!this.current(generation)) return;
		for (const facet of FACETS) {
			const i = own.indexOf(facet);
			this.showCounts(facet, (i >= 0 ? byFacet[i]! : main)(facet));
		}
	}

	// -- Rendering ----------------------------------------------------------------------------

	/** The counts the build wrote into the page: every public report, before any search. */
	private showBuildCounts(): void {
		for (const box of this.boxes) {
			const count = box.closest('label')?.querySelector<HTMLElement>(`[${COUNT_ATTR}]`);
			this.showCount(box, Number(count?.getAttribute(COUNT_ATTR) ?? 0));
		}
	}

	private showCount(box: HTMLInputElement, n: number): void {
		const label = box.closest('label');
		const count = label?.querySelector(`[${COUNT_ATTR}]`);
		if (count) count.textContent = NUMBER.format(n);
		label?.toggleAttribute(EMPTY_OPTION_ATTR, n === 0 && !box.checked);
	}

	/** Shows the count each option of a facet would have, dimming those that would find nothing. */
	private showCounts(facet: Facet, counts: Record<string, number> | undefined): void {
		for (const box of this.boxes)
			if (box.name === facet) this.showCount(box, counts?.[box.value] ?? 0);
	}

	private async cards(
		hits: readonly Hit[],
		found: ReadonlyMap<string, Found>,
		expansion: Expansion,
	): Promise<HTMLLIElement[]> {
		const data = await Promise.all(hits.map((h) => this.data(found.get(h.id)!.result)));
		return data.map((d, i) => {
			const hit = hits[i]!;
			// A name of several words is marked where it stands together, not word by word.
			const queries = found.get(hit.id)!.queries;
			const phrases = [...new Set(queries.flatMap((q) => q.phrases))];
			const all = pageWords(d.content);
			const words = nameRuns(all, hit.words, phrases, queries[0]?.own ?? []);
			const runs = nameRunStarts(all, words, phrases);
			const withWords = expansion.queries[0]?.text !== null;
			const template = this.parts.card as HTMLTemplateElement;
			return renderCard(template, d, { ...hit, words }, withWords, this.index, runs);
		});
	}

	/** A button at the end of the list that renders the next page of results. */
	private offerMore(
		order: (n: number) => Promise<Hit[]>,
		rest: number,
		found: ReadonlyMap<string, Found>,
		expansion: Expansion,
		generation: number,
	): void {
		if (rest <= 0) return;
		const button = el('button', 'button button--quiet', `Show ${Math.min(rest, PAGE_SIZE)} more`);
		button.type = 'button';
		const item = el('li', 'results__more', button);
		button.addEventListener('click', () => {
			void (async () => {
				const next = await this.cards(await order(PAGE_SIZE), found, expansion);
				if (generation !== this.generation) return;
				item.replaceWith(...next);
				this.offerMore(order, rest - next.length, found, expansion, generation);
				next[0]?.querySelector('a')?.focus();
			})();
		});
		this.parts.results.append(item);
	}

	private renderSpellings(searched: readonly Searched[]): void {
		renderSpellings(this.parts.spellings, [...new Set(searched.flatMap((x) => x.query.written))]);
	}

	private renderChips(state: SearchState): void {
		renderChips(this.parts.chips, state, this.vocabulary, (facet, value) => {
			this.apply(withFilter(this.readForm(), facet, value, false));
			(this.parts.query as HTMLInputElement).focus();
		});
	}

	private renderAnswer(expansion: Expansion, state: SearchState): void {
		const template = this.parts['answer-card'] as HTMLTemplateElement;
		const card = renderAnswer(
			template,
			expansion,
			state,
			this.vocabulary,
			(s) => this.apply(s),
			this.offline,
		);
		this.parts.answer.replaceChildren(...(card ? [card] : []));
		this.parts.answer.hidden = !card;
	}

	private renderEmpty(empty: boolean, state: SearchState): void {
		const { parts } = this;
		parts.empty.hidden = !empty;
		if (empty)
			renderEmpty(parts['empty-names'], parts['empty-filters'], state, this.index, this.vocabulary);
	}
}

if (!customElements.get(SEARCH_ELEMENT)) customElements.define(SEARCH_ELEMENT, SearchPageElement);
