/**
 * The machine-readable head of a page: Open Graph and Twitter card tags on every page, Google
 * Scholar (Highwire Press) `citation_*` tags on reports, and schema.org JSON-LD on reports and
 * term pages. Pure builders: the layouts only print what they return.
 */
import type { AnyTerm, Report } from '../archive/build-archive.ts';
import { credits, originalPublisher, type Credit } from '../archive/credits.ts';
import type { PartialDate } from '../model/dates.ts';
import { absoluteUrl } from '../routes.ts';

/** A `<meta>` tag: `name` for Twitter and Highwire tags, `property` for Open Graph. */
export type MetaTag = { name: string; content: string } | { property: string; content: string };

/** Site-wide facts the metadata needs. */
export interface MetaSite {
	url: string;
	title: string;
	publisher: string;
	lang: string;
}

/** What a page says about itself to link previews. */
export interface PageMetaInput {
	/** The page title without the site name; the site name on the home page. */
	title: string;
	description: string;
	/** The page's absolute URL where this build serves it (og:url). */
	canonical: string;
	/** `article` for a report, `website` for everything else. */
	type: 'website' | 'article';
	/** The preview image: absolute URL, pixel size and a text alternative. */
	image: { url: string; width: number; height: number; alt: string };
	/** For articles: publication and update dates, at their precision. */
	published?: PartialDate | undefined;
	modified?: PartialDate | undefined;
}

/** Open Graph and Twitter card tags. A page with a large image gets a large card. */
export function pageMeta(page: PageMetaInput, site: MetaSite): MetaTag[] {
	const tags: MetaTag[] = [
		{ property: 'og:site_name', content: site.title },
		{ property: 'og:type', content: page.type },
		{ property: 'og:title', content: page.title },
		{ property: 'og:description', content: page.description },
		{ property: 'og:url', content: page.canonical },
		{ property: 'og:image', content: page.image.url },
		{ property: 'og:image:type', content: 'image/png' },
		{ property: 'og:image:width', content: String(page.image.width) },
		{ property: 'og:image:height', content: String(page.image.height) },
		{ property: 'og:image:alt', content: page.image.alt },
	];
	if (page.type === 'article' && page.published) {
		tags.push({ property: 'article:published_time', content: page.published.iso });
		if (page.modified) tags.push({ property: 'article:modified_time', content: page.modified.iso });
	}
	tags.push(
		{ name: 'twitter:card', content: 'summary_large_image' },
		{ name: 'twitter:title', content: page.title },
		{ name: 'twitter:description', content: page.description },
		{ name: 'twitter:image', content: page.image.url },
		{ name: 'twitter:image:alt', content: page.image.alt },
	);
	return tags;
}

/** A date as Highwire's `citation_publication_date` wants it: `2022`, `2022/05` or `2022/05/07`. */
export function citationDate(date: PartialDate): string {
	return date.iso.replaceAll('-', '/');
}

/**
 * Google Scholar tags for a report. Each credited author is its own `citation_author`, named as
 * every other output names it (`../archive/credits.ts`: a desk by its byline, an unsigned report
 * by its publisher as group author). The publisher and the technical-report institution are the
 * original publisher; the report number, series and DOI go in their own tags when known.
 */
export function citationMeta(report: Report, site: MetaSite): MetaTag[] {
	const publisher = originalPublisher(report, site.publisher);
	const authors = [...new Set(credits(report, site.publisher).map((c) => c.name))];
	const pdf =
		report.attachments.find((a) => a.format === 'pdf' && a.fullText) ??
		report.attachments.find((a) => a.format === 'pdf');
	const tags: MetaTag[] = [
		{ name: 'citation_title', content: report.title },
		...authors.map((name) => ({ name: 'citation_author', content: name })),
		{ name: 'citation_publication_date', content: citationDate(report.published) },
		{ name: 'citation_publisher', content: publisher },
		{ name: 'citation_technical_report_institution', content: publisher },
		{ name: 'citation_language', content: site.lang },
		{ name: 'citation_abstract_html_url', content: absoluteUrl(report.url, site.url) },
	];
	if (report.number !== undefined) {
		tags.push({ name: 'citation_technical_report_number', content: report.number });
	}
	if (report.series) tags.push({ name: 'citation_series_title', content: report.series.name });
	if (report.series?.volume) tags.push({ name: 'citation_volume', content: report.series.volume });
	if (report.series?.issue) tags.push({ name: 'citation_issue', content: report.series.issue });
	if (report.doi) tags.push({ name: 'citation_doi', content: report.doi });
	if (pdf) tags.push({ name: 'citation_pdf_url', content: absoluteUrl(pdf.href, site.url) });
	return tags;
}

/** A JSON-LD node. */
export type JsonLd = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | boolean | JsonLd | JsonLdValue[];

const CONTEXT = 'https://schema.org';

function organisation(name: string, url?: string): JsonLd {
	return { '@type': 'Organization', name, ...(url ? { url } : {}) };
}

function creditNode(credit: Credit, site: MetaSite): JsonLd {
	const url = credit.url ? { url: absoluteUrl(credit.url, site.url) } : {};
	const affiliation = credit.affiliation ? organisation(credit.affiliation) : undefined;
	if (credit.kind === 'person') {
		return {
			'@type': 'Person',
			name: credit.name,
			...url,
			...(affiliation ? { affiliation } : {}),
		};
	}
	// A desk is an institutional byline: an organisation, part of the one it writes for.
	return {
		'@type': 'Organization',
		name: credit.name,
		...url,
		...(affiliation ? { parentOrganization: affiliation } : {}),
	};
}

/** The schema.org type of a region by its kind. */
const PLACE_TYPES = { country: 'Country', province: 'AdministrativeArea', city: 'City' } as const;

/** A term as a schema.org node: a group is an Organization, a region a Place, a topic a DefinedTerm. */
export function termNode(term: AnyTerm, site: MetaSite): JsonLd {
	const common = {
		name: term.name,
		url: absoluteUrl(term.url, site.url),
		...(term.aliases.length ? { alternateName: [...term.aliases] } : {}),
	};
	switch (term.kind) {
		case 'groups':
			return { '@type': 'Organization', ...common };
		case 'regions':
			return {
				'@type': PLACE_TYPES[term.data.kind],
				...common,
				...(term.parent
					? {
							containedInPlace: {
								'@type': PLACE_TYPES[term.parent.data.kind],
								name: term.parent.name,
								url: absoluteUrl(term.parent.url, site.url),
							},
						}
					: {}),
			};
		case 'topics':
			return { '@type': 'DefinedTerm', ...common };
		case 'authors':
			return term.data.kind === 'person'
				? { '@type': 'Person', ...common }
				: { '@type': 'Organization', ...common };
	}
}

/** JSON-LD for a term page: the term itself, with its other names. */
export function termJsonLd(term: AnyTerm, site: MetaSite): JsonLd {
	return { '@context': CONTEXT, ...termNode(term, site) };
}

/**
 * JSON-LD for a report: a schema.org `Report`. `publisher` is the original publisher and
 * `isBasedOn` the original page; `sdPublisher` is this archive, which wrote the markup. Dates are
 * ISO 8601 at their precision ("2022-05" is a valid ISO 8601 date); `dateModified` is the last
 * correction or update (the publication date when there was none), and each correction is a
 * `CorrectionComment`. The report number, series, DOI, version and standing (superseded,
 * withdrawn) are given when there are any.
 */
export function reportJsonLd(report: Report, site: MetaSite, image: string): JsonLd {
	const url = absoluteUrl(report.url, site.url);
	const about = [...report.groups, ...report.regions].map((t) => {
		const node = termNode(t, site);
		delete node.alternateName;
		return node;
	});
	const node: JsonLd = {
		'@context': CONTEXT,
		'@type': 'Report',
		'@id': url,
		url,
		headline: report.title,
		name: report.title,
		description: report.summary,
		genre: report.type.name,
		inLanguage: site.lang,
		image,
		author: credits(report, site.publisher).map((c) => creditNode(c, site)),
		publisher: organisation(originalPublisher(report, site.publisher)),
		sdPublisher: organisation(site.publisher, absoluteUrl('/', site.url)),
		datePublished: report.published.iso,
		dateModified: (report.lastModified ?? report.published).iso,
		isAccessibleForFree: true,
	};
	if (about.length) node.about = about;
	if (report.topics.length) node.keywords = report.topics.map((t) => t.name);
	if (report.source?.url) node.isBasedOn = report.source.url;
	if (report.number !== undefined) node.reportNumber = report.number;
	if (report.series) {
		node.isPartOf = {
			'@type': 'CreativeWorkSeries',
			name: report.series.name,
			...(report.series.volume ? { volumeNumber: report.series.volume } : {}),
			...(report.series.issue ? { issueNumber: report.series.issue } : {}),
		};
	}
	if (report.doi) {
		node.identifier = { '@type': 'PropertyValue', propertyID: 'DOI', value: report.doi };
		node.sameAs = `https://doi.org/${report.doi}`;
	}
	if (report.versions.length) node.version = report.versions.length + 1;
	const corrections = report.changes.filter((c) => c.kind === 'correction');
	if (corrections.length) {
		node.correction = corrections.map((c) => ({
			'@type': 'CorrectionComment',
			datePublished: c.date.iso,
			text: `It said: ${c.was} It now says: ${c.now}`,
		}));
	}
	if (report.standing.state !== 'current') {
		node.creativeWorkStatus = report.standing.state === 'withdrawn' ? 'Withdrawn' : 'Superseded';
	}
	const files = report.attachments.map((a) => ({
		'@type': 'MediaObject',
		name: a.title,
		contentUrl: absoluteUrl(a.href, site.url),
		encodingFormat: a.format === 'pdf' ? 'application/pdf' : a.format,
		...(a.kept?.sha256 ? { sha256: a.kept.sha256 } : {}),
		...(a.size !== undefined ? { contentSize: `${a.size} B` } : {}),
	}));
	if (files.length) node.associatedMedia = files;
	return node;
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`. `<`, `>` and `&` are written
 * as JSON escapes, so no string in the data (a title containing `</script>`, say) can end the
 * script element or open a comment; U+2028 and U+2029 are escaped for old JavaScript parsers.
 */
export function jsonLdScript(data: JsonLd): string {
	return JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}
