/**
 * Every URL the site links to is made here, so that a route changes in one place only. Paths end
 * with a slash, as the static build writes `<path>/index.html`.
 */
import type { TaxonomyKind } from './terms.ts';
import type { ReportType } from './report-types.ts';

/** `/reports/<slug>/`, with an optional heading anchor. */
export function reportPath(slug: string, fragment?: string): string {
	return `/reports/${slug}/${fragment ? `#${fragment}` : ''}`;
}

/** `/groups/<slug>/`, `/regions/<slug>/`, `/topics/<slug>/` or `/authors/<slug>/`. */
export function termPath(kind: TaxonomyKind, slug: string): string {
	return `/${kind}/${slug}/`;
}

/** `/groups/`, `/regions/`, … : the index of one taxonomy. */
export function taxonomyPath(kind: TaxonomyKind | 'types'): string {
	return `/${kind}/`;
}

/** `/types/<slug>/`. */
export function typePath(type: ReportType): string {
	return `/types/${type}/`;
}

/** An absolute URL on the site, for canonical links and citations. */
export function absoluteUrl(path: string, site: string | URL): string {
	return new URL(path, site).href;
}
