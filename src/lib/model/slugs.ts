/**
 * Slugs: the file name of an entry is its permanent address (`/reports/<slug>/`). A slug is
 * lower-case letters, digits and hyphens, so that it reads the same in every URL, on every file
 * system and in every language setting.
 */
import { slug as githubSlug } from 'github-slugger';

/** Lower-case a–z and 0–9 words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a slug may contain, for error messages. */
export const SLUG_RULE =
	'a slug may use only lower-case a-z, digits 0-9 and single hyphens between words';

/**
 * The slug Astro derives from a file name (github-slugger, as Astro's glob loader does): two files
 * with the same derived slug would claim the same address.
 */
export function derivedSlug(name: string): string {
	return githubSlug(name);
}

/**
 * A valid slug close to a file name, to suggest: accents dropped, anything else between words
 * turned into a hyphen.
 */
export function suggestSlug(name: string): string {
	return (
		name
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.replace(/['’]/g, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'report'
	);
}

/**
 * Why a file name (without extension) is not a valid slug, or undefined when it is one.
 *
 * @param extension The file's extension, for the suggested new name: `md`.
 */
export function slugProblem(name: string, extension: string): string | undefined {
	if (SLUG_PATTERN.test(name)) return undefined;
	return `"${name}" is not a valid slug: ${SLUG_RULE}; rename the file to ${suggestSlug(name)}.${extension}`;
}

/**
 * Why a report's file name cannot be its slug although it is a valid slug, or undefined. Report
 * addresses share `/reports/` with the year pages (`/reports/2022/`), so a report's name may not
 * be digits alone (`2022-review` is fine).
 */
export function reportSlugProblem(name: string, extension: string): string | undefined {
	if (!/^[0-9]+$/.test(name)) return undefined;
	return `"${name}" is digits alone, and /reports/<digits>/ is kept for the year pages (/reports/2022/ lists the reports of 2022); a report's file name may use digits, but not digits alone; rename the file, e.g. to report-${name}.${extension}`;
}

/**
 * Groups of files that claim the same address: the same slug once case is ignored (`Brief.md`
 * and `brief.md`, `brief.md` and `brief.mdx`). Each group lists its files in the given order.
 */
export function duplicateSlugs<F extends { name: string }>(files: readonly F[]): F[][] {
	const bySlug = new Map<string, F[]>();
	for (const file of files) {
		const key = derivedSlug(file.name).toLowerCase();
		const list = bySlug.get(key);
		if (list) list.push(file);
		else bySlug.set(key, [file]);
	}
	return [...bySlug.values()].filter((list) => list.length > 1);
}
