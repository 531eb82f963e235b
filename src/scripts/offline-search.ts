/**
 * Search without a connection: on a search page served from a saved collection (or when the
 * browser is offline), results are only the reports saved on this device, and the page says so.
 * Pagefind searches the whole index the collection saved; the results of reports that were not
 * saved are dropped before the search page sees them, and the filter counts (`filters`, and
 * `totalFilters`, the counts without the search's filters) are counted over what is left. Loaded
 * by the search page only when it is offline.
 */
import type {
	Pagefind,
	PagefindResult,
	PagefindResultData,
	PagefindSearchResponse,
	SearchOptions,
} from './pagefind-api.ts';
import { countLabel } from '../lib/view/count.ts';
import { savedPacks } from './offline-packs.ts';

type Counts = Record<string, Record<string, number>>;

/**
 * The filter values of each result, counted (Pagefind's own counts include unsaved reports). The
 * filters and values Pagefind answered with stay, at 0 when no saved report has them, so a facet
 * Pagefind has counted still reads as counted.
 */
async function countFilters(results: readonly PagefindResult[], like: Counts): Promise<Counts> {
	const counts: Counts = {};
	for (const [filter, values] of Object.entries(like)) {
		counts[filter] = Object.fromEntries(Object.keys(values).map((v) => [v, 0]));
	}
	const data: PagefindResultData[] = await Promise.all(results.map((r) => r.data()));
	for (const d of data) {
		for (const [filter, values] of Object.entries(d.filters)) {
			if (!(filter in like)) continue;
			const c = (counts[filter] ??= {});
			for (const v of values ?? []) c[v] = (c[v] ?? 0) + 1;
		}
	}
	return counts;
}

const hasFilters = (options?: SearchOptions) => Object.keys(options?.filters ?? {}).length > 0;

/** Pagefind, answering only with the reports saved on this device. */
export async function offlineScope(pagefind: Pagefind): Promise<Pagefind> {
	const saved = await savedPacks();
	const ids = new Set(saved.flatMap((s) => s.manifest.records));
	const note = document.querySelector<HTMLElement>('[data-offline-search]');
	if (note) {
		note.textContent =
			ids.size === 0
				? 'You are offline, and no collection is saved on this device: there is nothing to search.'
				: `You are offline: results come only from the ${ids.size === 1 ? 'report' : countLabel(ids.size, 'report')} saved on this device.`;
		note.hidden = false;
		// The worker's "this is the copy from …" line says less than this one: one note, not two.
		document.querySelector('.offline-note[data-offline-copy]')?.remove();
	}
	const savedOf = (response: PagefindSearchResponse) =>
		response.results.filter((r) => ids.has(r.id));
	const search = async (
		term: string | null,
		options?: SearchOptions,
	): Promise<PagefindSearchResponse | null> => {
		const response = await pagefind.search(term, options);
		if (!response) return response;
		const results = savedOf(response);
		const filters = await countFilters(results, response.filters);
		// The counts without the search's filters: the same search unfiltered, when it had any.
		let totalFilters = filters;
		let unfilteredResultCount = results.length;
		if (hasFilters(options)) {
			const unfiltered = await pagefind.search(term, { ...options, filters: {} });
			const all = unfiltered ? savedOf(unfiltered) : [];
			totalFilters = await countFilters(all, response.totalFilters);
			unfilteredResultCount = all.length;
		}
		return { ...response, results, unfilteredResultCount, filters, totalFilters };
	};
	return {
		init: () => pagefind.init(),
		preload: (term, options) => pagefind.preload(term, options),
		search,
	};
}
