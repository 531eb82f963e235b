/**
 * The files kept in the repository for reports to attach (`content/files/…`), and what the build
 * reads from each: size, SHA-256 and, for a PDF, its page count. PDFs are read with pdf-lib, which
 * parses the document's structure only: nothing in a file is run.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { FileFacts } from '../archive/build-archive.ts';
import { KEPT_FILES_FOLDER } from '../routes.ts';
import { VERSIONS_FOLDER, versionFileOf } from '../model/collections.ts';

/** Every file under `<content>/files/`, as paths relative to the content folder (`files/a.pdf`). */
export function keptFilePaths(contentDir: string): string[] {
	const dir = join(contentDir, KEPT_FILES_FOLDER);
	try {
		if (!statSync(dir).isDirectory()) return [];
	} catch {
		return [];
	}
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && !d.name.startsWith('.'))
		.map((d) => relative(contentDir, join(d.parentPath, d.name)).split(sep).join('/'))
		.sort();
}

/** The number of pages of a PDF, or undefined when it cannot be read as one. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number | undefined> {
	try {
		const doc = await PDFDocument.load(bytes, {
			ignoreEncryption: true,
			updateMetadata: false,
			throwOnInvalidObject: false,
		});
		return doc.getPageCount();
	} catch {
		return undefined;
	}
}

/** What the build reads from one file's bytes. */
export async function fileFacts(bytes: Uint8Array, path: string): Promise<FileFacts> {
	const facts: FileFacts = {
		size: bytes.byteLength,
		sha256: createHash('sha256').update(bytes).digest('hex'),
	};
	if (/\.pdf$/i.test(path)) facts.pages = await pdfPageCount(bytes);
	return facts;
}

/** Every kept file of a content folder with its facts, by path (`files/a.pdf`). */
export async function keptFiles(contentDir: string): Promise<Map<string, FileFacts>> {
	const paths = keptFilePaths(contentDir);
	const facts = await Promise.all(
		paths.map((p) => fileFacts(readFileSync(join(contentDir, p)), p)),
	);
	return new Map(paths.map((p, i) => [p, facts[i]!]));
}

/** The bytes of a kept file (`files/a.pdf`) of a content folder. */
export function readKeptFile(contentDir: string, path: string): Uint8Array {
	return readFileSync(join(contentDir, path));
}

/**
 * Whether the content folder keeps any earlier version of a report (`versions/<slug>/<n>.md`).
 * Without one, the build does not load the versions collection at all, which Astro would warn
 * about as empty on every build.
 */
export function hasKeptVersions(contentDir: string): boolean {
	const dir = join(contentDir, VERSIONS_FOLDER);
	try {
		return readdirSync(dir, { recursive: true, withFileTypes: true }).some(
			(d) =>
				d.isFile() &&
				versionFileOf(relative(dir, join(d.parentPath, d.name)).split(sep).join('/')) !== undefined,
		);
	} catch {
		return false;
	}
}
