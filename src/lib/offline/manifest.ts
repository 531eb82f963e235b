/**
 * What a collection saved for offline is, as the build writes it (`/offline/packs/<id>.json`,
 * made by `src/lib/outputs/offline-packs.ts`) and as the reader's browser reads it back when it
 * saves, lists and removes collections. Browser-safe: types and small helpers only.
 */
import type { PackId } from '../routes.ts';

/** One file of a collection: its site path, its size as a reader downloads it, its content hash. */
export interface PackFile {
	/**
	 * The site path it is requested at (`/reports/a/`, `/_astro/x.css`,
	 * `/pagefind/pagefind-entry.json?ts=…`), without the base the site may be served under.
	 */
	path: string;
	/** Bytes as downloaded: gzipped for text, as it is for files already compressed. */
	bytes: number;
	/** A hash of its content: a file whose hash has not changed is not downloaded again. */
	hash: string;
}

/** A collection a reader can save for offline: a group, region, topic, year, type or everything. */
export interface PackManifest {
	id: PackId;
	/** What the reader sees: "Islamic State Khorasan Province (IS-K)", "2022", "Briefs". */
	title: string;
	/** The listing page that offers it. */
	path: string;
	/** How many reports it holds. */
	reports: number;
	/**
	 * A hash of its own files (pages, reports, citation files): it changes when anything the
	 * collection shows changes, and only then.
	 */
	edition: string;
	/** The build it comes from: its ISO date-time and its version (src/lib/offline/cache-names.ts). */
	built: string;
	version: string;
	/** Bytes to download: its own files, and the files every collection shares. */
	bytes: number;
	ownBytes: number;
	sharedBytes: number;
	/** Every file, its own first, then the shared ones (search engine and index, styles, scripts). */
	files: PackFile[];
	/** How many of `files` are its own; the rest are shared. */
	ownFiles: number;
	/** The search index's records of its reports (Pagefind result ids): offline search finds only these. */
	records: string[];
}

/** A collection as the listing page that offers it knows it (its data attributes). */
export interface PackSummary {
	id: PackId;
	title: string;
	path: string;
	reports: number;
	edition: string;
	bytes: number;
	sharedBytes: number;
}

/** The summary of a manifest. */
export function summaryOf(m: PackManifest): PackSummary {
	return {
		id: m.id,
		title: m.title,
		path: m.path,
		reports: m.reports,
		edition: m.edition,
		bytes: m.bytes,
		sharedBytes: m.sharedBytes,
	};
}
