/**
 * One WordPress post's fields as a report's frontmatter: its slug, status, date, title, summary
 * and former addresses, each by a small rule with a test, and the file's text.
 */
import { toString as hastText } from 'hast-util-to-string';
import { parsePartialDate } from '../../../src/lib/model/dates.ts';
import type { Attachment, ReportData } from '../../../src/lib/model/schema.ts';
import { reportPath } from '../../../src/lib/routes.ts';
import { SLUG_PATTERN, SLUG_RULE } from '../../../src/lib/model/slugs.ts';
import { slugFromTitle } from '../scaffold.ts';
import { parseHtml } from './html.ts';

/** What a field needs from a person, written in its place so that it cannot be missed. */
export const TODO = 'TODO';

/** The longest summary the schema allows. */
export const MAX_SUMMARY = 400;

/** Text from a bit of HTML (a title or an excerpt): tags dropped, entities decoded, spaces collapsed. */
export function plainText(html: string): string {
	if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
	return hastText(parseHtml(html)).replace(/\s+/g, ' ').trim();
}

export type SlugChoice = { slug: string; note?: string } | { refused: string };

/**
 * The slug of a post: the mapping file's, else WordPress's own (`wp:post_name`) when it is a valid
 * slug here, else, for a post WordPress never gave one (most drafts), one made from the title.
 * A WordPress slug that is not valid here (`../../etc/x`, percent-encoded letters, digits alone)
 * is refused, never repaired silently: the file name is the report's permanent address.
 */
export function chooseSlug(
	post: { id: string; name: string; title: string },
	mapped?: string,
): SlugChoice {
	if (mapped) return { slug: mapped };
	const name = post.name;
	const suggestion = slugFromTitle(plainText(post.title)) || `post-${post.id}`;
	const ask = `give it one in the mapping file: slugs: { "${post.id}": ${suggestion} }`;
	if (!name) {
		const slug = suggestion;
		return /^\d+$/.test(slug)
			? {
					refused: `it has no slug and its title gives only digits; ${ask.replace(suggestion, `report-${slug}`)}`,
				}
			: { slug, note: `WordPress gave it no slug; it is named after its title: ${slug}` };
	}
	if (!SLUG_PATTERN.test(name)) {
		return {
			refused: `its slug "${name.slice(0, 80)}" is not a valid slug here (${SLUG_RULE}); ${ask}`,
		};
	}
	if (/^\d+$/.test(name)) {
		return {
			refused: `its slug "${name}" is digits alone, which /reports/ keeps for the year pages; ${ask.replace(suggestion, `report-${name}`)}`,
		};
	}
	return { slug: name };
}

/** WordPress's post statuses: only `publish` was public. */
export function reportStatus(
	status: string,
	password: string,
): { status: ReportData['status']; note?: string } {
	if (status === 'publish' && !password) return { status: 'published' };
	if (status === 'publish')
		return {
			status: 'draft',
			note: 'it was password-protected on the old site, so it is a draft here',
		};
	if (status === 'draft') return { status: 'draft' };
	const why: Record<string, string> = {
		pending: 'it was pending review',
		private: 'it was private (seen only by logged-in editors)',
		future:
			'it was scheduled but not yet published when the export was made; to schedule it here, set status: published and an embargo',
	};
	return {
		status: 'draft',
		note: `${why[status] ?? `its WordPress status was "${status}"`}, so it is a draft here`,
	};
}

/**
 * The publication date at the precision the export gives: WordPress stores a day and a time in
 * the site's time zone (`2022-05-18 09:30:00`); a report's date is the day. A post with no date
 * (`0000-00-00`, as drafts may have) gets `TODO`: a date is never invented.
 */
export function publishedDate(date: string): { published: string; note?: string } {
	const day = /^(\d{4}-\d{2}-\d{2})/.exec(date)?.[1];
	const parsed = day ? parsePartialDate(day) : undefined;
	if (!day || !parsed || 'error' in parsed) {
		return {
			published: TODO,
			note: `it has no date in the export ("${date}"): write the date it was published`,
		};
	}
	return { published: day };
}

/**
 * The addresses a post had on the old site that should lead to its report: its permalink, when
 * it was public and the address is a path on the old site, and `?p=<id>`, which WordPress answers
 * for every post whatever the permalink settings.
 */
export function formerAddresses(
	post: { id: string; link: string; status: string },
	base: string,
	slug: string,
): string[] {
	const aliases: string[] = [];
	let root: URL;
	try {
		root = new URL(base.endsWith('/') ? base : `${base}/`);
	} catch {
		return aliases;
	}
	if (post.status === 'publish' && post.link) {
		try {
			const url = new URL(post.link, root);
			if (url.origin === root.origin && !url.search && url.pathname !== root.pathname) {
				const path = url.pathname;
				if (path !== reportPath(slug) && /^\/\S*$/.test(path)) aliases.push(path);
			}
		} catch {
			// Not a URL: nothing to redirect.
		}
	}
	aliases.push(`${root.pathname}?p=${post.id}`);
	return aliases;
}

/** What a report file is made of. */
export interface ReportFields {
	title: string;
	summary: string;
	type: ReportData['type'];
	status: ReportData['status'];
	published: string;
	authors: string[];
	groups: string[];
	regions: string[];
	topics: string[];
	source: {
		publisher: string;
		url?: string | undefined;
		label?: string | undefined;
		note?: string | undefined;
	};
	attachments: Attachment[];
	aliases: string[];
}

const q = (value: string) => JSON.stringify(value);

function list(field: string, values: readonly string[]): string {
	if (values.length === 0) return `${field}: []\n`;
	return `${field}:\n${values.map((v) => `  - ${q(v)}\n`).join('')}`;
}

/** The text of a report file: frontmatter in the order the archive's own reports use, then the body. */
export function renderReportFile(fields: ReportFields, body: string): string {
	let fm = '';
	fm += `title: ${q(fields.title)}\n`;
	fm += `summary: ${q(fields.summary)}\n`;
	fm += `type: ${fields.type}\n`;
	fm += `status: ${fields.status}\n`;
	fm += `published: ${q(fields.published)}\n`;
	fm += list('authors', fields.authors);
	fm += list('groups', fields.groups);
	fm += list('regions', fields.regions);
	fm += list('topics', fields.topics);
	fm += 'source:\n';
	fm += `  publisher: ${q(fields.source.publisher)}\n`;
	if (fields.source.url) fm += `  url: ${q(fields.source.url)}\n`;
	if (fields.source.label) fm += `  label: ${q(fields.source.label)}\n`;
	if (fields.source.note) fm += `  note: ${q(fields.source.note)}\n`;
	if (fields.attachments.length) {
		fm += 'attachments:\n';
		for (const a of fields.attachments) {
			fm += `  - title: ${q(a.title)}\n`;
			if (a.url) fm += `    url: ${q(a.url)}\n`;
			fm += `    format: ${a.format}\n`;
			if (a.size) fm += `    size: ${a.size}\n`;
			if (a.fullText) fm += '    fullText: true\n';
		}
	}
	if (fields.aliases.length) fm += list('aliases', fields.aliases);
	return `---\n${fm}---\n${body ? `\n${body}` : ''}`;
}
