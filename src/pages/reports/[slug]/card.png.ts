/** `/reports/<slug>/card.png`: the report's social card (1200×630), drawn at build time. */
import type { APIRoute } from 'astro';
import { getArchive } from '../../../data/archive.ts';
import type { Report } from '../../../lib/archive.ts';
import { formatPartialDate } from '../../../lib/dates.ts';
import { renderCard } from '../../../lib/social-card.ts';
import { SITE } from '../../../site.ts';

export async function getStaticPaths() {
	const archive = await getArchive();
	return archive.reports.map((report) => ({ params: { slug: report.slug }, props: { report } }));
}

export const GET: APIRoute = async ({ props }) => {
	const { report } = props as { report: Report };
	const png = await renderCard({
		title: report.title,
		label: report.type.name,
		date: formatPartialDate(report.published),
		site: SITE.title,
	});
	return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
