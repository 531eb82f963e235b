/**
 * Links inside reports and profiles, checked against the whole archive before anything is built:
 * a link to a report, a term or a heading that does not exist, or from a public report to one
 * that is not public yet, stops the build. Only the archive's own routes are checked (reports,
 * year pages, groups, regions, topics, authors, types); other paths and other sites are left alone.
 * Later pages of a listing (`/groups/is-k/2/`) are refused: what they show moves as reports are
 * published, so a link to them would soon point at other reports.
 */
import type { CollectionName } from '../model/collections.ts';
import { entryUrl, resolveContentLink } from '../markdown/content-links.ts';
import { didYouMean } from '../model/nearest.ts';
import type { Visibility } from '../model/publish.ts';
import { formatInstantUtc } from '../view/preview.ts';
import { KINDS, type TaxonomyKind } from '../model/kinds.ts';
import { parseSitePath } from '../routes.ts';

/** What links may lead to. */
export interface LinkTargets {
	/**
	 * Every report by slug, with whether it is public at build time (undefined when its fields are
	 * wrong: that is reported on its own).
	 */
	reports: ReadonlyMap<string, { visibility: Visibility | undefined }>;
	/** The slugs of every term, by taxonomy. */
	terms: Readonly<Record<TaxonomyKind, ReadonlySet<string>>>;
	/** The report types' slugs. */
	types: ReadonlySet<string>;
	/** The years with public reports: each has a page, `/reports/<year>/`. */
	years: ReadonlySet<number>;
	/** Earlier paths of reports (`aliases`), which keep working, mapped to the report's slug. */
	aliases: ReadonlyMap<string, string>;
	/** The ids on a report's page that a `#fragment` can name (headings, footnotes). */
	anchors(slug: string): Promise<ReadonlySet<string>>;
	/** The site's own origin, e.g. `https://archive.example.org`, so absolute links are checked too. */
	origin: string;
	/** Whether a path relative to the content directory is a file there (for relative links). */
	hasContentFile(path: string): boolean;
}

/** The entry a link is written in. */
export interface LinkSource {
	/** Relative to the content directory: `reports/a.md`. */
	path: string;
	collection: CollectionName;
	slug: string;
	/** Whether the page the link is on is public at build time. */
	public: boolean;
}

function decode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

function notPublic(visibility: Visibility): string {
	if (visibility.state === 'embargoed') {
		return `embargoed until ${formatInstantUtc(visibility.until)}`;
	}
	return 'a draft';
}

async function checkFragment(
	url: string,
	slug: string,
	fragment: string,
	targets: LinkTargets,
): Promise<string | undefined> {
	const anchors = await targets.anchors(slug);
	if (anchors.has(fragment)) return undefined;
	const hint = didYouMean(fragment, anchors, { always: false }).replace(/"([^"]+)"/g, '"#$1"');
	return `link "${url}" leads nowhere: the report ${slug} has no heading with the id "${fragment}"${hint ? `; ${hint}` : ''}`;
}

/** Checks a link to a report by slug, with an optional fragment. */
async function checkReport(
	url: string,
	slug: string,
	fragment: string | undefined,
	from: LinkSource,
	targets: LinkTargets,
): Promise<string | undefined> {
	const report = targets.reports.get(slug);
	if (!report) {
		const hint = didYouMean(slug, targets.reports.keys(), { always: false });
		return `link "${url}" leads nowhere: no report has the slug "${slug}"${hint ? `; ${hint}` : ''}`;
	}
	if (from.public && report.visibility && report.visibility.state !== 'public') {
		return `link "${url}" leads to a report that is not public (${notPublic(report.visibility)}); a public page cannot link to it until it is published`;
	}
	return fragment === undefined ? undefined : checkFragment(url, slug, fragment, targets);
}

/** Checks a path on this site: one of the archive's own routes, or an alias. */
async function checkSitePath(
	url: string,
	path: string,
	fragment: string | undefined,
	from: LinkSource,
	targets: LinkTargets,
): Promise<string | undefined> {
	const alias = targets.aliases.get(path) ?? targets.aliases.get(path.replace(/\/?$/, '/'));
	if (alias !== undefined) return checkReport(url, alias, fragment, from, targets);
	const parts = parseSitePath(path);
	if (!parts?.slug) return undefined; // another page, or an index page: /reports/
	const { section: route, slash, rest } = parts;
	const slug = decode(parts.slug);
	if (/^[0-9]+\/?$/.test(rest ?? '')) {
		return `link "${url}" points at a later page of a list, whose reports change as new ones are published; link to /${route}/${slug}/ instead`;
	}
	if (rest) return `link "${url}" leads nowhere: there are no pages below /${route}/${slug}/`;
	const missingSlash = slash
		? undefined
		: `link "${url}" needs the final slash: write /${route}/${slug}/`;
	if (route === 'reports' && /^[0-9]+$/.test(slug)) {
		if (targets.years.has(Number(slug))) return missingSlash;
		return `link "${url}" leads nowhere: no public report was published in ${slug}, so there is no page for that year`;
	}
	if (route === 'reports') {
		return (await checkReport(url, slug, fragment, from, targets)) ?? missingSlash;
	}
	const known: ReadonlySet<string> = route === 'types' ? targets.types : targets.terms[route];
	if (!known.has(slug)) {
		const noun = route === 'types' ? 'report type' : KINDS[route].noun;
		const hint = didYouMean(slug, known, { always: false });
		return `link "${url}" leads nowhere: no ${noun} has the slug "${slug}"${hint ? `; ${hint}` : ''}`;
	}
	return missingSlash;
}

/**
 * Checks one link written in `from`. Returns what is wrong with it, or undefined when it leads
 * somewhere that exists (or somewhere this check does not know about: another site, a file).
 */
export async function checkLink(
	url: string,
	from: LinkSource,
	targets: LinkTargets,
): Promise<string | undefined> {
	const href = url.trim();
	if (href === '') return `a link has no address`;
	// A fragment on the same page.
	if (href.startsWith('#')) {
		if (from.collection !== 'reports') return undefined;
		return checkFragment(href, from.slug, decode(href.slice(1)), targets);
	}
	// A relative link to a Markdown file of the archive.
	const target = resolveContentLink(from.path, href);
	if (target) {
		if (!target.entry || !targets.hasContentFile(target.path)) {
			return `link "${url}" leads nowhere: there is no ${target.path} in the content folder${target.entry ? '' : ' that the build reads (reports, groups, regions, topics, authors)'}`;
		}
		const { collection, slug } = target.entry;
		if (collection === 'reports') return checkReport(url, slug, target.fragment, from, targets);
		return checkSitePath(url, entryUrl(collection, slug), undefined, from, targets);
	}
	let absolute = href;
	if (absolute.startsWith(targets.origin + '/')) absolute = absolute.slice(targets.origin.length);
	if (absolute.startsWith('/') && !absolute.startsWith('//')) {
		const [beforeHash, hash] = absolute.split(/#(.*)/s) as [string, string?];
		const path = beforeHash.replace(/\?.*$/, '');
		return checkSitePath(url, path, hash ? decode(hash) : undefined, from, targets);
	}
	// Another site (https:, mailto:, …): not checked here.
	if (/^[a-z][a-z0-9+.-]*:/i.test(absolute) || absolute.startsWith('//')) return undefined;
	return `relative link "${url}" will not work on the site; link to a page by its path (/reports/<slug>/) or to another report's file (./<slug>.md)`;
}
