/**
 * The content checks: every mistake in the content folder that would break the site, publish
 * something unready or endanger someone, found before Astro reads a file, and reported all at
 * once, each naming the file, the line where known, the field, the bad value and what is allowed.
 *
 * The checks read raw files (bytes, not what a parser made of them), then run the same schemas
 * (`../model/schema.ts`), reference resolution (`buildArchive`) and publish rule
 * (`../model/publish.ts`) as the build. This module does no I/O: it is given the files;
 * `src/integrations/content-check.ts` reads them from disk for the build and for
 * `npm run check:content`.
 *
 * `validateContent` runs the checks as steps, each returning the issues it found:
 *
 * 0. the folders: no symbolic links, which the build would follow out of the folder;
 * 1. the entries: which files the build reads, and each one's bytes, frontmatter and fields
 *    (`./entries.ts`);
 * 1b. kept earlier versions of reports, read and checked against their schema (`./versions.ts`);
 * 2. addresses: two files claiming one;
 * 3. references between files: terms, parent regions, related reports, supersession, kept
 *    versions and files, aliases (by `buildArchive` itself), and related reports a public
 *    report could not show;
 * 4. bodies: the body rules, links and images, against the whole archive (versions' bodies
 *    too), and no public report without text;
 * 5. image files: no location metadata (`./images.ts`).
 */
import { buildArchive, type RawEntry } from '../archive/build-archive.ts';
import { COLLECTIONS, type CollectionName } from '../model/collections.ts';
import { ContentError, sortIssues, type ContentIssue } from '../model/content-error.ts';
import { perKind } from '../model/kinds.ts';
import { isPublic, visibility, type Visibility } from '../model/publish.ts';
import { REPORT_TYPES } from '../model/report-types.ts';
import type { ReportData } from '../model/schema.ts';
import { duplicateSlugs } from '../model/slugs.ts';
import { scanBody, type BodyScan } from './body.ts';
import { listEntries, readEntry, type Entry, type EntryCache, type Folder } from './entries.ts';
import { imageFileProblems, imageProblem } from './images.ts';
import { checkLink, type LinkTargets } from './links.ts';
import { readVersions, type VersionEntry } from './versions.ts';
import { KEPT_FILES_FOLDER } from '../routes.ts';

/** Whether a body has anything to read once HTML and MDX comments are left out. */
function hasText(body: string): boolean {
	return (
		body
			.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
			.replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, '')
			.trim() !== ''
	);
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
	scan?: (body: string, format: 'md' | 'mdx', owner: CollectionName) => BodyScan;
	/**
	 * Called once with every body `scan` is about to be asked for, before the first call, so that
	 * a cached `scan` can work out the uncached ones in parallel (src/integrations/content-check.ts).
	 */
	prepareScans?: (inputs: readonly ScanInput[]) => Promise<void>;
	/** What earlier runs read of unchanged files (`./entries.ts`); without it every file is read. */
	entries?: EntryCache;
}

/** One body to scan, as `ValidateOptions.scan` is called with it. */
export interface ScanInput {
	body: string;
	format: 'md' | 'mdx';
	owner: CollectionName;
}

export interface Validation {
	/** Every mistake, sorted by file and line; empty when the content can be published. */
	issues: ContentIssue[];
	/** Every report that was read, with whether it is public at build time. */
	reports: { slug: string; visibility: Visibility }[];
	/** How many files were checked. */
	files: number;
}

/** Runs every check. Never throws on bad content: every mistake becomes an issue. */
export async function validateContent(options: ValidateOptions): Promise<Validation> {
	const issues = [options.content, options.public].flatMap(symlinkProblems);
	const listed = listEntries(options.content);
	const entries = listed.entries;
	issues.push(...listed.issues);
	for (const entry of entries) issues.push(...readEntry(entry, options.content, options.entries));
	const kept = readVersions(options.content);
	issues.push(...kept.issues);
	issues.push(...duplicateAddresses(entries));
	issues.push(...referenceProblems(entries, kept.versions, options));
	issues.push(...unshownRelated(entries, options.now));
	issues.push(...(await bodyProblems(entries, options, versionBodies(entries, kept.versions))));
	const images = imageFileProblems([options.content, options.public]);
	issues.push(...images.issues);

	return {
		issues: sortIssues(issues),
		reports: entries
			.filter((e) => e.collection === 'reports' && e.data !== undefined)
			.map((e) => ({ slug: e.slug, visibility: visibility(e.data as ReportData, options.now) })),
		files: entries.length + images.count,
	};
}

/**
 * Step 0: symbolic links. The checks never follow them, and Astro would: a link to a file outside
 * the repository would publish whatever it holds, and a link to a system file end the build with
 * a stack trace.
 */
function symlinkProblems(folder: Folder): ContentIssue[] {
	return (folder.symlinks ?? []).map(({ path, target }) => ({
		file: `${folder.label}/${path}`,
		field: 'file',
		message: `this is a symbolic link (to ${target}), which the build would follow wherever it points; put the file itself here instead of a link to it`,
	}));
}

/** Step 2: two files claiming one address (slugs ignore case and extension). */
function duplicateAddresses(entries: readonly Entry[]): ContentIssue[] {
	const issues: ContentIssue[] = [];
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
	return issues;
}

/** `groups[0]` → `['groups', 0]`, to find a field's line from an archive issue. */
function pathOf(field: string): PropertyKey[] {
	return field
		.split(/\.|(?=\[)/)
		.map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
}

/**
 * Step 3: references between files, resolved by the archive itself, over the entries whose
 * fields could be read; each issue gets the line of its field.
 */
function referenceProblems(
	entries: readonly Entry[],
	versions: readonly VersionEntry[],
	options: ValidateOptions,
): ContentIssue[] {
	const valid = <D>(c: CollectionName): RawEntry<D>[] =>
		entries
			.filter((e) => e.collection === c && e.data !== undefined)
			.map((e) => ({ id: e.slug, filePath: e.file, data: e.data as D }));
	// Only whether a kept file exists matters here; the build reads what is in it.
	const files = new Map(
		options.content.paths
			.filter((p) => p.startsWith(`${KEPT_FILES_FOLDER}/`))
			.map((p) => [p, undefined] as const),
	);
	try {
		buildArchive(
			{
				reports: valid('reports'),
				groups: valid('groups'),
				regions: valid('regions'),
				topics: valid('topics'),
				authors: valid('authors'),
				versions: versions.flatMap((v) =>
					v.data ? [{ id: v.id, filePath: v.file, data: v.data }] : [],
				),
			},
			options.now,
			// Related reports cannot be wrong, only a report listed in `related` that does not exist,
			// which reading the reports finds.
			{ files, related: false },
		);
		return [];
	} catch (error) {
		if (!(error instanceof ContentError)) throw error;
		return error.issues.map((i) => {
			const fm =
				entries.find((e) => e.file === i.file)?.frontmatter ??
				versions.find((v) => v.file === i.file)?.body.frontmatter;
			return { ...i, line: i.line ?? fm?.lineOf(pathOf(i.field)) };
		});
	}
}

/**
 * Step 3, continued: a public report's `related` entries that name a draft. The build leaves them
 * out of the page, which the author would not see. (A report under embargo is left out only until
 * the embargo lifts: the first build after it shows it, as scheduled.)
 */
function unshownRelated(entries: readonly Entry[], now: Date): ContentIssue[] {
	const reports = new Map(
		entries
			.filter((e) => e.collection === 'reports' && e.data !== undefined)
			.map((e) => [e.slug, e.data as ReportData]),
	);
	const issues: ContentIssue[] = [];
	for (const e of entries) {
		const data = reports.get(e.slug);
		if (e.collection !== 'reports' || !data || !isPublic(data, now)) continue;
		data.related.forEach((slug, i) => {
			const target = reports.get(slug);
			if (!target || visibility(target, now).state !== 'draft') return;
			issues.push({
				file: e.file,
				line: e.frontmatter?.lineOf(['related', i]),
				field: `related[${i}]`,
				message: `"${slug}" is a draft, so this public report would not show it; remove it until that report is published`,
			});
		});
	}
	return issues;
}

/**
 * The kept versions' bodies as entries of their reports, so the body rules, links and images are
 * checked as the report's own (a version of a report that does not exist is reported above).
 */
function versionBodies(entries: readonly Entry[], versions: readonly VersionEntry[]): Entry[] {
	return versions.flatMap((v) => {
		const report = entries.find((e) => e.collection === 'reports' && e.slug === v.slug);
		return report && v.body.frontmatter ? [{ ...v.body, data: report.data }] : [];
	});
}

/** What links in bodies may lead to: every report, term, type, year and former URL. */
function linkTargets(entries: readonly Entry[], options: ValidateOptions): LinkTargets {
	const reports = new Map(
		entries.filter((e) => e.collection === 'reports').map((e) => [e.slug, e]),
	);
	const data = (e: Entry) => e.data as ReportData | undefined;
	const visibilityOf = (e: Entry) => {
		const d = data(e);
		return d === undefined ? undefined : visibility(d, options.now);
	};
	const contentPaths = new Set(options.content.paths);
	const anchorCache = new Map<string, Promise<ReadonlySet<string>>>();
	return {
		reports: new Map([...reports].map(([slug, e]) => [slug, { visibility: visibilityOf(e) }])),
		terms: perKind(
			(kind) => new Set(entries.filter((e) => e.collection === kind).map((e) => e.slug)),
		),
		types: new Set(REPORT_TYPES),
		years: new Set(
			[...reports.values()]
				.filter((e) => visibilityOf(e)?.state === 'public')
				.map((e) => data(e)!.published.year),
		),
		aliases: new Map(
			[...reports].flatMap(([slug, e]) => (data(e)?.aliases ?? []).map((a) => [a, slug] as const)),
		),
		anchors(slug) {
			let ids = anchorCache.get(slug);
			if (!ids) {
				ids = options.anchors(reports.get(slug)?.frontmatter?.body ?? '');
				anchorCache.set(slug, ids);
			}
			return ids;
		},
		origin: new URL(options.siteUrl).origin,
		hasContentFile: (path) => contentPaths.has(path),
	};
}

/** Step 4: each body's own rules, then its links and images, against the whole archive. */
async function bodyProblems(
	entries: readonly Entry[],
	options: ValidateOptions,
	extra: readonly Entry[] = [],
): Promise<ContentIssue[]> {
	const issues: ContentIssue[] = [];
	const targets = linkTargets(entries, options);
	const contentPaths = new Set(options.content.paths);
	const all = [...entries, ...extra];
	await options.prepareScans?.(
		all.flatMap((e) =>
			e.frontmatter ? [{ body: e.frontmatter.body, format: e.format, owner: e.collection }] : [],
		),
	);
	for (const entry of all) {
		const fm = entry.frontmatter;
		if (!fm) continue;
		if (
			entry.collection === 'reports' &&
			(entry.data as ReportData | undefined)?.status === 'published' &&
			!hasText(fm.body)
		) {
			issues.push({
				file: entry.file,
				field: 'body',
				message:
					'the report has no text to show: write it below the frontmatter (comments are not published; a report whose full text is a PDF still needs a paragraph saying what the PDF holds)',
			});
		}
		const scan = (options.scan ?? scanBody)(fm.body, entry.format, entry.collection);
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
				(entry.data !== undefined && isPublic(entry.data as ReportData, options.now)),
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
				options.content.label,
			);
			if (problem)
				issues.push({ file: entry.file, line: at(image.line), field: 'body', message: problem });
		}
	}
	return issues;
}
