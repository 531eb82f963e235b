/**
 * What the home page offers to browse by: each kind of term that has a browse heading on it, and
 * the report types, with how many public reports each term or type has. Terms without reports are
 * left out; regions are listed by their top-level places (countries), whose pages include the
 * places within them.
 */
import type { Archive } from '../archive/build-archive.ts';
import { KINDS } from '../model/kinds.ts';

/** One link of a browse list: a term's or type's page, its name and its count. */
export interface BrowseItem {
	href: string;
	name: string;
	count: number;
}

/** One browse list, with the id its heading carries (`By-group`). */
export interface BrowseSection {
	id: string;
	heading: string;
	items: BrowseItem[];
}

/** The kinds the home page lists, in order; authors have their own index page instead. */
const HOME_KINDS = ['groups', 'regions', 'topics'] as const;

export function browseSections(
	archive: Pick<Archive, 'groups' | 'regions' | 'topics' | 'types'>,
): BrowseSection[] {
	const item = (t: { url: string; name: string; reports: readonly unknown[] }): BrowseItem => ({
		href: t.url,
		name: t.name,
		count: t.reports.length,
	});
	const terms = HOME_KINDS.map((kind) => ({
		id: `By-${KINDS[kind].noun}`,
		heading: KINDS[kind].browse,
		items: (kind === 'regions' ? archive.regions.filter((r) => !r.parent) : archive[kind])
			.map(item)
			.filter((i) => i.count > 0),
	}));
	const types = {
		id: 'By-type',
		heading: 'By type',
		items: archive.types
			.map((t) => ({ href: t.url, name: t.type.plural, count: t.reports.length }))
			.filter((i) => i.count > 0),
	};
	return [...terms, types];
}
