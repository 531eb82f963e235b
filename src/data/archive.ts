/**
 * The only module that reads the content collections. It builds the archive once per build (the
 * promise is shared by every page) and hands out the entries that pages render.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive } from '../lib/archive.ts';
import type { TaxonomyKind } from '../lib/terms.ts';

/**
 * The build's "now", against which embargoes are checked. `BRIEF_BUILD_TIME` (an ISO date-time)
 * overrides it, so tests can build the site as of a given moment.
 */
export const buildTime = new Date(process.env.BRIEF_BUILD_TIME ?? Date.now());

type Collection = 'reports' | TaxonomyKind;
/** Entries by collection, then by id: looked up per page, so a Map, not a scan. */
type Entries = { [C in Collection]: Map<string, CollectionEntry<C>> };

let loaded: Promise<{ archive: Archive; entries: Entries }> | undefined;

function load() {
	loaded ??= (async () => {
		const [reports, groups, regions, topics, authors] = await Promise.all([
			getCollection('reports'),
			getCollection('groups'),
			getCollection('regions'),
			getCollection('topics'),
			getCollection('authors'),
		]);
		const archive = buildArchive({ reports, groups, regions, topics, authors }, buildTime);
		const entries: Entries = {
			reports: new Map(reports.map((e) => [e.id, e])),
			groups: new Map(groups.map((e) => [e.id, e])),
			regions: new Map(regions.map((e) => [e.id, e])),
			topics: new Map(topics.map((e) => [e.id, e])),
			authors: new Map(authors.map((e) => [e.id, e])),
		};
		return { archive, entries };
	})();
	return loaded;
}

/** The archive: public reports, taxonomies, related reports. */
export async function getArchive(): Promise<Archive> {
	return (await load()).archive;
}

/** The collection entry of a public report, to render its body. */
export async function getReportEntry(slug: string): Promise<CollectionEntry<'reports'>> {
	const { archive, entries } = await load();
	const entry = archive.bySlug.has(slug) ? entries.reports.get(slug) : undefined;
	if (!entry) throw new Error(`No public report "${slug}"`);
	return entry;
}

/** The collection entry of a taxonomy term, to render its profile. */
export async function getTermEntry<K extends TaxonomyKind>(
	kind: K,
	slug: string,
): Promise<CollectionEntry<K>> {
	const { entries } = await load();
	const entry = (entries[kind] as Map<string, CollectionEntry<K>>).get(slug);
	if (!entry) throw new Error(`No ${kind} entry "${slug}"`);
	return entry;
}
