/**
 * Shared helpers for the browser tests: the seed content read straight from content/ (so the
 * expectations come from the authors' files, not from the code under test), and the helpers the
 * listings tests share. The pages the sweeps visit come from the built sitemap (tests/built/dist.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { LISTING_PAGE_SIZE } from '../../src/lib/archive/pagination.ts';

/** The four seed reports, newest first. The suite fails if one of them disappears. */
export const SEED_SLUGS = [
	'afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells',
	'is-k-seeks-to-undermine-the-taliban',
	'emergence-and-expansion-of-isis-k-and-the-taliban',
	'rise-of-the-islamic-state-in-afghanistan',
] as const;

/** The report whose full text is a PDF; its page is a summary. */
export const PDF_ONLY_SLUG = 'rise-of-the-islamic-state-in-afghanistan';

export const TERM_KINDS = ['groups', 'regions', 'topics', 'authors'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** The closed set of report types, each with a `/types/<slug>/` page. */
export const REPORT_TYPES = ['brief', 'analysis', 'special-report', 'backgrounder'] as const;

export interface SeedAttachment {
	title: string;
	url: string;
	format: string;
	fullText: boolean;
}

export interface SeedReport {
	slug: string;
	url: string;
	title: string;
	summary: string;
	type: string;
	status: string;
	/** When an embargoed report becomes public, if it is embargoed. */
	embargo: Date | undefined;
	/** As written: `2022`, `2022-05` or `2022-05-07`. */
	published: string;
	authors: string[];
	groups: string[];
	regions: string[];
	topics: string[];
	source: { publisher: string; url: string | undefined } | undefined;
	attachments: SeedAttachment[];
	/** The Markdown body, frontmatter removed. */
	body: string;
}

export interface SeedTerm {
	kind: TermKind;
	slug: string;
	url: string;
	name: string;
	shortName: string | undefined;
	aliases: string[];
	/** Regions only: the slug of the region this one lies in. */
	parent: string | undefined;
}

export interface SeedContent {
	reports: SeedReport[];
	terms: Record<TermKind, SeedTerm[]>;
}

const CONTENT_DIR = path.resolve(import.meta.dirname, '../../content');

type Data = Record<string, unknown>;

/** Splits a Markdown file into its YAML frontmatter (parsed) and its body. */
export function splitFrontmatter(text: string, file: string): { data: Data; body: string } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
	if (!match) throw new Error(`${file}: no frontmatter`);
	const data: unknown = parse(match[1] ?? '');
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new Error(`${file}: frontmatter is not a mapping`);
	}
	return { data: data as Data, body: match[2] ?? '' };
}

function str(data: Data, key: string, file: string): string {
	const value = data[key];
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	throw new Error(`${file}: ${key} is not a string`);
}

function optStr(data: Data, key: string, file: string): string | undefined {
	return data[key] === undefined || data[key] === null ? undefined : str(data, key, file);
}

function strList(data: Data, key: string): string[] {
	const value = data[key];
	return Array.isArray(value) ? value.map(String) : [];
}

function dateOf(value: unknown): Date | undefined {
	if (value instanceof Date) return value;
	return typeof value === 'string' ? new Date(value) : undefined;
}

function markdownFiles(dir: string): string[] {
	return readdirSync(path.join(CONTENT_DIR, dir))
		.filter((f) => /\.mdx?$/.test(f))
		.sort()
		.map((f) => path.join(CONTENT_DIR, dir, f));
}

const slugOf = (file: string) => path.basename(file).replace(/\.mdx?$/, '');

function readReport(file: string): SeedReport {
	const { data, body } = splitFrontmatter(readFileSync(file, 'utf8'), file);
	const slug = slugOf(file);
	const source = data['source'] as Data | undefined;
	const attachments = Array.isArray(data['attachments'])
		? (data['attachments'] as Data[]).map((a) => ({
				title: str(a, 'title', file),
				url: str(a, 'url', file),
				format: str(a, 'format', file),
				fullText: a['fullText'] === true,
			}))
		: [];
	return {
		slug,
		url: `/reports/${slug}/`,
		title: str(data, 'title', file),
		summary: str(data, 'summary', file),
		type: str(data, 'type', file),
		status: optStr(data, 'status', file) ?? 'draft',
		embargo: dateOf(data['embargo']),
		published: str(data, 'published', file),
		authors: strList(data, 'authors'),
		groups: strList(data, 'groups'),
		regions: strList(data, 'regions'),
		topics: strList(data, 'topics'),
		source: source
			? { publisher: str(source, 'publisher', file), url: optStr(source, 'url', file) }
			: undefined,
		attachments,
		body,
	};
}

function readTerm(kind: TermKind, file: string): SeedTerm {
	const { data } = splitFrontmatter(readFileSync(file, 'utf8'), file);
	const slug = slugOf(file);
	return {
		kind,
		slug,
		url: `/${kind}/${slug}/`,
		name: str(data, 'name', file),
		shortName: optStr(data, 'shortName', file),
		aliases: strList(data, 'aliases'),
		parent: optStr(data, 'parent', file),
	};
}

/** A spelling's lookup key: case, accents, apostrophes and punctuation ignored ("IS-K" = "is k"). */
function spellingKey(spelling: string): string {
	return spelling
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’ʼ‘`]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * The slugs a report's references name. In the seed content every reference is a slug; an author
 * may also write a term's name or an alias, so those resolve too. An unknown one fails loudly.
 */
function resolveRefs(terms: SeedTerm[], refs: string[], where: string): string[] {
	const slugs: string[] = [];
	for (const ref of refs) {
		const found =
			terms.find((t) => t.slug === ref) ??
			terms.find((t) =>
				[t.slug, t.name, ...t.aliases].some((s) => spellingKey(s) === spellingKey(ref)),
			);
		if (!found) throw new Error(`${where}: "${ref}" names no term`);
		if (!slugs.includes(found.slug)) slugs.push(found.slug);
	}
	return slugs;
}

let cached: SeedContent | undefined;

/** Every published report (its references resolved to slugs) and every term in content/. */
export function content(): SeedContent {
	if (cached) return cached;
	const terms: Record<TermKind, SeedTerm[]> = {
		groups: markdownFiles('groups').map((f) => readTerm('groups', f)),
		regions: markdownFiles('regions').map((f) => readTerm('regions', f)),
		topics: markdownFiles('topics').map((f) => readTerm('topics', f)),
		authors: markdownFiles('authors').map((f) => readTerm('authors', f)),
	};
	const reports = markdownFiles('reports')
		.map(readReport)
		// Public: published, and any embargo passed (the build ran before these tests).
		.filter((r) => r.status === 'published' && !(r.embargo && r.embargo.getTime() > Date.now()))
		.map((r) => {
			const where = `content/reports/${r.slug}.md`;
			return {
				...r,
				authors: resolveRefs(terms.authors, r.authors, `${where} authors`),
				groups: resolveRefs(terms.groups, r.groups, `${where} groups`),
				regions: resolveRefs(terms.regions, r.regions, `${where} regions`),
				topics: resolveRefs(terms.topics, r.topics, `${where} topics`),
			};
		});
	cached = { reports, terms };
	return cached;
}

export function report(slug: string): SeedReport {
	const found = content().reports.find((r) => r.slug === slug);
	if (!found) throw new Error(`no published report content/reports/${slug}.md`);
	return found;
}

export function term(kind: TermKind, slug: string): SeedTerm {
	const found = content().terms[kind].find((t) => t.slug === slug);
	if (!found) throw new Error(`no term content/${kind}/${slug}.md`);
	return found;
}

/** A region and every region inside it, at any depth. */
export function regionAndDescendants(slug: string): Set<string> {
	const regions = content().terms.regions;
	const found = new Set([slug]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const r of regions) {
			if (r.parent && found.has(r.parent) && !found.has(r.slug)) {
				found.add(r.slug);
				grew = true;
			}
		}
	}
	return found;
}

/** Newest first, a less precise date counting as the start of its period; then by title. */
export function compareNewestFirst(a: SeedReport, b: SeedReport): number {
	const parts = (iso: string) => iso.split('-').map(Number);
	const [ay = 0, am = 0, ad = 0] = parts(a.published);
	const [by = 0, bm = 0, bd = 0] = parts(b.published);
	return by - ay || bm - am || bd - ad || a.title.localeCompare(b.title, 'en');
}

/** The URLs of the reports a term page or type page should list, newest first. */
export function expectedReportUrls(kind: TermKind | 'types', slug: string): string[] {
	const { reports } = content();
	let matches: (r: SeedReport) => boolean;
	if (kind === 'types') matches = (r) => r.type === slug;
	else if (kind === 'regions') {
		const places = regionAndDescendants(slug);
		matches = (r) => r.regions.some((s) => places.has(s));
	} else matches = (r) => r[kind].includes(slug);
	return reports
		.filter(matches)
		.sort(compareNewestFirst)
		.map((r) => r.url);
}

/** Every year that has reports, newest first, with the URLs of its reports, newest first. */
export function expectedYears(): { year: string; urls: string[] }[] {
	const byYear = new Map<string, string[]>();
	for (const r of [...content().reports].sort(compareNewestFirst)) {
		const year = r.published.slice(0, 4);
		byYear.set(year, [...(byYear.get(year) ?? []), r.url]);
	}
	return [...byYear].map(([year, urls]) => ({ year, urls }));
}

/** Page `n` (from 1) of a listing, LISTING_PAGE_SIZE to a page. */
export function pageOf<T>(list: readonly T[], n: number): T[] {
	return list.slice((n - 1) * LISTING_PAGE_SIZE, n * LISTING_PAGE_SIZE);
}

/**
 * The years /reports/ shows in full below its list of years: whole years, newest first, while
 * they come to at most a page of reports; the newest year's first page when it alone is more.
 */
export function expectedLatestYears(): { year: string; urls: string[] }[] {
	const shown: { year: string; urls: string[] }[] = [];
	let total = 0;
	for (const y of expectedYears()) {
		if (total + y.urls.length > LISTING_PAGE_SIZE) break;
		shown.push(y);
		total += y.urls.length;
	}
	const [newest] = expectedYears();
	if (shown.length === 0 && newest) shown.push({ ...newest, urls: pageOf(newest.urls, 1) });
	return shown;
}

/** "1 report", "3 reports". */
export function countLabel(n: number): string {
	return `${n} ${n === 1 ? 'report' : 'reports'}`;
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/** A partial date at its own precision: "2022", "May 2022", "7 May 2022". */
export function formatPublished(iso: string): string {
	const [year, month, day] = iso.split('-');
	if (!month) return String(year);
	const name = MONTHS[Number(month) - 1] ?? '?';
	return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

export interface SeedHeading {
	depth: number;
	text: string;
	id: string;
}

/** GitHub-style heading ids, as rehype-slug writes them (duplicates get -1, -2, …). */
function slugger(): (text: string) => string {
	const seen = new Map<string, number>();
	return (text) => {
		const base = text
			.toLowerCase()
			.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
			.replace(/ /g, '-');
		const n = seen.get(base);
		seen.set(base, (n ?? 0) + 1);
		return n === undefined ? base : `${base}-${n}`;
	};
}

/** The ATX headings (## … ######) of a Markdown body, with the ids they should get. */
export function headingsOf(body: string): SeedHeading[] {
	const slug = slugger();
	const headings: SeedHeading[] = [];
	for (const line of body.split(/\r?\n/)) {
		const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
		if (m?.[1] && m[2]) headings.push({ depth: m[1].length, text: m[2], id: slug(m[2]) });
	}
	return headings;
}

/** The plain prose paragraphs of a Markdown body (no headings, lists, or inline markup). */
export function plainParagraphs(body: string): string[] {
	return body
		.split(/\r?\n\s*\r?\n/)
		.map((p) => p.trim().replace(/\s*\r?\n\s*/g, ' '))
		.filter((p) => p.length > 0 && !/^[#>*\-|<\d]/.test(p) && !/[[\]*_`<\\]/.test(p));
}

/** Collapses whitespace, for comparing rendered text with source text. */
export function normalise(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** The hrefs of the report titles listed in a part of the page, in order. */
export async function listedReportUrls(page: Page, scope = 'main'): Promise<string[]> {
	return page
		.locator(`${scope} li > article :is(h2, h3) > a[href^="/reports/"]`)
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/**
 * For every list item under `scope` that starts with a link, that link's href and the item's own
 * text (nested lists left out; its parts joined with spaces, whatever the HTML's whitespace):
 * `{ '/groups/is-k/': 'Islamic State Khorasan Province 4 reports Also: …' }`.
 */
export async function listItemTexts(page: Page, scope: string): Promise<Record<string, string>> {
	return page.locator(scope).evaluate((root) => {
		const items: Record<string, string> = {};
		for (const li of root.querySelectorAll('li')) {
			const link = li.firstElementChild;
			if (link?.tagName !== 'A') continue;
			const parts = [...li.childNodes]
				.filter((node) => !(node instanceof HTMLUListElement || node instanceof HTMLOListElement))
				.map((node) => node.textContent ?? '');
			items[link.getAttribute('href') ?? ''] = parts.join(' ').replace(/\s+/g, ' ').trim();
		}
		return items;
	});
}
