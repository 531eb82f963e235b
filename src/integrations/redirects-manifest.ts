/**
 * An internal build file, not part of the site: the public reports' aliases, handed from the
 * archive (which only pages and endpoints can read) to the redirects integration, which reads it
 * once every page is written and then deletes it. See `./redirects.ts`.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import type { RedirectSource } from '../lib/outputs/redirects.ts';

export const GET: APIRoute = async () => {
	const archive = await getArchive();
	const sources: RedirectSource[] = archive.reports
		.filter((r) => r.aliases.length > 0)
		.map((r) => ({ url: r.url, title: r.title, file: r.filePath, aliases: r.aliases }));
	return new Response(JSON.stringify(sources));
};
