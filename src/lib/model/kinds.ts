/**
 * The taxonomy kinds, in one list: the groups, regions, topics and authors a report is filed
 * under, and what each kind has. Every other use derives from this list: the collections, the
 * alias tables, the routes, the feeds, the search facets, related reports, the scaffolds and the
 * pages' words.
 *
 * The derived lists are marked pure, so that browser bundles that import a type or a helper from
 * here do not carry the whole table.
 */

/** What one kind of term is and has. */
export interface KindInfo {
	/** The kind itself: `groups`, `regions`, `topics` or `authors`. */
	kind: string;
	/** The index page's title: "Armed groups". */
	title: string;
	/** A term's label: "Armed group". */
	singular: string;
	/** The kind in running text: "group" ("unknown group", "no group has the slug"). */
	noun: string;
	/** The index page's lede. */
	lede: string;
	/** The home page's browse heading: "By armed group". */
	browse: string;
	/**
	 * Whether each term has feeds (`/<kind>/<slug>/feed.xml`, …), and how a feed's description
	 * names what it follows: "New reports in Brief Archive on the armed group Taliban", "… by Jane
	 * Analyst".
	 */
	feed: string | false;
	/** The search facet (and URL parameter) that filters by this kind; authors are not one. */
	facet: string | false;
	/** How much a shared term of this kind makes two reports related; authors do not. */
	relatedWeight: number | false;
	/** Whether terms nest (a region has a parent region): a term's reports include its children's. */
	nested: boolean;
}

export const KINDS = {
	groups: {
		kind: 'groups',
		title: 'Armed groups',
		singular: 'Armed group',
		noun: 'group',
		lede: 'The armed groups our reports cover. Each is listed under one name; every spelling and acronym in use leads to the same page.',
		browse: 'By armed group',
		feed: 'on the armed group',
		facet: 'group',
		relatedWeight: 3,
		nested: false,
	},
	regions: {
		kind: 'regions',
		title: 'Regions',
		singular: 'Region',
		noun: 'region',
		lede: 'Countries, provinces and cities. A country’s page includes the reports on the places within it.',
		browse: 'By region',
		feed: 'on the region',
		facet: 'region',
		relatedWeight: 2,
		nested: true,
	},
	topics: {
		kind: 'topics',
		title: 'Topics',
		singular: 'Topic',
		noun: 'topic',
		lede: 'The themes that run across groups and places.',
		browse: 'By topic',
		feed: 'on the topic',
		facet: 'topic',
		relatedWeight: 1,
		nested: false,
	},
	authors: {
		kind: 'authors',
		title: 'Authors',
		singular: 'Author',
		noun: 'author',
		lede: 'The analysts and desks whose work the archive holds. Unsigned reports are listed under no author.',
		browse: 'By author',
		feed: 'by',
		facet: false,
		relatedWeight: false,
		nested: false,
	},
} as const satisfies Record<string, KindInfo>;

type Kinds = typeof KINDS;

/** `groups`, `regions`, `topics` or `authors`: also the folder under content/ and the URL segment. */
export type TaxonomyKind = keyof Kinds;

/** Every kind, in the order pages list them. */
export const TAXONOMY_KINDS = /* @__PURE__ */ Object.keys(KINDS) as TaxonomyKind[];

/** The kinds whose terms have feeds: groups, regions, topics and authors. */
export type FeedKind = {
	[K in TaxonomyKind]: Kinds[K]['feed'] extends string ? K : never;
}[TaxonomyKind];
export const FEED_KINDS = /* @__PURE__ */ TAXONOMY_KINDS.filter(
	(k): k is FeedKind => typeof KINDS[k].feed === 'string',
);

/** The kinds that are search facets: groups, regions and topics. */
export type FacetKind = {
	[K in TaxonomyKind]: Kinds[K]['facet'] extends string ? K : never;
}[TaxonomyKind];
export const FACET_KINDS = /* @__PURE__ */ TAXONOMY_KINDS.filter(
	(k): k is FacetKind => KINDS[k].facet !== false,
);

/** The facet of a kind: `group`, `region` or `topic`. */
export type TermFacet = Kinds[FacetKind]['facet'];

/** The kinds that make reports related (all but authors), heaviest first. */
export type RelatedKind = {
	[K in TaxonomyKind]: Kinds[K]['relatedWeight'] extends number ? K : never;
}[TaxonomyKind];
export const RELATED_KINDS = /* @__PURE__ */ TAXONOMY_KINDS.filter(
	(k): k is RelatedKind => KINDS[k].relatedWeight !== false,
).sort((a, b) => KINDS[b].relatedWeight - KINDS[a].relatedWeight);

/** Whether terms of `kind` have feeds. */
export function hasFeed(kind: TaxonomyKind): kind is FeedKind {
	return typeof KINDS[kind].feed === 'string';
}

/** Whether `kind` is a search facet. */
export function isFacetKind(kind: TaxonomyKind): kind is FacetKind {
	return KINDS[kind].facet !== false;
}

/** "Province in Afghanistan", "Country", "City in Pakistan". */
export function regionLabel(kind: string, parentName?: string): string {
	const noun = kind.charAt(0).toUpperCase() + kind.slice(1);
	return parentName ? `${noun} in ${parentName}` : noun;
}

/** A record with one value per kind, made by `make`. */
export function perKind<V>(make: (kind: TaxonomyKind) => V): Record<TaxonomyKind, V> {
	return Object.fromEntries(TAXONOMY_KINDS.map((kind) => [kind, make(kind)])) as Record<
		TaxonomyKind,
		V
	>;
}
