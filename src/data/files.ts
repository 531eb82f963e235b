/**
 * The files the site serves from the content folder's `files/`: only those a public report
 * attaches, so nothing kept for a draft is published.
 */
import { resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from './archive.ts';
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
	const archive = await getArchive();
	const paths = new Map<string, string>();
	for (const report of archive.reports) {
		for (const a of report.attachments) if (a.kept) paths.set(a.kept.path, a.format);
	}
	return [...paths].map(([path, format]) => ({
		params: { path: path.replace(/^files\//, '') },
		props: { path, format },
	}));
}) satisfies GetStaticPaths;

/** `GET` of a kept file: its bytes, as they are in the repository. */
export const keptFileGet: APIRoute = ({ props }) => {
	const { path, format } = props as { path: string; format: string };
	const bytes = readKeptFile(resolve(contentDir()), path);
	return new Response(new Uint8Array(bytes), {
		headers: { 'Content-Type': TYPES[format] ?? 'application/octet-stream' },
	});
};
