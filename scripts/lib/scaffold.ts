/**
 * What `npm run new` and `npm run new:term` write, as pure functions: the slug a title gives, the
 * resolution of the terms an author names (through the one alias table, `./terms.ts`), and the
 * text of a new report or term file. `scripts/new.ts` and `scripts/new-term.ts` add the terminal
 * and the file system.
 */
import { readFrontmatter } from '../../src/lib/checks/frontmatter.ts';
import { REPORT_TYPES, type ReportType } from '../../src/lib/model/report-types.ts';
import { derivedSlug } from '../../src/lib/model/slugs.ts';
import { KINDS, perKind, TAXONOMY_KINDS, type TaxonomyKind } from '../../src/lib/model/kinds.ts';
import { createAliasTable, type AliasTable, type Term } from '../../src/lib/model/terms.ts';

/** Letters that Unicode does not decompose into a base letter and an accent. */
const LETTERS: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
};

/** The longest slug `slugFromTitle` makes; longer titles are cut at a word. */
export const MAX_SLUG_LENGTH = 80;

/**
 * The slug of a title: accents transliterated (`Kandahār` → `kandahar`, `Straße` → `strasse`),
 * apostrophes dropped (`Taliban’s` → `talibans`), any other run of characters outside a–z and 0–9
 * turned into one hyphen, and cut at a word to at most {@link MAX_SLUG_LENGTH} characters.
 * Returns `''` when the title has no letter or digit a slug can use.
 */
export function slugFromTitle(title: string): string {
	const slug = title
		.toLowerCase()
		.replace(/[ßæœøłđðþı]/g, (c) => LETTERS[c] ?? c)
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/['’ʼ‘`]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= MAX_SLUG_LENGTH) return slug;
	const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
	const atWord = cut.lastIndexOf('-');
	return (atWord > 0 ? cut.slice(0, atWord) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/**
 * Whether a slug is already the address of an entry in a folder whose entries are `existing`
 * (file names with extension): slugs ignore case and extension, as the build does.
 */
export function slugTaken(slug: string, existing: readonly string[]): boolean {
	const wanted = derivedSlug(slug).toLowerCase();
	return existing.some(
		(file) => derivedSlug(file.replace(/\.[^.]*$/, '')).toLowerCase() === wanted,
	);
}

/** A term as read from its file, for the alias table and for offering it to an author. */
export interface KnownTerm extends Term {
	kind: TaxonomyKind;
}

/**
 * Reads the terms of one taxonomy from its files (`name` → text). A file whose frontmatter cannot
 * be read, or has no name, is offered by its slug alone: `npm run check:content` reports it.
 */
export function readTerms(
	kind: TaxonomyKind,
	files: readonly { slug: string; text: string }[],
): KnownTerm[] {
	return files.map(({ slug, text }) => {
		const fm = readFrontmatter(text);
		const data = 'data' in fm ? fm.data : {};
		const name = typeof data.name === 'string' && data.name.trim() ? data.name.trim() : slug;
		const aliases = Array.isArray(data.aliases)
			? data.aliases.filter((a): a is string => typeof a === 'string')
			: [];
		return { kind, slug, name, aliases };
	});
}

/** An author's spelling that no term answers to, with the nearest known terms. */
export interface UnknownTerm {
	spelling: string;
	suggestions: string[];
}

/**
 * Resolves what an author typed (slugs, names or aliases, in any case) to slugs through the alias
 * table, keeping their order and dropping repeats; lists the spellings it does not know.
 */
export function resolveTerms<T extends Term>(
	table: AliasTable<T>,
	spellings: readonly string[],
): { slugs: string[]; unknown: UnknownTerm[] } {
	const slugs: string[] = [];
	const unknown: UnknownTerm[] = [];
	for (const spelling of spellings.map((s) => s.trim()).filter(Boolean)) {
		const term = table.get(spelling);
		if (term) {
			if (!slugs.includes(term.slug)) slugs.push(term.slug);
		} else unknown.push({ spelling, suggestions: table.suggest(spelling) });
	}
	return { slugs, unknown };
}

/** The alias tables of the four taxonomies, built from their terms. */
export function aliasTables(
	terms: Readonly<Record<TaxonomyKind, readonly KnownTerm[]>>,
): Record<TaxonomyKind, AliasTable<KnownTerm>> {
	return perKind((kind) => createAliasTable(kind, terms[kind]));
}

/** How a term is offered to pick from: `is-k  Islamic State Khorasan Province (also ISKP, IS-K)`. */
export function describeTerm(term: Term): string {
	const also = term.aliases.filter((a) => a !== term.name && a !== term.slug);
	const name = term.name === term.slug ? '' : `  ${term.name}`;
	return `${term.slug}${name}${also.length ? ` (also ${also.join(', ')})` : ''}`;
}

/** Splits a comma-separated answer or flag value into spellings: `"IS-K, Taliban"`. */
export function splitList(values: readonly string[]): string[] {
	return values
		.flatMap((v) => v.split(','))
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Today's date at day precision (`YYYY-MM-DD`) in the given time zone (default: the system's). */
export function todayIso(now: Date = new Date(), timeZone?: string): string {
	// en-CA formats dates as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(now);
}

/** Whether a value is one of the report types. */
export function isReportType(value: string): value is ReportType {
	return (REPORT_TYPES as readonly string[]).includes(value);
}

/** The headings of a new report's body, by type, each with a line saying what goes there. */
export const SKELETONS: Readonly<Record<ReportType, readonly [string, string][]>> = {
	brief: [
		['Summary', 'The development and what it means, in a paragraph.'],
		[
			'Key judgments',
			'Each judgment with how likely it is and how confident you are: "We assess with moderate confidence that … is likely".',
		],
		['Discussion', 'The evidence and reasoning behind the judgments.'],
		['Outlook', 'What to expect next, and the signs to watch for.'],
	],
	analysis: [
		['Summary', 'The argument in a paragraph.'],
		['Background', 'What a reader needs to know first.'],
		['Analysis', 'The evidence and reasoning, in as many sections as it needs.'],
		['Outlook', 'What to expect next, and the signs to watch for.'],
	],
	'special-report': [
		['Executive summary', 'The findings in a few paragraphs.'],
		['Key findings', 'One finding per list item.'],
		['Background', 'What a reader needs to know first.'],
		['Findings', 'The evidence, in as many sections as it needs.'],
		['Recommendations', 'What should be done, and by whom.'],
		['Methodology', 'Sources, period covered and limits.'],
	],
	backgrounder: [
		['Overview', 'Who or what this is, in a paragraph.'],
		['Origins', 'How it came to be.'],
		['Structure and leadership', 'How it is organised and who leads it.'],
		['Areas of operation', 'Where it is active.'],
		['Current situation', 'Where things stand now.'],
	],
};

/** YAML for a string: double-quoted, so that colons, `#` and dates keep their meaning. */
const yamlString = (value: string) => JSON.stringify(value);

function yamlList(field: string, values: readonly string[]): string {
	return values.length ? `${field}:\n${values.map((v) => `  - ${v}\n`).join('')}` : '';
}

/** What a new report is made of. */
export interface NewReport {
	title: string;
	type: ReportType;
	/** Today, `YYYY-MM-DD`. */
	date: string;
	/** Slugs, already resolved. */
	groups: readonly string[];
	regions: readonly string[];
	topics: readonly string[];
	authors: readonly string[];
}

/** The placeholder summary of a new report: valid, and plainly a placeholder. */
export const SUMMARY_PLACEHOLDER =
	'Draft: replace this with one or two sentences for listings, feeds and search results.';

/**
 * The text of a new report file: a draft dated today (quoted, at day precision), with the terms
 * by slug and a body skeleton suited to its type. It passes the content checks as it is.
 */
export function renderReport(report: NewReport): string {
	const body = SKELETONS[report.type]
		.map(([heading, hint]) => `## ${heading}\n\n${hint}\n`)
		.join('\n');
	return (
		'---\n' +
		`title: ${yamlString(report.title)}\n` +
		`summary: ${yamlString(SUMMARY_PLACEHOLDER)}\n` +
		`type: ${report.type}\n` +
		'# draft: seen by no reader until you change it to published\n' +
		'status: draft\n' +
		`published: ${yamlString(report.date)}\n` +
		yamlList('authors', report.authors) +
		yamlList('groups', report.groups) +
		yamlList('regions', report.regions) +
		yamlList('topics', report.topics) +
		'---\n\n' +
		body
	);
}

/** The taxonomies `npm run new:term` adds to, by the singular an author types: `group`, …. */
export const TERM_KINDS: Readonly<Record<string, TaxonomyKind>> = Object.fromEntries(
	TAXONOMY_KINDS.map((kind) => [KINDS[kind].noun, kind]),
);

/** What a new term is made of. Fields that do not apply to its taxonomy are ignored. */
export interface NewTerm {
	kind: TaxonomyKind;
	name: string;
	aliases: readonly string[];
	/** Groups: the short form for tight spaces. */
	shortName?: string | undefined;
	/** Regions: country, province or city; authors: person or desk. */
	subkind?: string | undefined;
	/** Regions: the slug of the containing region, already resolved. */
	parent?: string | undefined;
	/** Authors: the organisation. */
	affiliation?: string | undefined;
}

const TERM_BODY: Readonly<Record<TaxonomyKind, string>> = {
	groups: 'A short, neutral profile of the group.',
	regions: 'A short profile of the place.',
	topics: 'A short description of the topic.',
	authors: 'A short biography.',
};

/** The text of a new term file; it passes the content checks as it is. */
export function renderTerm(term: NewTerm): string {
	const lines = [`name: ${yamlString(term.name)}`];
	if (term.kind === 'groups' && term.shortName)
		lines.push(`shortName: ${yamlString(term.shortName)}`);
	if (term.kind === 'regions' || term.kind === 'authors') {
		lines.push(`kind: ${term.subkind ?? (term.kind === 'regions' ? 'country' : 'person')}`);
	}
	if (term.kind === 'regions' && term.parent) lines.push(`parent: ${term.parent}`);
	if (term.kind === 'authors' && term.affiliation) {
		lines.push(`affiliation: ${yamlString(term.affiliation)}`);
	}
	if (term.aliases.length) {
		lines.push('aliases:', ...term.aliases.map((a) => `  - ${yamlString(a)}`));
	}
	return `---\n${lines.join('\n')}\n---\n\n${TERM_BODY[term.kind]}\n`;
}
