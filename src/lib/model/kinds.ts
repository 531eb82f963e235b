/** How each taxonomy presents itself on its index and term pages. */
import type { TaxonomyKind } from './terms.ts';

export interface TaxonomyInfo {
	kind: TaxonomyKind;
	/** The index page's title: "Armed groups". */
	title: string;
	/** A term's label: "Armed group". */
	singular: string;
	/** The index page's lede. */
	lede: string;
}

export const TAXONOMIES: Record<TaxonomyKind, TaxonomyInfo> = {
	groups: {
		kind: 'groups',
		title: 'Armed groups',
		singular: 'Armed group',
		lede: 'The armed groups our reports cover. Each is listed under one name; every spelling and acronym in use leads to the same page.',
	},
	regions: {
		kind: 'regions',
		title: 'Regions',
		singular: 'Region',
		lede: 'Countries, provinces and cities. A country’s page includes the reports on the places within it.',
	},
	topics: {
		kind: 'topics',
		title: 'Topics',
		singular: 'Topic',
		lede: 'The themes that run across groups and places.',
	},
	authors: {
		kind: 'authors',
		title: 'Authors',
		singular: 'Author',
		lede: 'The analysts and desks whose work the archive holds. Unsigned reports are listed under no author.',
	},
};

export const TAXONOMY_KINDS = Object.keys(TAXONOMIES) as TaxonomyKind[];

/** "Province in Afghanistan", "Country", "City in Pakistan". */
export function regionLabel(kind: string, parentName?: string): string {
	const noun = kind.charAt(0).toUpperCase() + kind.slice(1);
	return parentName ? `${noun} in ${parentName}` : noun;
}
