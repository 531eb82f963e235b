/**
 * What the search index knows about a report, beyond its text: the filter values (by display
 * name), the metadata results show, the date sort key, and every spelling of every term the report
 * carries, so that "ISKP", "Taleban" or "Kunduz" find it whatever its body says.
 *
 * `src/components/SearchIndexData.astro` writes this into the report page for Pagefind.
 */
import type { Archive, Report } from '../archive/build-archive.ts';
import { placesOf } from '../model/places.ts';
import { formatPartialDate } from '../model/dates.ts';

/** The facets of the search page, in display order. Their keys are the URL parameters too. */
export const FACETS = ['group', 'region', 'topic', 'type', 'year'] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchRecord {
	filters: Record<Facet, string[]>;
	meta: {
		summary: string;
		/** The date as shown: "May 2022". */
		date: string;
		/** The date as written: "2022-05". */
		date_iso: string;
		type: string;
		/** Groups by short name, comma-separated: "IS-K, Taliban". */
		groups: string;
		regions: string;
	};
	/**
	 * The date sort key. ISO strings of mixed precision sort correctly as text ("2022" <
	 * "2022-05" < "2022-05-07"), matching the site's own sort order.
	 */
	sortDate: string;
	/** Names and aliases of the report's groups, places (and the places containing them) and topics. */
	spellings: string[];
}

const unique = (values: Iterable<string>) => [...new Set(values)];

export function searchRecord(report: Report): SearchRecord {
	const places = placesOf(report.regions);
	const groupLabel = (g: Report['groups'][number]) => g.data.shortName ?? g.name;
	const spellings = unique(
		[...report.groups, ...places, ...report.topics].flatMap((term) => [
			term.name,
			...('shortName' in term.data && term.data.shortName ? [term.data.shortName] : []),
			...term.aliases,
		]),
	);
	return {
		filters: {
			group: report.groups.map((g) => g.name),
			region: places.map((r) => r.name),
			topic: report.topics.map((t) => t.name),
			type: [report.type.name],
			year: [String(report.published.year)],
		},
		meta: {
			summary: report.summary,
			date: formatPartialDate(report.published),
			date_iso: report.published.iso,
			type: report.type.name,
			groups: report.groups.map(groupLabel).join(', '),
			regions: report.regions.map((r) => r.name).join(', '),
		},
		sortDate: report.published.iso,
		spellings,
	};
}

/** One checkbox of a facet on the search page. */
export interface FacetOption {
	/** The URL value: a slug, a type slug or a year. */
	value: string;
	/** The display name, which is also the Pagefind filter value. */
	name: string;
	/** Public reports with this value: the count shown before any search. */
	count: number;
}

export const FACET_LABELS: Record<Facet, string> = {
	group: 'Armed group',
	region: 'Region',
	topic: 'Topic',
	type: 'Report type',
	year: 'Year',
};

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
	return {
		group: archive.groups.map(term).filter(some),
		region: archive.regions.map(term).filter(some),
		topic: archive.topics.map(term).filter(some),
		type: archive.types
			.map((t) => ({ value: t.type.slug, name: t.type.name, count: t.reports.length }))
			.filter(some),
		year: [...years]
			.sort((a, b) => b[0] - a[0])
			.map(([year, count]) => ({ value: String(year), name: String(year), count })),
	};
}
