/**
 * What the search index knows about a report beyond its text: the filter values, the metadata a
 * result card shows, and the date sort key. Every value is a slug (`is-k`, `kunduz`, `brief`) or
 * an ISO date, never a display name: the URL, the checkboxes and Pagefind share one key, and the
 * names a reader sees come from the term table (`src/lib/search/term-table.ts`), as on the rest
 * of the site.
 *
 * Spellings are not indexed. The search page expands a query's names into their spellings and
 * searches for each (`src/lib/search/expand.ts`), so that nothing hidden is indexed as text.
 *
 * `src/components/SearchIndexData.astro` writes this into the report page for Pagefind.
 */
import type { Archive, Report } from '../archive/build-archive.ts';
import { FACET_KINDS, KINDS, type FacetKind, type TermFacet } from '../model/kinds.ts';
import { placesOf } from '../model/places.ts';

/**
 * The facets of the search page, in display order: the kinds that are facets (model/kinds.ts:
 * groups, regions, topics), then report type and year. Their keys are the URL parameters too.
 */
export type Facet = TermFacet | 'type' | 'year';
export const FACETS: readonly Facet[] = [...FACET_KINDS.map((k) => KINDS[k].facet), 'type', 'year'];

export interface SearchRecord {
	/** Filter values by slug; a place's containing regions are included. */
	filters: Record<Facet, string[]>;
	/**
	 * What a result card shows that the facets do not say, as filters too: Pagefind searches the
	 * text of metadata fields, so a value kept there (a slug, a date) would find reports by words
	 * they do not contain. Filters are never searched as text.
	 */
	card: CardFilters;
	meta: SearchMeta;
	/**
	 * The date sort key. ISO strings of mixed precision sort correctly as text ("2022" <
	 * "2022-05" < "2022-05-07"), matching the site's own sort order.
	 */
	sortDate: string;
}

/** The card's own filters: the date as written ("2022-05") and the report's own places by slug. */
export interface CardFilters {
	date: string[];
	place: string[];
}

/** Metadata: the summary, shown when a search has no words. (The title Pagefind takes from the h1.) */
export interface SearchMeta {
	summary: string;
}

/** A record with one value per facet, made facet by facet. */
function byFacet<T>(term: (kind: FacetKind) => T, type: T, year: T): Record<Facet, T> {
	const record = { type, year } as Record<Facet, T>;
	for (const kind of FACET_KINDS) record[KINDS[kind].facet] = term(kind);
	return record;
}

export function searchRecord(report: Report): SearchRecord {
	// A report on a place is also filed under the places that contain it (model/places.ts).
	const terms = (kind: FacetKind) => (kind === 'regions' ? placesOf(report.regions) : report[kind]);
	return {
		filters: byFacet(
			(kind) => terms(kind).map((t) => t.slug),
			[report.type.slug],
			[String(report.published.year)],
		),
		card: { date: [report.published.iso], place: report.regions.map((r) => r.slug) },
		meta: { summary: report.summary },
		sortDate: report.published.iso,
	};
}

/** One checkbox of a facet on the search page. */
export interface FacetOption {
	/** The value in the URL and in the index: a slug, a type slug or a year. */
	value: string;
	/** The display name. */
	name: string;
	/** Public reports with this value: the count shown before any search. */
	count: number;
}

export const FACET_LABELS: Record<Facet, string> = byFacet(
	(kind) => KINDS[kind].singular,
	'Report type',
	'Year',
);

/**
 * The options of every facet, from the archive: only values that some public report carries, in
 * the order readers scan them (names alphabetically, years newest first).
 */
export function facetOptions(archive: Archive): Record<Facet, FacetOption[]> {
	const term = (t: { slug: string; name: string; reports: readonly unknown[] }) => ({
		value: t.slug,
		name: t.name,
		count: t.reports.length,
	});
	const years = new Map<number, number>();
	for (const r of archive.reports)
		years.set(r.published.year, (years.get(r.published.year) ?? 0) + 1);
	const some = (o: FacetOption) => o.count > 0;
	return byFacet(
		(kind) => archive[kind].map(term).filter(some),
		archive.types
			.map((t) => ({ value: t.type.slug, name: t.type.name, count: t.reports.length }))
			.filter(some),
		[...years]
			.sort((a, b) => b[0] - a[0])
			.map(([year, count]) => ({ value: String(year), name: String(year), count })),
	);
}
