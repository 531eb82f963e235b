/**
 * The files the site serves from the content folder's `files/`: only those a public report
 * attaches, so nothing kept for a draft is published.
 */
import { resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive, getCacheKeys } from './archive.ts';
import { contentDir } from '../lib/model/collections.ts';
import { readKeptFile } from '../lib/node/kept-files.ts';

const TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json',
	zip: 'application/zip',
};

/** One path per kept file a public report attaches: `files/a.pdf` is served at `/files/a.pdf`. */
export const keptFileStaticPaths = (async () => {
	const [archive, keys] = await Promise.all([getArchive(), getCacheKeys()]);
	const paths = new Map<string, { format: string; sha256: string | undefined }>();
	for (const report of archive.reports) {
		for (const a of report.attachments) {
			if (a.kept) paths.set(a.kept.path, { format: a.format, sha256: a.kept.sha256 });
		}
	}
	return [...paths].map(([path, { format, sha256 }]) => {
		// The file's bytes, through their hash: a file edited in place is served afresh.
		const cacheKey = keys.keptFile(path, format, sha256);
		return {
			params: { path: path.replace(/^files\//, '') },
			props: { path, format },
			...(cacheKey === undefined ? {} : { cacheKey }),
		};
	});
}) satisfies GetStaticPaths;

/** `GET` of a kept file: its bytes, as they are in the repository. */
export const keptFileGet: APIRoute = ({ props }) => {
	const { path, format } = props as { path: string; format: string };
	const bytes = readKeptFile(resolve(contentDir()), path);
	return new Response(new Uint8Array(bytes), {
		headers: { 'Content-Type': TYPES[format] ?? 'application/octet-stream' },
	});
};
