/**
 * `/search/terms.json`: every group, region, topic and author with every spelling, its label,
 * count and a line of its profile, for the search page (src/lib/search/term-table.ts).
 */
import type { APIRoute } from 'astro';
import { getTermTable } from '../../data/term-table.ts';
import type { TermTableFile } from '../../lib/search/term-table.ts';

export const GET: APIRoute = async () => {
	const file: TermTableFile = { terms: await getTermTable() };
	return new Response(JSON.stringify(file), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
