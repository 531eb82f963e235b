/**
 * A generated WordPress export of any size, for the tests (a few hundred posts) and the import
 * benchmark (`npm run bench:import`, a thousand and more). Its posts are like a think tank's:
 * classic-editor and block-editor posts, categories and tags that the archive's own terms (in
 * `content/`) know by name or alias, a few labels it does not, drafts and private posts,
 * captions, tables, footnotes, shortcodes, pages and attachments. Seeded, so the same options
 * give the same bytes.
 */
import { random } from '../corpus.ts';

export interface GeneratedExport {
	xml: string;
	/** How many items are posts (not pages or attachments). */
	posts: number;
	/** How many of those are published. */
	published: number;
}

const SITE = 'https://wp.example.org';

const KNOWN = [
	'IS-K',
	'ISKP',
	'Taliban',
	'Taleban',
	'Al-Qaeda',
	'ISIS',
	'Afghanistan',
	'Kunduz',
	'Kundoz',
	'Kabul',
	'Pakistan',
	'Peshawar',
	'Counter-terrorism',
	'HUMINT',
	'Human rights',
	'Regional security',
	'Intra-jihadi competition',
];
const UNKNOWN = ['Nangarhar', 'Podcast', 'Events', 'Recruitmnet'];
const TYPES = ['Analysis', 'Brief', 'Backgrounder'];
const USERS = [
	['ctfellow', 'Rise to Peace Counter-Terrorism Research Fellow'],
	['amohibi', 'Ahmad Shah Mohibi'],
	['nkarimi', 'Nadia Karimi'],
	['tnovak', 'Tomas Novak'],
] as const;

const WORDS = (
	'province district militants attack checkpoint council ministry border recruitment network ' +
	'commander faction insurgency governance refugees ceasefire offensive funding propaganda ' +
	'tribal elders highway garrison crossing smuggling detention prison envoy negotiation ' +
	'humanitarian blockade drone raid cell leadership succession rivalry alliance defection ' +
	'Kundoz Kandhar Taleban the of and in to a with for on by'
).split(' ');

const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** Generates an export of `n` posts (plus a page every 50 and an attachment every 10). */
export function generateExport(n: number, seed = 17): GeneratedExport {
	const rng = random(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
	const sentence = () => {
		const words = Array.from({ length: 12 + Math.floor(rng() * 14) }, () => pick(WORDS));
		const s = words.join(' ');
		return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
	};
	const paragraph = () => Array.from({ length: 3 + Math.floor(rng() * 4) }, sentence).join(' ');
	const items: string[] = [];
	let published = 0;
	let id = 1000;
	for (let i = 0; i < n; i++) {
		id++;
		const year = 2015 + (i % 10);
		const month = String(1 + (i % 12)).padStart(2, '0');
		const day = String(1 + (i % 28)).padStart(2, '0');
		const slug = `generated-post-${i + 1}`;
		const blocks = i % 2 === 1;
		const status = i % 10 === 3 ? 'draft' : i % 25 === 7 ? 'private' : 'publish';
		if (status === 'publish') published++;
		const parts: string[] = [];
		for (let p = 0; p < 6; p++) {
			if (p === 2)
				parts.push(
					blocks ? `<h2 class="wp-block-heading">${sentence()}</h2>` : `<h2>${sentence()}</h2>`,
				);
			let text = paragraph();
			if (p === 1 && i % 3 === 0)
				text += blocks
					? '<sup data-fn="fn-1" class="fn"><a href="#fn-1" id="fn-1-link">1</a></sup>'
					: '<a href="#_ftn1" name="_ftnref1">[1]</a>';
			parts.push(blocks ? `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->` : text);
		}
		if (i % 7 === 0) {
			parts.push(
				`[caption id="attachment_${id}" align="aligncenter" width="640"]<img src="${SITE}/wp-content/uploads/${year}/${month}/photo-${i + 1}.jpg" alt="" width="640" height="427" /> ${sentence()}[/caption]`,
			);
		}
		if (i % 11 === 0) {
			parts.push(
				'<table><tr><th>District</th><th>Incidents</th></tr><tr><td>Achin</td><td>12</td></tr><tr><td>Kunduz</td><td>7</td></tr></table>',
			);
		}
		if (i % 13 === 0)
			parts.push(`[gview file="${SITE}/wp-content/uploads/${year}/${month}/report-${i + 1}.pdf"]`);
		if (i % 17 === 0) parts.push('[contact-form-7 id="12" title="Contact"]');
		if (i % 3 === 0 && !blocks)
			parts.push(`<a href="#_ftnref1" name="_ftn1">[1]</a> ${sentence()}`);
		const labels = new Set<string>([pick(KNOWN), pick(KNOWN), pick(KNOWN)]);
		if (i % 4 === 0) labels.add(pick(TYPES));
		if (i % 9 === 0) labels.add(pick(UNKNOWN));
		const [login] = pick(USERS);
		const meta =
			blocks && i % 3 === 0
				? `\n\t\t<wp:postmeta><wp:meta_key>${cdata('footnotes')}</wp:meta_key><wp:meta_value>${cdata(JSON.stringify([{ id: 'fn-1', content: sentence() }]))}</wp:meta_value></wp:postmeta>`
				: '';
		const date = `${year}-${month}-${day} 10:00:00`;
		items.push(`	<item>
		<title>${cdata(`${sentence().slice(0, 70)}`)}</title>
		<link>${status === 'publish' ? `${SITE}/${year}/${month}/${slug}/` : `${SITE}/?p=${id}`}</link>
		<dc:creator>${cdata(login)}</dc:creator>
		<guid isPermaLink="false">${SITE}/?p=${id}</guid>
		<content:encoded>${cdata(parts.join('\n\n'))}</content:encoded>
		<excerpt:encoded>${cdata(i % 5 === 2 ? '' : sentence())}</excerpt:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date>${cdata(date)}</wp:post_date>
		<wp:post_name>${cdata(status === 'draft' ? '' : slug)}</wp:post_name>
		<wp:status>${cdata(status)}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:post_type>${cdata('post')}</wp:post_type>
		<wp:post_password>${cdata('')}</wp:post_password>
${[...labels].map((l, k) => `\t\t<category domain="${k === 0 ? 'category' : 'post_tag'}" nicename="${l.toLowerCase().replace(/[^a-z0-9]+/g, '-')}">${cdata(l)}</category>`).join('\n')}${meta}
	</item>`);
		if (i % 10 === 0) {
			id++;
			items.push(`	<item>
		<title>${cdata(`photo-${i + 1}`)}</title>
		<link>${SITE}/?attachment_id=${id}</link>
		<dc:creator>${cdata(login)}</dc:creator>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date>${cdata(date)}</wp:post_date>
		<wp:post_name>${cdata(`photo-${i + 1}`)}</wp:post_name>
		<wp:status>${cdata('inherit')}</wp:status>
		<wp:post_parent>${id - 1}</wp:post_parent>
		<wp:post_type>${cdata('attachment')}</wp:post_type>
		<wp:attachment_url>${SITE}/wp-content/uploads/${year}/${month}/photo-${i + 1}.jpg</wp:attachment_url>
	</item>`);
		}
		if (i % 50 === 0) {
			id++;
			items.push(`	<item>
		<title>${cdata(`Page ${i + 1}`)}</title>
		<link>${SITE}/page-${i + 1}/</link>
		<dc:creator>${cdata(login)}</dc:creator>
		<content:encoded>${cdata(paragraph())}</content:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date>${cdata(date)}</wp:post_date>
		<wp:post_name>${cdata(`page-${i + 1}`)}</wp:post_name>
		<wp:status>${cdata('publish')}</wp:status>
		<wp:post_type>${cdata('page')}</wp:post_type>
	</item>`);
		}
	}
	const authors = USERS.map(
		([login, name], k) =>
			`\t<wp:author><wp:author_id>${k + 1}</wp:author_id><wp:author_login>${cdata(login)}</wp:author_login><wp:author_display_name>${cdata(name)}</wp:author_display_name></wp:author>`,
	).join('\n');
	const xml = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Generated Institute</title>
	<link>${SITE}</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${SITE}</wp:base_site_url>
	<wp:base_blog_url>${SITE}</wp:base_blog_url>
${authors}
${items.join('\n')}
</channel>
</rss>
`;
	return { xml, posts: n, published };
}
