/**
 * The `cacheKey` of every dynamic route, for Astro's incremental build
 * (`experimental.incrementalBuild`). Astro restores a path from the previous build instead of
 * rendering it when the path's key, its route's module graph and the render hashes of the
 * content modules it rendered are all unchanged. The key is therefore the only thing that tells
 * Astro the *data* changed, and a key that leaves out anything the page shows serves a stale page
 * without a word (astro issue #17084). So each key here is made from exactly what its page
 * renders, read from the same objects the page is given:
 *
 * | Route (page, its templates)                              | Key                                                  |
 * | -------------------------------------------------------- | ---------------------------------------------------- |
 * | `/reports/<slug>/` (Report, ReportList, CitePanel, …)    | digest, card, related reports' cards, proper nouns   |
 * | `/reports/<slug>/cite.*` (citation record)               | card, proper nouns                                   |
 * | `/reports/<slug>/v<n>/` (ReportVersion)                  | the version's digest, the report's card, nouns       |
 * | `/files/<path>` (a kept file, as it is)                  | its path, format and the SHA-256 of its bytes        |
 * | `/<kind>/<slug>/` (TermPage)                             | term, profile digest, count, first page, children    |
 * | `/<kind>/<slug>/<n>/`, year and type pages (Listing)     | the page's cards and place; a year page every year   |
 * | `/<kind>/<slug>/feed.*` (outputs/feeds.ts)               | the feed's whole spec, items too (empty: the time)   |
 * | `/<kind>/` (TermIndex)                                   | every term of the kind and its count                 |
 *
 * - The **digest** is Astro's hash of the entry's file, frontmatter and body. Astro's render
 *   hashes cover only entries compiled as modules (MDX), not Markdown rendered from the content
 *   store, so a body edit is seen through the digest alone.
 * - A report's **card** is what every page but its own shows of it (ReportCard, feeds, citations,
 *   SearchIndexData, JSON-LD, the search facts): every field of its frontmatter as the archive
 *   resolved it, its visibility and its terms. Not its body, not its related reports.
 * - A **term** as other pages show it (TermLinks, search spellings and filters, JSON-LD, credits):
 *   its name, short name, aliases, address, its file's fields and, for a place, the places that
 *   contain it. Not its profile, which only its own page shows.
 * - The **proper nouns** are what a citation's sentence case keeps in capitals: the names, short
 *   names and aliases of every group and place (src/data/citations.ts uses the same list).
 *
 * A thing a template starts to show that none of these holds needs adding here. What a key does
 * not hold, because Astro checks it itself: the route's code (components, layouts, styles and
 * scripts: the route's module graph hash), the configuration and the lock file (a change to
 * either discards every key), the code of MDX components (render hashes). The Markdown
 * pipeline's code is not seen by Astro's content store at all; `scripts/build.ts` renders
 * everything afresh when it changes. `tests/integration/incremental.test.ts` proves the whole: after
 * each kind of edit an incremental build equals a cold one, file by file.
 *
 * Cards and terms are hashed once per build, so a listing's key costs a hash of its hundred card
 * hashes.
 */
import { hashOf } from '../hash.ts';
import { properNouns } from '../citation/record.ts';
import type { CollectionName } from '../model/collections.ts';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../model/kinds.ts';
import type { FeedSpec } from '../outputs/feeds.ts';
import type { FeedFormat } from '../routes.ts';
import type { AnyTerm, Archive, Report, ReportVersion, TypeListing } from './build-archive.ts';
import type { ListingPage } from './pagination.ts';
import { isStale } from './record.ts';
import type { YearLink } from './years.ts';

/**
 * Raised when the rules below change in a way the code hash would not show (it always does
 * today: this module is in every keyed route's module graph). Part of every key.
 */
export const KEY_VERSION = 1;

export interface KeyInputs {
	archive: Archive;
	/**
	 * The digest Astro's content layer keeps for an entry: a hash of its file, frontmatter and
	 * body. Throws for an entry it does not know.
	 */
	digest(collection: CollectionName | 'versions', id: string): string;
	/** The moment the build is for (`BRIEF_BUILD_TIME`), for the outputs that print it. */
	now: Date;
	/** The site's settings (title, URL, publisher, …), which every page prints. */
	site: object;
	/**
	 * After how many years a report page shows the publisher's "not being updated" notice
	 * (`SITE.staleness.afterYears`): a page can turn stale with no edit at all, as time passes.
	 */
	staleAfterYears: number;
}

/** The keys of the dynamic routes, one function per route, given what the route's page is given. */
export interface CacheKeys {
	/** `/reports/<slug>/`. */
	reportPage(report: Report): string;
	/** `/reports/<slug>/v<n>/`: an earlier version, its kept text and the report it belongs to. */
	versionPage(report: Report, version: ReportVersion): string;
	/**
	 * `/files/<path>`: a file kept in the repository, served as it is. Undefined (always written)
	 * when the build could not read its hash.
	 */
	keptFile(path: string, format: string, sha256: string | undefined): string | undefined;
	/** `/reports/<slug>/cite.bib`, `cite.ris`, `cite.json`: made from the citation record alone. */
	citationFile(report: Report): string;
	/** `/<kind>/<slug>/`: the term's profile and the first page of its reports. */
	termPage(term: AnyTerm, first: ListingPage<Report>): string;
	/** `/<kind>/<slug>/<n>/`: a later page of a term's reports. */
	termListingPage(term: AnyTerm, page: ListingPage<Report>): string;
	/** `/<kind>/<slug>/feed.xml`, `atom.xml`, `feed.json`. */
	termFeed(feed: FeedSpec, format: FeedFormat): string;
	/** `/reports/<year>/` and its later pages. */
	yearPage(
		year: number,
		page: ListingPage<Report>,
		years: readonly YearLink[],
		newer: YearLink | undefined,
		older: YearLink | undefined,
	): string;
	/** `/types/<type>/` and its later pages. */
	typePage(listing: TypeListing, page: ListingPage<Report>): string;
	/** `/<kind>/`: every term of a kind with its number of reports. */
	taxonomyIndex(kind: TaxonomyKind): string;
}

/** A listing page's place in its listing: what its pager, title and range say. */
const pageFacts = (page: ListingPage<unknown>) => [
	page.number,
	page.count,
	page.total,
	page.from,
	page.to,
	page.base,
	page.path,
	page.prev ?? '',
	page.next ?? '',
];

/** The keys of one build's archive. */
export function cacheKeys(inputs: KeyInputs): CacheKeys {
	const { archive } = inputs;
	// In every key: the rules' version, the publish mode (a preview shows banners and badges) and
	// the site's settings.
	const base = hashOf(String(KEY_VERSION), archive.mode, JSON.stringify(inputs.site));

	const termHashes = new Map<AnyTerm, string>();
	/**
	 * A term as other pages show it: name, short name, aliases, address, the fields of its file
	 * (a person or a desk, an affiliation, a place's kind) and, for a place, the places that
	 * contain it (search filters and JSON-LD name them). Not its profile: only its own page shows
	 * that.
	 */
	function termHash(term: AnyTerm): string {
		let hash = termHashes.get(term);
		if (hash === undefined) {
			const parent = term.kind === 'regions' ? term.parent : undefined;
			hash = hashOf(
				JSON.stringify([term.kind, term.slug, term.url, term.name, term.aliases, term.data]),
				parent ? termHash(parent) : '',
			);
			termHashes.set(term, hash);
		}
		return hash;
	}

	// Every report and term of the build, to tell them apart inside a report's fields.
	const reportSet = new Set<unknown>(archive.bySlug.values());
	const termSet = new Set<unknown>(
		TAXONOMY_KINDS.flatMap((kind): readonly AnyTerm[] => archive[kind]),
	);

	/** A report's own fields as JSON, with every other report in them given by `other`. */
	const fieldsJson = (report: Report, other: (r: Report) => string) =>
		JSON.stringify(
			Object.entries(report)
				.filter(([name]) => name !== 'related')
				.sort(([a], [b]) => (a < b ? -1 : 1)),
			(_key, value: unknown) =>
				value === undefined
					? null
					: reportSet.has(value)
						? `report:${other(value as Report)}`
						: termSet.has(value)
							? `term:${termHash(value as AnyTerm)}`
							: value,
		);

	const shallowHashes = new Map<Report, string>();
	/**
	 * A report as another report's card names it (the report that supersedes it, those it
	 * supersedes): its own fields and terms, with the reports in them given by their slugs.
	 */
	function shallow(report: Report): string {
		let hash = shallowHashes.get(report);
		if (hash === undefined) {
			hash = hashOf(fieldsJson(report, (r) => r.slug));
			shallowHashes.set(report, hash);
		}
		return hash;
	}

	const cardHashes = new Map<Report, string>();
	/**
	 * A report as every other page shows it (cards, related reports, feeds, citations, the
	 * search facts, its versions' pages): every field of the `Report` but its related reports
	 * (only its own page shows those) and its body (seen through the digest). Terms anywhere in
	 * it (its own, its versions' authors) are given by their hashes, and other reports (the one
	 * that supersedes it, those it supersedes) by their own fields: so a field added to `Report`
	 * is in the card without a change here.
	 */
	function card(report: Report): string {
		let hash = cardHashes.get(report);
		if (hash === undefined) {
			hash = hashOf(fieldsJson(report, shallow));
			cardHashes.set(report, hash);
		}
		return hash;
	}
	const cards = (reports: readonly Report[]) => hashOf(...reports.map(card));

	// What a citation keeps in capitals: the names, short names and aliases of every group and
	// place (src/data/citations.ts builds its context from the same list).
	const nouns = hashOf(...properNouns([...archive.groups, ...archive.regions]));

	return {
		reportPage: (report) =>
			hashOf(
				base,
				'report',
				card(report),
				inputs.digest('reports', report.slug),
				cards(report.related),
				nouns,
				String(isStale(report, inputs.now, inputs.staleAfterYears)),
			),
		versionPage: (report, version) =>
			hashOf(
				base,
				'version',
				String(version.number),
				card(report),
				inputs.digest('versions', version.entryId),
				nouns,
			),
		keptFile: (path, format, sha256) =>
			sha256 === undefined ? undefined : hashOf(base, 'file', path, format, sha256),
		citationFile: (report) => hashOf(base, 'citation', card(report), nouns),
		termPage: (term, first) =>
			hashOf(
				base,
				'term',
				termHash(term),
				inputs.digest(term.kind, term.slug),
				String(term.reports.length),
				JSON.stringify(pageFacts(first)),
				cards(first.items),
				...(term.kind === 'regions' ? term.children.map(termHash) : []),
			),
		termListingPage: (term, page) =>
			hashOf(base, 'term-page', termHash(term), JSON.stringify(pageFacts(page)), cards(page.items)),
		termFeed: (feed, format) =>
			hashOf(
				base,
				'feed',
				format,
				// The feed is data made for the feed alone: every item as it is written.
				JSON.stringify(feed),
				// An empty Atom feed is dated by the build (src/lib/outputs/feeds.ts, atomFeed).
				format === 'atom' && feed.items.length === 0 ? inputs.now.toISOString() : '',
			),
		yearPage: (year, page, years, newer, older) =>
			hashOf(
				base,
				'year',
				String(year),
				JSON.stringify([pageFacts(page), years, newer ?? '', older ?? '']),
				cards(page.items),
			),
		typePage: (listing, page) =>
			hashOf(
				base,
				'type',
				JSON.stringify([listing.type, listing.url, pageFacts(page)]),
				cards(page.items),
			),
		taxonomyIndex: (kind) =>
			hashOf(
				base,
				'index',
				kind,
				...archive[kind].map((t: AnyTerm) => `${termHash(t)}:${t.reports.length}`),
			),
	};
}
