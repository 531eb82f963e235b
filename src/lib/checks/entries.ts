/**
 * The entries of a content folder as the checks read them: which files the build reads (and
 * which Markdown files it would silently skip), and each entry's bytes, frontmatter and fields,
 * checked against its collection's schema. The first steps of the content checks
 * (`./validate.ts`), and what the social cards and the output scan read reports from.
 */
import { posix } from 'node:path';
import {
	COLLECTIONS,
	ENTRY_EXTENSIONS,
	entryName,
	isEntryPath,
	VERSIONS_FOLDER,
	type CollectionName,
} from '../model/collections.ts';
import { KEPT_FILES_FOLDER } from '../routes.ts';
import type { ContentIssue } from '../model/content-error.ts';
import { didYouMean } from '../model/nearest.ts';
import { visibility, type Visibility } from '../model/publish.ts';
import {
	authorSchema,
	groupSchema,
	regionSchema,
	reportSchema,
	topicSchema,
	type ReportData,
} from '../model/schema.ts';
import { reportSlugProblem, slugProblem } from '../model/slugs.ts';
import { readFrontmatter, type Frontmatter } from './frontmatter.ts';
import { checkFields } from './schema-issues.ts';
import { decodeSource } from './source-text.ts';

/** A folder of files, read on demand. */
export interface Folder {
	/** How the folder is named in messages: `content`, `public`, `tests/fixtures/x`. */
	label: string;
	/** Every file in it, relative to it, with `/` between folders. */
	paths: readonly string[];
	/**
	 * Every symbolic link in it (to a file or a folder), which `paths` leaves out: the build would
	 * follow a link to wherever it points, outside the folder too (`../checks/validate.ts` refuses
	 * them).
	 */
	symlinks?: readonly { path: string; target: string }[];
	read(path: string): Uint8Array;
}

const SCHEMAS = {
	reports: { schema: reportSchema, noun: 'a report' },
	groups: { schema: groupSchema, noun: 'a group' },
	regions: { schema: regionSchema, noun: 'a region' },
	topics: { schema: topicSchema, noun: 'a topic' },
	authors: { schema: authorSchema, noun: 'an author' },
} as const;

/**
 * Date fields read from their source text when written without quotes: YAML would turn an
 * impossible `2022-02-30` into 2 March, and `2026-12-01` (an embargo without time or offset) into
 * midnight UTC, without a word.
 */
const DATE_FIELDS = ['published', 'updated', 'embargo'];

/** One entry file of the content folder, as the checks read it. */
export interface Entry {
	collection: CollectionName;
	/** Relative to the content folder: `reports/a.md`. */
	path: string;
	/** As shown in messages: `content/reports/a.md`. */
	file: string;
	slug: string;
	format: 'md' | 'mdx';
	frontmatter: Frontmatter | undefined;
	data: unknown;
}

/**
 * The entries of a content folder (the files the build reads), and an issue for each Markdown
 * file the build would silently skip: in a subfolder, with another extension, in a folder that
 * is not a collection.
 */
export function listEntries(content: Folder): { entries: Entry[]; issues: ContentIssue[] } {
	const entries: Entry[] = [];
	const issues: ContentIssue[] = [];
	for (const path of content.paths) {
		const [folder = '', ...rest] = path.split('/');
		const inner = rest.join('/');
		const collection = COLLECTIONS.find((c) => c === folder);
		if (collection && isEntryPath(collection, inner)) {
			entries.push({
				collection,
				path,
				file: `${content.label}/${path}`,
				slug: entryName(inner),
				format: inner.endsWith('.mdx') ? 'mdx' : 'md',
				frontmatter: undefined,
				data: undefined,
			});
			continue;
		}
		const base = posix.basename(path);
		if (!rest.length || !/\.mdx?$/i.test(base) || /^[_.]/.test(base)) continue;
		// Kept versions are read by ./versions.ts; kept files are served as they are.
		if (folder === VERSIONS_FOLDER || folder === KEPT_FILES_FOLDER) continue;
		const hint = didYouMean(folder, COLLECTIONS, { always: false });
		const where = collection
			? `${collection} are ${ENTRY_EXTENSIONS[collection].map((e) => `.${e}`).join(' or ')} files directly in ${content.label}/${collection}/`
			: `${folder}/ is not a collection (${hint ? `${hint} ` : ''}the collections are ${COLLECTIONS.join(', ')})`;
		issues.push({
			file: `${content.label}/${path}`,
			field: 'file',
			message: `this file is not read by the build: ${where}`,
		});
	}
	return { entries, issues };
}

/**
 * Reads one entry: its bytes, frontmatter and fields, filling in `entry.frontmatter` and
 * `entry.data` as far as they can be read. Returns the problems found on the way.
 */
export function readEntry(entry: Entry, content: Folder): ContentIssue[] {
	const issues: ContentIssue[] = [];
	const slug =
		slugProblem(entry.slug, entry.format) ??
		(entry.collection === 'reports' ? reportSlugProblem(entry.slug, entry.format) : undefined);
	if (slug) issues.push({ file: entry.file, field: 'file', message: `the file name ${slug}` });
	const decoded = decodeSource(content.read(entry.path));
	for (const p of decoded.problems) {
		issues.push({ file: entry.file, line: p.line, field: 'file', message: p.message });
	}
	if (decoded.text === undefined) return issues;
	const fm = readFrontmatter(decoded.text);
	if ('problem' in fm) {
		const { line, message } = fm.problem;
		issues.push({ file: entry.file, line, field: 'frontmatter', message });
		return issues;
	}
	entry.frontmatter = fm;
	const input: Record<string, unknown> = { ...fm.data };
	if (entry.collection === 'reports') {
		for (const field of DATE_FIELDS) {
			const text = fm.plainText(field);
			if (text !== undefined) input[field] = text;
		}
	}
	const { schema, noun } = SCHEMAS[entry.collection];
	const checked = checkFields(schema, input, fm, noun);
	for (const i of checked.issues) issues.push({ file: entry.file, ...i });
	entry.data = checked.data;
	return issues;
}

/**
 * Every report in the content folder whose fields can be read, with its fields and whether it is
 * public at `now`: what a build's output is checked against, and what the social cards are drawn
 * from before Astro starts. Reads frontmatter only, so it is quick.
 */
export function readableReports(
	content: Folder,
	now: Date,
): { slug: string; data: ReportData; visibility: Visibility }[] {
	return listEntries(content)
		.entries.filter((e) => e.collection === 'reports')
		.flatMap((e) => {
			readEntry(e, content);
			if (e.data === undefined) return [];
			const data = e.data as ReportData;
			return [{ slug: e.slug, data, visibility: visibility(data, now) }];
		});
}

/** Every readable report's slug and whether it is public at `now`. */
export function reportVisibility(
	content: Folder,
	now: Date,
): { slug: string; visibility: Visibility }[] {
	return readableReports(content, now).map(({ slug, visibility }) => ({ slug, visibility }));
}
