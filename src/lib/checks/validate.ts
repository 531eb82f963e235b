/**
 * The content checks: every mistake in the content folder that would break the site, publish
 * something unready or endanger someone, found before Astro reads a file, and reported all at
 * once, each naming the file, the line where known, the field, the bad value and what is allowed.
 *
 * The checks read raw files (bytes, not what a parser made of them), then run the same schemas
 * (`./schema.ts`), reference resolution (`buildArchive`) and publish rule (`./publish.ts`) as the
 * build. This module does no I/O: it is given the files; `src/integrations/content-check.ts`
 * reads them from disk for the build and for `npm run check:content`.
 */
import { posix } from 'node:path';
import { buildArchive, type RawEntry } from '../archive/build-archive.ts';
import { checkLink, type LinkTargets } from './links.ts';
import {
	COLLECTIONS,
	ENTRY_EXTENSIONS,
	entryName,
	isEntryPath,
	type CollectionName,
} from '../model/collections.ts';
import { ContentError, sortIssues, type ContentIssue } from '../model/content-error.ts';
import { readFrontmatter, type Frontmatter } from './frontmatter.ts';
import { scanBody, type BodyScan } from './body.ts';
import { isImagePath, locationTags } from './image-metadata.ts';
import { didYouMean } from '../model/nearest.ts';
import { isPublic, visibility, type Visibility } from '../model/publish.ts';
import { REPORT_TYPES } from '../model/report-types.ts';
import { checkFields } from './schema-issues.ts';
import {
	authorSchema,
	groupSchema,
	regionSchema,
	reportSchema,
	topicSchema,
	type AuthorData,
	type GroupData,
	type RegionData,
	type ReportData,
	type TopicData,
} from '../model/schema.ts';
import { duplicateSlugs, reportSlugProblem, slugProblem } from '../model/slugs.ts';
import { decodeSource } from './source-text.ts';

/** A folder of files, read on demand. */
export interface Folder {
	/** How the folder is named in messages: `content`, `public`, `tests/fixtures/x`. */
	label: string;
	/** Every file in it, relative to it, with `/` between folders. */
	paths: readonly string[];
	read(path: string): Uint8Array;
}

export interface ValidateOptions {
	content: Folder;
	/** Files served as they are (`public/`): checked for location metadata. */
	public: Folder;
	/** The build time, against which embargoes are checked. */
	now: Date;
	/** The site's URL: links to it are checked like paths. */
	siteUrl: string;
	/** The anchor ids of a rendered Markdown body (see `./anchors.ts`). */
	anchors(body: string): Promise<ReadonlySet<string>>;
	/** Scans a body (default: `scanBody`); the file system wiring passes a cached one. */
	scan?: (body: string, format: 'md' | 'mdx') => BodyScan;
}

export interface Validation {
	/** Every mistake, sorted by file and line; empty when the content can be published. */
	issues: ContentIssue[];
	/** Every report that was read, with whether it is public at build time. */
	reports: { slug: string; visibility: Visibility }[];
	/** How many files were checked. */
	files: number;
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

interface Entry {
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

/** `groups[0]` → `['groups', 0]`, to find a field's line from an archive issue. */
function pathOf(field: string): PropertyKey[] {
	return field
		.split(/\.|(?=\[)/)
		.map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
}

/**
 * The entries of a content folder (the files the build reads), and an issue for each Markdown
 * file the build would silently skip: in a subfolder, with another extension, in a folder that
 * is not a collection.
 */
function listEntries(content: Folder): { entries: Entry[]; issues: ContentIssue[] } {
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
function readEntry(entry: Entry, content: Folder): ContentIssue[] {
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

/** Runs every check. Never throws on bad content: every mistake becomes an issue. */
export async function validateContent(options: ValidateOptions): Promise<Validation> {
	const { content, now } = options;
	const contentPaths = new Set(content.paths);
	const { entries, issues } = listEntries(content);

	// Each entry on its own: bytes, frontmatter, fields, slug.
	for (const entry of entries) issues.push(...readEntry(entry, content));

	// Two files claiming one address.
	for (const collection of COLLECTIONS) {
		const files = entries
			.filter((e) => e.collection === collection)
			.map((e) => ({ ...e, name: e.slug }));
		for (const group of duplicateSlugs(files)) {
			const [first, ...others] = group;
			for (const other of others) {
				issues.push({
					file: other.file,
					field: 'file',
					message: `this file has the same address as ${first!.file} (slugs ignore case and extension: both are /${collection}/${first!.slug.toLowerCase()}/); rename one of them`,
				});
			}
		}
	}

	// References between files, resolved by the archive itself.
	const valid = <D>(c: CollectionName): RawEntry<D>[] =>
		entries
			.filter((e) => e.collection === c && e.data !== undefined)
			.map((e) => ({ id: e.slug, filePath: e.file, data: e.data as D }));
	try {
		buildArchive(
			{
				reports: valid<ReportData>('reports'),
				groups: valid<GroupData>('groups'),
				regions: valid<RegionData>('regions'),
				topics: valid<TopicData>('topics'),
				authors: valid<AuthorData>('authors'),
			},
			now,
		);
	} catch (error) {
		if (!(error instanceof ContentError)) throw error;
		for (const i of error.issues) {
			const fm = entries.find((e) => e.file === i.file)?.frontmatter;
			issues.push({ ...i, line: i.line ?? fm?.lineOf(pathOf(i.field)) });
		}
	}

	// Links and images in bodies, against the whole archive.
	const reportEntries = new Map(
		entries.filter((e) => e.collection === 'reports').map((e) => [e.slug, e]),
	);
	const visibilityOf = (e: Entry) =>
		e.data === undefined ? undefined : visibility(e.data as ReportData, now);
	const anchorCache = new Map<string, Promise<ReadonlySet<string>>>();
	const targets: LinkTargets = {
		reports: new Map(
			[...reportEntries].map(([slug, e]) => [slug, { visibility: visibilityOf(e) }]),
		),
		terms: {
			groups: new Set(entries.filter((e) => e.collection === 'groups').map((e) => e.slug)),
			regions: new Set(entries.filter((e) => e.collection === 'regions').map((e) => e.slug)),
			topics: new Set(entries.filter((e) => e.collection === 'topics').map((e) => e.slug)),
			authors: new Set(entries.filter((e) => e.collection === 'authors').map((e) => e.slug)),
		},
		types: new Set(REPORT_TYPES),
		years: new Set(
			[...reportEntries.values()]
				.filter((e) => visibilityOf(e)?.state === 'public')
				.map((e) => (e.data as ReportData).published.year),
		),
		aliases: new Map(
			[...reportEntries].flatMap(([slug, e]) =>
				((e.data as ReportData | undefined)?.aliases ?? []).map((a) => [a, slug] as const),
			),
		),
		anchors(slug) {
			let ids = anchorCache.get(slug);
			if (!ids) {
				const body = reportEntries.get(slug)?.frontmatter?.body ?? '';
				ids = options.anchors(body);
				anchorCache.set(slug, ids);
			}
			return ids;
		},
		origin: new URL(options.siteUrl).origin,
		hasContentFile: (path) => contentPaths.has(path),
	};
	for (const entry of entries) {
		const fm = entry.frontmatter;
		if (!fm) continue;
		const scan = (options.scan ?? scanBody)(fm.body, entry.format);
		const at = (line: number | undefined) =>
			line === undefined ? undefined : line + fm.bodyLineOffset;
		for (const p of scan.problems) {
			issues.push({ file: entry.file, line: at(p.line), field: 'body', message: p.message });
		}
		const from = {
			path: entry.path,
			collection: entry.collection,
			slug: entry.slug,
			// Term pages are always public; a report whose fields are wrong is checked no further.
			public:
				entry.collection !== 'reports' ||
				(entry.data !== undefined && isPublic(entry.data as ReportData, now)),
		};
		for (const link of scan.links) {
			const problem = await checkLink(link.url, from, targets);
			if (problem)
				issues.push({ file: entry.file, line: at(link.line), field: 'body', message: problem });
		}
		for (const image of scan.images) {
			const problem = imageProblem(
				image.url,
				entry.path,
				contentPaths,
				options.public,
				content.label,
			);
			if (problem)
				issues.push({ file: entry.file, line: at(image.line), field: 'body', message: problem });
		}
	}

	// Image files: no location metadata, wherever they are served from.
	let images = 0;
	for (const folder of [content, options.public]) {
		for (const path of folder.paths.filter(isImagePath)) {
			images++;
			const problem = locationProblem(folder.read(path), posix.basename(path));
			if (problem)
				issues.push({ file: `${folder.label}/${path}`, field: 'file', message: problem });
		}
	}

	return {
		issues: sortIssues(issues),
		reports: [...reportEntries]
			.filter(([, e]) => e.data !== undefined)
			.map(([slug, e]) => ({ slug, visibility: visibilityOf(e)! })),
		files: entries.length + images,
	};
}

function decodePath(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

/** Why an image a body shows cannot be found, or undefined when it exists. */
function imageProblem(
	url: string,
	fromPath: string,
	contentPaths: ReadonlySet<string>,
	publicFolder: Folder,
	contentLabel: string,
): string | undefined {
	const path = decodePath(url.replace(/[?#].*$/, ''));
	if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
	if (path.startsWith('/')) {
		if (publicFolder.paths.includes(path.slice(1))) return undefined;
		return `image "${url}" not found: there is no ${publicFolder.label}${path}`;
	}
	const resolved = posix.normalize(posix.join(posix.dirname(fromPath), path));
	if (contentPaths.has(resolved)) return undefined;
	return `image "${url}" not found: there is no ${contentLabel}/${resolved}`;
}

/** Why an image file may not be published, or undefined. */
function locationProblem(bytes: Uint8Array, name: string): string | undefined {
	const check = locationTags(bytes);
	if ('unreadable' in check) {
		return `the image could not be read to check it for location metadata (${check.unreadable}); save it again as a standard image`;
	}
	if (check.tags.length === 0) return undefined;
	return `the image carries GPS location metadata (${check.tags.join(', ')}), which can identify a source or the people in it; remove it before publishing, e.g. exiftool -gps:all= -xmp:all= ${name}`;
}
