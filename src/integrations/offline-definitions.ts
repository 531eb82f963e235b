/**
 * An internal build file, not part of the site: the collections a reader can save for offline,
 * each with its pages and reports, handed from the archive (which only pages and endpoints can
 * read) to the offline integration, which reads it once every file is written, measures the
 * files and then deletes it. See `./offline.ts`.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import { packDefinitions } from '../lib/outputs/offline-packs.ts';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(packDefinitions(await getArchive())));
