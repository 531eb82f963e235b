/**
 * The only module that reads the content collections. It builds the archive once per build (the
 * promise is shared by every page) and hands out the entries that pages render.
 */
import { join, resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive } from '../lib/archive/build-archive.ts';
import { cacheKeys, type CacheKeys } from '../lib/archive/cache-keys.ts';
import { contentDir, type CollectionName } from '../lib/model/collections.ts';
import { resolveBuildTime, type PublishMode } from '../lib/model/publish.ts';
import type { TaxonomyKind } from '../lib/model/kinds.ts';
import { cacheFolder } from '../lib/node/file-cache.ts';
import { codeFingerprint } from '../lib/node/fingerprint.ts';
import { hasKeptVersions, keptFiles } from '../lib/node/kept-files.ts';
import { keptRelated } from '../lib/node/related-cache.ts';
import { projectRoot } from './project.ts';
import { SITE } from '../site.ts';

/**
 * The build's "now", against which embargoes are checked. `BRIEF_BUILD_TIME` (an ISO date-time
 * with an offset) overrides it, so tests can build the site as of a given moment.
 */
export const buildTime = resolveBuildTime(process.env.BRIEF_BUILD_TIME);

/** Set at build time by the content-check integration (`src/integrations/content-check.ts`). */
declare const __BRIEF_PUBLISH_MODE__: string | undefined;

/**
 * `preview` under `astro dev` and in `npm run preview:drafts` builds: drafts and embargoed
 * reports are shown, bannered, on `noindex` pages. `publish` everywhere else, and whenever the
 * mode is unknown.
 *
 * The integration decides it from Astro's command and writes it into the code as a constant.
 * `import.meta.env.DEV` is not used: in a build it follows a `DEV` variable in the environment,
 * so `DEV=1 astro build` would have published drafts.
 */
export const publishMode: PublishMode =
	typeof __BRIEF_PUBLISH_MODE__ !== 'undefined' && __BRIEF_PUBLISH_MODE__ === 'preview'
		? 'preview'
		: 'publish';

type Collection = 'reports' | 'versions' | TaxonomyKind;
/** Entries by collection, then by id: looked up per page, so a Map, not a scan. */
type Entries = { [C in Collection]: Map<string, CollectionEntry<C>> };

function digestOf(entries: Entries, collection: CollectionName, id: string): string {
	const digest = entries[collection].get(id)?.digest;
	if (digest === undefined) throw new Error(`No digest for the ${collection} entry "${id}"`);
	return String(digest);
}

let loaded: Promise<{ archive: Archive; entries: Entries; keys: CacheKeys }> | undefined;

/** Where the last related reports are kept, one file for each publish mode (their reports differ). */
const relatedFile = () => join(cacheFolder(projectRoot), `brief-related-${publishMode}.json`);

function load() {
	loaded ??= (async () => {
		const [reports, groups, regions, topics, authors, versions, files] = await Promise.all([
			getCollection('reports'),
			getCollection('groups'),
			getCollection('regions'),
			getCollection('topics'),
			getCollection('authors'),
			// Not asked for when there is none: Astro warns about an empty collection.
			hasKeptVersions(resolve(contentDir())) ? getCollection('versions') : [],
			keptFiles(resolve(contentDir())),
		]);
		const archive = buildArchive(
			{ reports, groups, regions, topics, authors, versions },
			buildTime,
			{
				mode: publishMode,
				files,
				related: keptRelated(relatedFile(), codeFingerprint(projectRoot)),
			},
		);
		const entries: Entries = {
			reports: new Map(reports.map((e) => [e.id, e])),
			versions: new Map(versions.map((e) => [e.id, e])),
			groups: new Map(groups.map((e) => [e.id, e])),
			regions: new Map(regions.map((e) => [e.id, e])),
			topics: new Map(topics.map((e) => [e.id, e])),
			authors: new Map(authors.map((e) => [e.id, e])),
		};
		const keys = cacheKeys({
			archive,
			digest: (collection: CollectionName, id: string) => digestOf(entries, collection, id),
			now: buildTime,
			site: SITE,
			staleAfterYears: SITE.staleness.afterYears,
		});
		return { archive, entries, keys };
	})();
	return loaded;
}

/** The archive: public reports, taxonomies, related reports. */
export async function getArchive(): Promise<Archive> {
	return (await load()).archive;
}

/**
 * The incremental build's key of every dynamic route (`src/lib/archive/cache-keys.ts`), for the
 * routes' `getStaticPaths`.
 */
export async function getCacheKeys(): Promise<CacheKeys> {
	return (await load()).keys;
}

/** The digest Astro keeps of a content entry: a hash of its file, which changes with any edit. */
export async function getDigest(collection: CollectionName, id: string): Promise<string> {
	return digestOf((await load()).entries, collection, id);
}

/** The collection entry of a report in the archive (a public one, outside previews), to render it. */
export async function getReportEntry(slug: string): Promise<CollectionEntry<'reports'>> {
	const { archive, entries } = await load();
	const entry = archive.bySlug.has(slug) ? entries.reports.get(slug) : undefined;
	if (!entry) throw new Error(`No public report "${slug}"`);
	return entry;
}

/** The collection entry of an earlier version of a public report, to render it. */
export async function getVersionEntry(id: string): Promise<CollectionEntry<'versions'>> {
	const { entries } = await load();
	const entry = entries.versions.get(id);
	if (!entry) throw new Error(`No kept version "${id}"`);
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
