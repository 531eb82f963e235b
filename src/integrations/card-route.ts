/**
 * `/reports/<slug>/card.png` under `astro dev` only: the card drawn on request, so an author sees
 * it while writing. Builds draw every card in worker processes instead (./social-cards.ts).
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import type { Report } from '../lib/archive/build-archive.ts';
import { renderCard } from '../lib/node/card-render.ts';
import { reportCardInput } from '../lib/outputs/social-card.ts';
import { SITE } from '../site.ts';

export async function getStaticPaths() {
	const archive = await getArchive();
	return archive.reports.map((report) => ({ params: { slug: report.slug }, props: { report } }));
}

export const GET: APIRoute = async ({ props }) => {
	const { report } = props as { report: Report };
	const png = await renderCard(reportCardInput({ ...report, type: report.type.slug }, SITE.title));
	return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
