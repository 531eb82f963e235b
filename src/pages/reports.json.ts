/**
 * `/reports.json`: the machine-readable index of public reports (docs/reports-json.md). Written
 * without indentation: at 10,000 reports it is several megabytes, and readers may be on slow
 * links.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import { reportsIndex } from '../lib/reports-json.ts';
import { SITE } from '../site.ts';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(reportsIndex(await getArchive(), SITE)), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
