/** `/reports.json`: the machine-readable index of public reports (docs/reports-json.md). */
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import { reportsIndex } from '../lib/reports-json.ts';
import { SITE } from '../site.ts';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(reportsIndex(await getArchive(), SITE), null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
