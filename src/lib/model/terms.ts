/**
 * Taxonomy terms and the one alias table.
 *
 * An author may refer to a term by its slug, its name or any alias ("ISKP", "IS-K", "Kundoz"),
 * in any case and with any punctuation or spacing. Every spelling resolves to the same entry; an
 * unknown one gets the nearest known terms as suggestions (`./nearest.ts`).
 */
import type { ContentIssue } from './content-error.ts';
import type { TaxonomyKind } from './kinds.ts';
import { nearestItems } from './nearest.ts';

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

/** Every spelling of a term: its slug, its name and its aliases. */
export function spellingsOf(term: Term): string[] {
	return [term.slug, term.name, ...term.aliases];
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
	/** The same, as the terms themselves. */
	nearest(spelling: string, max?: number): T[];
}

/** Two terms claiming one spelling: the issues, one per spelling, and a message listing them. */
export class AliasConflictError extends Error {
	readonly issues: readonly ContentIssue[];
	constructor(issues: readonly ContentIssue[]) {
		super(issues.map((i) => `${i.file}: ${i.message}`).join('\n'));
		this.name = 'AliasConflictError';
		this.issues = issues;
	}
}

/**
 * Builds the alias table of one taxonomy. A spelling that two terms claim cannot be resolved: each
 * such spelling is an issue (field `aliases`). Given an `issues` list, they are added to it and
 * the first term keeps the spelling; without one, they are thrown as an `AliasConflictError`.
 */
export function createAliasTable<T extends Term>(
	kind: TaxonomyKind,
	terms: readonly T[],
	issues?: ContentIssue[],
): AliasTable<T> {
	const bySpelling = new Map<string, T>();
	const conflicts: ContentIssue[] = [];
	for (const term of terms) {
		for (const spelling of spellingsOf(term)) {
			const key = termKey(spelling);
			if (!key) continue;
			const existing = bySpelling.get(key);
			if (existing && existing !== term) {
				conflicts.push({
					file: `content/${kind}`,
					field: 'aliases',
					message: `"${spelling}" names both ${existing.slug} and ${term.slug}; an alias must belong to one term`,
				});
				continue;
			}
			bySpelling.set(key, term);
		}
	}
	if (conflicts.length && !issues) throw new AliasConflictError(conflicts);
	issues?.push(...conflicts);

	const nearest = (spelling: string, max = 3) =>
		nearestItems<T>(spelling, terms, {
			max,
			spellings: spellingsOf,
			key: termKey,
			label: (t) => t.slug,
		});
	return {
		kind,
		terms,
		get: (spelling) => bySpelling.get(termKey(spelling)),
		nearest,
		suggest: (spelling, max) =>
			nearest(spelling, max).map((term) =>
				term.name === term.slug ? term.slug : `${term.slug} (${term.name})`,
			),
	};
}
