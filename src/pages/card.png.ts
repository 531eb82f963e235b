/** `/card.png`: the site's social card, for every page that is not a report. */
import type { APIRoute } from 'astro';
import { renderCard } from '../lib/node/card-render.ts';
import { SITE } from '../site.ts';

export const GET: APIRoute = async () =>
	new Response(
		await renderCard({
			title: SITE.tagline,
			label: 'Archive',
			date: SITE.url.replace(/^https?:\/\//, ''),
			site: SITE.title,
		}),
		{ headers: { 'Content-Type': 'image/png' } },
	);
