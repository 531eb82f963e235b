/**
 * The collections a reader can save for offline, and what each costs to download: every group,
 * region and topic, every year, every report type, and the whole archive.
 *
 * Two steps, both pure. `packDefinitions` reads the archive (while the pages render) and says
 * which pages and reports each collection holds. `packManifests` runs once every file is written:
 * given each file's size and hash, what each page needs beside itself, and which search record is
 * each report's, it lists each collection's files and adds up their sizes, as a reader would
 * download them (gzipped, as hosts serve text). `src/integrations/offline.ts` does the file work
 * around them.
 */
import { groupByYear, type Archive } from '../archive/build-archive.ts';
import { paginate } from '../archive/pagination.ts';
import { FACET_KINDS, TAXONOMY_KINDS } from '../model/kinds.ts';
import { hashOf } from '../hash.ts';
import type { PackFile, PackManifest, PackSummary } from '../offline/manifest.ts';
import {
	HOME_PATH,
	REPORTS_PATH,
	stripBase,
	taxonomyPath,
	TYPES_PATH,
	yearPath,
	type PackId,
} from '../routes.ts';

/** A collection before its files are known: its pages and its reports' pages. */
export interface PackDefinition {
	id: PackId;
	title: string;
	/** The listing page that offers it. */
	path: string;
	/** Its listing pages (every page of it), then any other page it holds. */
	pages: string[];
	/** Its reports' pages, newest first. */
	reports: string[];
}

const pagesOf = (items: readonly unknown[], base: string) =>
	paginate(items, base).map((p) => p.path);

/**
 * Every collection offered for offline: each group, region and topic (the kinds a reader searches
 * by: the subjects they follow; not authors), each year, each report type, and `all`, the whole archive (every
 * listing and report page).
 */
export function packDefinitions(archive: Archive): PackDefinition[] {
	const packs: PackDefinition[] = [];
	for (const kind of FACET_KINDS) {
		for (const term of archive[kind]) {
			packs.push({
				id: `${kind}/${term.slug}`,
				title: term.name,
				path: term.url,
				pages: pagesOf(term.reports, term.url),
				reports: term.reports.map((r) => r.url),
			});
		}
	}
	for (const { year, reports } of groupByYear(archive.reports)) {
		packs.push({
			id: `years/${year}`,
			title: String(year),
			path: yearPath(year),
			pages: pagesOf(reports, yearPath(year)),
			reports: reports.map((r) => r.url),
		});
	}
	for (const listing of archive.types) {
		packs.push({
			id: `types/${listing.type.slug}`,
			title: listing.type.plural,
			path: listing.url,
			pages: pagesOf(listing.reports, listing.url),
			reports: listing.reports.map((r) => r.url),
		});
	}
	const everyListing = [
		HOME_PATH,
		REPORTS_PATH,
		...groupByYear(archive.reports).flatMap((y) => pagesOf(y.reports, yearPath(y.year))),
		TYPES_PATH,
		...archive.types.flatMap((t) => pagesOf(t.reports, t.url)),
		...TAXONOMY_KINDS.flatMap((kind) => [
			taxonomyPath(kind),
			...archive[kind].flatMap((term) => pagesOf(term.reports, term.url)),
		]),
	];
	packs.push({
		id: 'all',
		title: 'The whole archive',
		path: HOME_PATH,
		pages: everyListing,
		reports: archive.reports.map((r) => r.url),
	});
	return packs;
}

/** A file's facts, as `src/lib/node/offline-files.ts` measures them. */
export interface FileFacts {
	bytes: number;
	hash: string;
}

export interface PackInputs {
	definitions: readonly PackDefinition[];
	/** Every file a collection may hold, by the site path it is requested at. */
	files: ReadonlyMap<string, FileFacts>;
	/** What every collection holds: the offline and search pages, styles, scripts, search engine and index. */
	shared: readonly string[];
	/** What a page needs beside itself (a report's citation files, its images), by page path. */
	companions: ReadonlyMap<string, readonly string[]>;
	/** Each report's search record: the Pagefind result id and the file that holds it. */
	records: ReadonlyMap<string, { id: string; file: string }>;
	/** The build: its ISO date-time and version. */
	built: string;
	version: string;
}

/** Adds `path` to `list` once; throws if the build wrote no such file. */
function add(list: string[], seen: Set<string>, path: string, files: PackInputs['files']): void {
	if (seen.has(path)) return;
	if (!files.has(path)) throw new Error(`offline collection: ${path} is not in the build`);
	seen.add(path);
	list.push(path);
}

/**
 * Each collection's files and sizes. A collection holds its pages, its reports with their
 * companions and search records, and the shared files; every file once.
 */
export function packManifests(inputs: PackInputs): PackManifest[] {
	const { files } = inputs;
	const facts = (path: string): PackFile => ({ path, ...files.get(path)! });
	return inputs.definitions.map((d) => {
		const own: string[] = [];
		const seen = new Set<string>();
		const records: string[] = [];
		for (const page of [...d.pages, ...d.reports]) {
			add(own, seen, page, files);
			for (const c of inputs.companions.get(page) ?? []) add(own, seen, c, files);
		}
		for (const report of d.reports) {
			const record = inputs.records.get(report);
			if (!record) throw new Error(`offline collection ${d.id}: ${report} has no search record`);
			records.push(record.id);
			add(own, seen, record.file, files);
		}
		const shared: string[] = [];
		for (const path of inputs.shared) if (!seen.has(path)) add(shared, seen, path, files);
		const ownFiles = own.map(facts);
		const sharedFiles = shared.map(facts);
		const sum = (list: PackFile[]) => list.reduce((n, f) => n + f.bytes, 0);
		return {
			id: d.id,
			title: d.title,
			path: d.path,
			reports: d.reports.length,
			// Its own files only: a change elsewhere in the archive (which changes the shared search
			// index) does not make a saved collection out of date.
			edition: hashOf(...ownFiles.map((f) => `${f.path} ${f.hash}`)).slice(0, 16),
			built: inputs.built,
			version: inputs.version,
			bytes: sum(ownFiles) + sum(sharedFiles),
			ownBytes: sum(ownFiles),
			sharedBytes: sum(sharedFiles),
			files: [...ownFiles, ...sharedFiles],
			ownFiles: ownFiles.length,
			records: [...new Set(records)],
		};
	});
}

/** The images a page shows from this site (`<img src>`, `srcset`), as site paths. */
export function imagesOf(html: string, base: string): string[] {
	const found = new Set<string>();
	for (const m of html.matchAll(/<(?:img|source)\b[^>]*>/gi)) {
		for (const a of m[0].matchAll(/\s(src|srcset)="([^"]*)"/gi)) {
			const urls =
				a[1]!.toLowerCase() === 'srcset'
					? a[2]!.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
					: [a[2]!];
			for (const url of urls) {
				if (!url.startsWith('/') || url.startsWith('//')) continue;
				found.add(stripBase(url.replace(/[?#].*$/, ''), base));
			}
		}
	}
	return [...found];
}

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * A listing page with every "Save for offline" summary emptied, as the page is rendered: a page an
 * incremental build kept still holds the last build's summary, and is measured as a fresh one.
 */
export function withoutPackSummaries(html: string): string {
	return html.replace(/(data-offline-pack="[^"]*"[^>]*?data-offline-summary=")[^"]*(")/g, '$1$2');
}

/**
 * A listing page with its collection's summary (size, edition, reports) filled into the "Save for
 * offline" control that names it (`data-offline-pack="<id>" data-offline-summary=""`). Written
 * after every build, so the size a page shows is always this build's, whatever was restored from
 * a cache.
 */
export function withPackSummary(html: string, summary: PackSummary): string {
	const id = summary.id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	const re = new RegExp(`(data-offline-pack="${id}"[^>]*?data-offline-summary=")[^"]*(")`);
	if (!re.test(html)) throw new Error(`no "Save for offline" control for ${summary.id}`);
	return html.replace(re, (_m, start: string, end: string) => {
		return `${start}${escapeAttribute(JSON.stringify(summary))}${end}`;
	});
}
