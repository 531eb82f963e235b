/**
 * Reads a WordPress export (WXR: the RSS file that Tools → Export writes) into plain records.
 *
 * The export is untrusted input: it is checked as XML first (fast-xml-parser's validator, which
 * gives the line of a mistake), a document type declaration is refused outright (no WordPress
 * export has one, and entity definitions are how XML parsers are made to blow up), and nothing
 * in it is ever run. Every value is kept as the text the export holds: dates, IDs and slugs are
 * strings, never guessed into numbers or dates.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A category or tag as a post carries it. */
export interface WxrLabel {
	/** `category`, `post_tag`, or a custom taxonomy's name. */
	domain: string;
	/** The label as the site printed it: "Rise of ISIS in Afghanistan". */
	label: string;
	/** Its WordPress slug: "rise-of-isis-in-afghanistan". */
	nicename: string;
}

/** One `<item>`: a post, a page, an attachment, a menu entry, … */
export interface WxrItem {
	/** Its position among the export's items, from 1. */
	index: number;
	/** The line of the export where its `<item>` starts. */
	line: number;
	/** `wp:post_id`. */
	id: string;
	title: string;
	/** The permalink (`<link>`); drafts have `https://site/?p=ID`. */
	link: string;
	guid: string;
	/** `post`, `page`, `attachment`, `nav_menu_item`, or a custom post type. */
	type: string;
	/** `publish`, `draft`, `pending`, `private`, `future`, `trash`, `inherit` (attachments). */
	status: string;
	/** `wp:post_name`, the slug; empty for most drafts. */
	name: string;
	/** `wp:post_date`, in the site's time zone: `2022-05-18 09:30:00`, or `0000-00-00 00:00:00`. */
	date: string;
	/** The login of the author (`dc:creator`). */
	creator: string;
	/** `content:encoded`: the post's HTML as stored (classic editor text or block markup). */
	content: string;
	/** `excerpt:encoded`. */
	excerpt: string;
	labels: WxrLabel[];
	/** `wp:postmeta`, key to value (the last one wins when a key repeats). */
	meta: Record<string, string>;
	/** `wp:post_parent`: for an attachment, the post it belongs to ("0" for none). */
	parent: string;
	/** `wp:attachment_url`, for attachments. */
	attachmentUrl: string;
	/** `wp:post_password`: a password-protected post is not public. */
	password: string;
	/** How many comments the export holds for it. */
	comments: number;
}

/** A user as `<wp:author>` describes them. E-mail addresses are not read. */
export interface WxrAuthor {
	login: string;
	displayName: string;
	firstName: string;
	lastName: string;
}

export interface WxrExport {
	/** The site's title (`<channel><title>`). */
	title: string;
	/** The site's address (`<channel><link>`). */
	link: string;
	/** `wp:base_blog_url`, or the link when absent. */
	baseUrl: string;
	/** `wp:wxr_version`: 1.0, 1.1 or 1.2. */
	version: string;
	authors: WxrAuthor[];
	items: WxrItem[];
}

/** A mistake in the export, with where it is. */
export class WxrError extends Error {
	/** The line of the export (from 1). */
	readonly line: number | undefined;
	/** The item the mistake is in, when it is in one. */
	readonly item: { index: number; title: string } | undefined;
	constructor(message: string, line?: number, item?: { index: number; title: string }) {
		super(message);
		this.name = 'WxrError';
		this.line = line;
		this.item = item;
	}
}

const ARRAYS = new Set([
	'item',
	'category',
	'wp:postmeta',
	'wp:author',
	'wp:comment',
	'wp:category',
	'wp:tag',
	'wp:term',
]);

/** Where each `<item>` starts (offsets), outside CDATA sections and comments. */
export function itemOffsets(xml: string): number[] {
	const offsets: number[] = [];
	const pattern = /<!\[CDATA\[|<!--|<item[\s>]/g;
	for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
		if (m[0] === '<![CDATA[') {
			const end = xml.indexOf(']]>', m.index);
			if (end < 0) break;
			pattern.lastIndex = end + 3;
		} else if (m[0] === '<!--') {
			const end = xml.indexOf('-->', m.index);
			if (end < 0) break;
			pattern.lastIndex = end + 3;
		} else offsets.push(m.index);
	}
	return offsets;
}

/** The line (from 1) of an offset. */
function lineAt(xml: string, offset: number): number {
	let line = 1;
	for (let i = xml.indexOf('\n'); i >= 0 && i < offset; i = xml.indexOf('\n', i + 1)) line++;
	return line;
}

/** The lines of ascending offsets, in one pass over the text. */
function linesAt(xml: string, offsets: readonly number[]): number[] {
	const lines: number[] = [];
	let line = 1;
	let from = 0;
	for (const offset of offsets) {
		for (let i = xml.indexOf('\n', from); i >= 0 && i < offset; i = xml.indexOf('\n', i + 1)) {
			line++;
			from = i + 1;
		}
		lines.push(line);
	}
	return lines;
}

/** The offset where a line (from 1) starts. */
function offsetOfLine(xml: string, line: number): number {
	let offset = 0;
	for (let l = 1; l < line; l++) {
		const next = xml.indexOf('\n', offset);
		if (next < 0) return xml.length;
		offset = next + 1;
	}
	return offset;
}

/** The title of the item that starts at `offset`, read loosely (the XML may be broken). */
function looseTitle(xml: string, offset: number): string {
	const m = /<title>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/title>/.exec(
		xml.slice(offset, offset + 20_000),
	);
	return (m?.[1] ?? m?.[2] ?? '').trim();
}

function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value === 'object' && '#text' in value) return text(value['#text']);
	return '';
}

type Node = Record<string, unknown>;

function list(value: unknown): Node[] {
	if (Array.isArray(value)) return value.filter((v): v is Node => typeof v === 'object' && !!v);
	return typeof value === 'object' && value ? [value as Node] : [];
}

/**
 * Parses a WXR export. Throws a `WxrError` naming the line (and the item, when the mistake is
 * inside one) for malformed XML, and for a file that is not a WordPress export.
 */
export function parseWxr(xml: string): WxrExport {
	if (/<!DOCTYPE|<!ENTITY/i.test(xml.slice(0, 5000))) {
		const at = xml.search(/<!DOCTYPE|<!ENTITY/i);
		throw new WxrError(
			'the file declares a document type (<!DOCTYPE …>); WordPress exports never do, and its entities could make the parser expand text without limit, so the file is refused',
			lineAt(xml, at),
		);
	}
	const offsets = itemOffsets(xml);
	const valid = XMLValidator.validate(xml);
	if (valid !== true) {
		const { line, col, msg } = valid.err;
		const at = offsetOfLine(xml, line) + Math.max(0, col - 1);
		const index = offsets.filter((o) => o <= at).length;
		const item =
			index > 0
				? { index, title: looseTitle(xml, offsets[index - 1]!) || '(no title)' }
				: undefined;
		const where = item
			? ` in item ${item.index} ("${item.title}", which starts at line ${lineAt(xml, offsets[index - 1]!)})`
			: '';
		throw new WxrError(`the XML is malformed${where}: ${msg}`, line, item);
	}
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: true,
		processEntities: true,
		htmlEntities: false,
		isArray: (name) => ARRAYS.has(name),
	});
	const doc = parser.parse(xml) as Node;
	const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
	const version = text(channel?.['wp:wxr_version']);
	if (!channel || !version) {
		throw new WxrError(
			'this is not a WordPress export: it has no <rss><channel> with a <wp:wxr_version> (in WordPress, use Tools → Export → All content)',
			1,
		);
	}
	const lines = linesAt(xml, offsets);
	const items = list(channel.item).map((node, i): WxrItem => {
		const line = lines[i] ?? 0;
		const meta: Record<string, string> = {};
		for (const m of list(node['wp:postmeta']))
			meta[text(m['wp:meta_key'])] = text(m['wp:meta_value']);
		const item: WxrItem = {
			index: i + 1,
			line,
			id: text(node['wp:post_id']).trim(),
			title: text(node.title),
			link: text(node.link).trim(),
			guid: text(node.guid).trim(),
			type: text(node['wp:post_type']).trim(),
			status: text(node['wp:status']).trim(),
			name: text(node['wp:post_name']).trim(),
			date: text(node['wp:post_date']).trim(),
			creator: text(node['dc:creator']).trim(),
			content: text(node['content:encoded']),
			excerpt: text(node['excerpt:encoded']),
			labels: list(node.category).map((c) => ({
				domain: text(c['@_domain']),
				nicename: text(c['@_nicename']),
				label: text(c),
			})),
			meta,
			parent: text(node['wp:post_parent']).trim() || '0',
			attachmentUrl: text(node['wp:attachment_url']).trim(),
			password: text(node['wp:post_password']),
			comments: list(node['wp:comment']).length,
		};
		if (!/^\d+$/.test(item.id)) {
			throw new WxrError(
				`item ${item.index} ("${item.title || '(no title)'}") has no post ID (<wp:post_id>); is the export complete?`,
				line,
				{ index: item.index, title: item.title },
			);
		}
		return item;
	});
	const baseUrl = text(channel['wp:base_blog_url']).trim() || text(channel.link).trim();
	return {
		title: text(channel.title).trim(),
		link: text(channel.link).trim(),
		baseUrl,
		version,
		authors: list(channel['wp:author']).map((a) => ({
			login: text(a['wp:author_login']).trim(),
			displayName: text(a['wp:author_display_name']).trim(),
			firstName: text(a['wp:author_first_name']).trim(),
			lastName: text(a['wp:author_last_name']).trim(),
		})),
		items,
	};
}
