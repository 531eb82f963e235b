/**
 * Taxonomy terms and the one alias table.
 *
 * An author may refer to a term by its slug, its name or any alias ("ISKP", "IS-K", "Kundoz"),
 * in any case and with any punctuation or spacing. Every spelling resolves to the same entry; an
 * unknown one gets the nearest known terms as suggestions.
 */
import { distance } from 'fastest-levenshtein';

export type TaxonomyKind = 'groups' | 'regions' | 'topics' | 'authors';

/** What every taxonomy entry has in common. */
export interface Term {
	/** The permanent slug: the file name under content/<kind>/. */
	slug: string;
	name: string;
	aliases: readonly string[];
}

/**
 * The key under which a spelling is looked up: lower case, accents and apostrophes removed, any
 * run of other punctuation or space collapsed to one space. So "Al-Qa’ida", "al qa'ida" and
 * "AL-QAIDA" are one key ("al qaida"), as are "IS-K", "is k" and "IS K" ("is k").
 */
export function termKey(spelling: string): string {
	return spelling
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’ʼ‘`]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

export interface AliasTable<T extends Term> {
	readonly kind: TaxonomyKind;
	readonly terms: readonly T[];
	/** Finds a term by slug, name or alias, or returns undefined. */
	get(spelling: string): T | undefined;
	/**
	 * The known terms nearest to an unknown spelling, best first, as "slug (Name)": always the
	 * nearest, then up to `max` in all that are close enough to be plausible.
	 */
	suggest(spelling: string, max?: number): string[];
}

/**
 * Builds the alias table of one taxonomy. Throws if two terms claim the same spelling, because a
 * spelling that means two things cannot be resolved.
 */
export function createAliasTable<T extends Term>(
	kind: TaxonomyKind,
	terms: readonly T[],
): AliasTable<T> {
	const bySpelling = new Map<string, T>();
	const conflicts: string[] = [];
	for (const term of terms) {
		for (const spelling of [term.slug, term.name, ...term.aliases]) {
			const key = termKey(spelling);
			if (!key) continue;
			const existing = bySpelling.get(key);
			if (existing && existing !== term) {
				conflicts.push(
					`content/${kind}: "${spelling}" names both ${existing.slug} and ${term.slug}; an alias must belong to one term`,
				);
				continue;
			}
			bySpelling.set(key, term);
		}
	}
	if (conflicts.length) throw new Error(conflicts.join('\n'));

	return {
		kind,
		terms,
		get: (spelling) => bySpelling.get(termKey(spelling)),
		suggest(spelling, max = 3) {
			const key = termKey(spelling);
			const scored = new Map<T, number>();
			for (const [candidate, term] of bySpelling) {
				const score = distance(key, candidate) / Math.max(key.length, candidate.length, 1);
				const best = scored.get(term);
				if (best === undefined || score < best) scored.set(term, score);
			}
			const ranked = [...scored].sort((a, b) => a[1] - b[1] || a[0].slug.localeCompare(b[0].slug));
			// The nearest term always; others only while they are plausible misspellings too.
			return ranked
				.filter(([, score], i) => i === 0 || score <= 0.5)
				.slice(0, max)
				.map(([term]) => (term.name === term.slug ? term.slug : `${term.slug} (${term.name})`));
		},
	};
}
