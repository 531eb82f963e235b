/**
 * Search without a connection: on a search page served from a saved collection (or when the
 * browser is offline), results are only the reports saved on this device, and the page says so.
 * Pagefind searches the whole index the collection saved; the records of reports that were not
 * saved are dropped before anything is shown, and the filter counts are counted over what is
 * left. Loaded by the search page only when it is offline.
 */
import type { Pagefind, PagefindResultData, PagefindSearchResponse } from './pagefind-api.ts';
import { savedPacks } from './offline-packs.ts';

type Counts = Record<string, Record<string, number>>;
type Result = PagefindSearchResponse['results'][number];

/** The filter values of each result, counted (Pagefind's own counts include unsaved reports). */
async function countFilters(results: readonly Result[]): Promise<Counts> {
	const counts: Counts = {};
	const data = await Promise.all(results.map((r) => r.data()));
	for (const d of data as (PagefindResultData & { filters?: Record<string, string[]> })[]) {
		for (const [filter, values] of Object.entries(d.filters ?? {})) {
			const c = (counts[filter] ??= {});
			for (const v of values) c[v] = (c[v] ?? 0) + 1;
		}
	}
	return counts;
}

/** Pagefind, answering only with the reports saved on this device. */
export async function offlineScope(pagefind: Pagefind): Promise<Pagefind> {
	const saved = await savedPacks();
	const ids = new Set(saved.flatMap((s) => s.manifest.records));
	const note = document.querySelector<HTMLElement>('[data-offline-search]');
	if (note) {
		note.textContent =
			ids.size === 0
				? 'You are offline, and no collection is saved on this device: there is nothing to search.'
				: `You are offline: results come only from the ${ids.size === 1 ? 'report' : `${ids.size} reports`} saved on this device.`;
		note.hidden = false;
		// The worker's "this is the copy from …" line says less than this one: one note, not two.
		document.querySelector('.offline-note[data-offline-copy]')?.remove();
	}
	const restrict = async (
		response: PagefindSearchResponse | null,
	): Promise<PagefindSearchResponse | null> => {
		if (!response) return response;
		const results = response.results.filter((r) => ids.has(r.id));
		const filters = await countFilters(results);
		return { ...response, results, unfilteredResultCount: results.length, filters };
	};
	return {
		options: (o) => pagefind.options(o),
		init: () => pagefind.init(),
		filters: async () => (await restrict(await pagefind.search(null, {})))?.filters ?? {},
		search: async (term, options) => restrict(await pagefind.search(term, options)),
	};
}
