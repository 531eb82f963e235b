/**
 * A post's HTML to the archive's Markdown, through the unified stack the site already uses:
 * `rehype-parse` → (WordPress clean-up, below) → `rehype-remark` → `remark-stringify` with GFM
 * tables and footnotes (and MDX when the post needs a `<Figure>`).
 *
 * The words are kept exactly as the export holds them: no spelling, quote or punctuation is
 * "fixed". Headings keep their text, so their anchors (made from the text) are stable.
 *
 * The HTML is untrusted. The output is Markdown with no raw HTML at all (hast-util-to-mdast only
 * ever emits Markdown nodes; comments, the one exception, are removed first), so nothing in a
 * post can run in a reader's browser. What could not be carried over safely is removed and said
 * in a note: scripts, styles, forms, embedded players and plug-ins, `javascript:` links,
 * images loaded from other sites (they become links unless they were downloaded).
 *
 * WordPress-isms handled here:
 * - classic-editor text, which is stored without `<p>` (WordPress adds them when it shows the
 *   post: `wpautop`); block-editor posts (`<!-- wp:… -->`) already have them;
 * - shortcodes (`./shortcodes.ts`): `[caption]` becomes a figure, document viewers (`[gview]`,
 *   `[pdf-embedder]`) the report's PDF attachment, `[embed]`/`[video]`/`[audio]` links;
 * - footnotes: the block editor's (`<sup data-fn>` with the `footnotes` post meta) and Word's
 *   (`<a href="#_ftn1">`), both as Markdown footnotes `[^1]`.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Nodes as HastNodes, Parents, Root as HastRoot } from 'hast';
import { toString as hastText } from 'hast-util-to-string';
import type { FootnoteDefinition, Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { FORBIDDEN_ELEMENTS, forbiddenScheme } from '../../../src/lib/checks/html-safety.ts';
import type { Attachment } from '../../../src/lib/model/schema.ts';
import { replaceShortcodes, type Shortcode } from './shortcodes.ts';

/** Something a person should look at, about one post. */
export interface Note {
	/** What it is about, for the summary's tallies. */
	kind: 'shortcode' | 'removed' | 'embed' | 'image' | 'link' | 'anchor' | 'footnote' | 'content';
	message: string;
}

/** A file the post uses that lives on the old site. */
export interface MediaUse {
	/** The absolute URL on the old site. */
	url: string;
	/** How the post uses it. */
	as: 'image' | 'attachment' | 'link';
}

export interface ConvertOptions {
	/** The old site's address, which relative URLs in the post are resolved against. */
	base: string;
	/** Downloaded files: the original absolute URL → its path on this site (`/media/…`). */
	media?: ReadonlyMap<string, string>;
	/**
	 * The new address of every imported post that will be public, by each of its old URLs
	 * (absolute, as `postKey` writes them): links between posts are kept working.
	 */
	posts?: ReadonlyMap<string, string>;
	/** The post's `footnotes` meta (the block editor's footnotes, as JSON), if any. */
	footnotes?: string | undefined;
	/** The post's title, for the attachment's title. */
	title?: string;
}

export interface Converted {
	/** The Markdown body, ending with one newline (empty when the post has no text). */
	body: string;
	/** `mdx` when the body uses a component (`<Figure>`), else `md`. */
	format: 'md' | 'mdx';
	/** Attachments the shortcodes named (the full-text PDF of `[gview]`). */
	attachments: Attachment[];
	/** Every file on the old site the post uses. */
	media: MediaUse[];
	notes: Note[];
	/** Shortcodes kept as written because nothing here knows them. */
	shortcodes: Shortcode[];
}

/** The placeholder for an image's missing description. */
export const ALT_TODO = 'TODO: describe this image';

const BLOCK = new Set([
	'address',
	'article',
	'aside',
	'blockquote',
	'details',
	'dialog',
	'dd',
	'div',
	'dl',
	'dt',
	'fieldset',
	'figcaption',
	'figure',
	'footer',
	'form',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'hgroup',
	'hr',
	'li',
	'main',
	'nav',
	'ol',
	'p',
	'pre',
	'section',
	'table',
	'ul',
	'brief-figure',
]);

/** Containers whose text WordPress also breaks into paragraphs. */
const AUTOP_INSIDE = new Set(['blockquote', 'div', 'section', 'article', 'aside']);

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const isElement = (node: HastNodes | undefined, ...names: string[]): node is Element =>
	node?.type === 'element' && (names.length === 0 || names.includes(node.tagName));

const isBlank = (node: ElementContent) =>
	(node.type === 'text' && !node.value.replace(/[\s\u00a0]/g, '')) || node.type === 'comment';

function fileName(url: string): string {
	try {
		return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || url;
	} catch {
		return url;
	}
}

function prop(node: Element, name: string): string | undefined {
	const value = node.properties[name];
	if (value === undefined || value === null || value === false) return undefined;
	return Array.isArray(value) ? value.join(' ') : String(value);
}

/** An absolute URL for a URL in the post, or undefined when it cannot be one. */
function absolute(url: string, base: string): string | undefined {
	try {
		return new URL(url.trim(), base).href;
	} catch {
		return undefined;
	}
}

/**
 * The key under which an old URL of a post is looked up: absolute, without its fragment, and
 * with one trailing slash on the path (WordPress answers both spellings).
 */
export function postKey(url: string, base: string): string | undefined {
	const abs = absolute(url, base);
	if (!abs) return undefined;
	const u = new URL(abs);
	u.hash = '';
	if (!u.search && !u.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(u.pathname)) {
		u.pathname += '/';
	}
	return u.href;
}

/** The format of an attachment from its file name. */
function attachmentFormat(url: string): Attachment['format'] {
	const ext = /\.([a-z0-9]+)$/i.exec(fileName(url))?.[1]?.toLowerCase();
	return ext === 'pdf' ||
		ext === 'docx' ||
		ext === 'xlsx' ||
		ext === 'csv' ||
		ext === 'json' ||
		ext === 'zip'
		? ext
		: 'other';
}

/** "The-Rise-of-ISIS.pdf" → "The Rise of ISIS (PDF)". */
export function attachmentTitle(url: string): string {
	const name = fileName(url).replace(/\.[^.]+$/, '');
	const words = name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
	const format = attachmentFormat(url);
	return `${words || 'Document'} (${format === 'other' ? 'file' : format.toUpperCase()})`;
}

interface Work {
	options: ConvertOptions;
	notes: Note[];
	media: MediaUse[];
	attachments: Attachment[];
	usesFigure: boolean;
	/** Whether the post has Word's footnote links at all (most have none: skip the search). */
	hasWordNotes: boolean;
	/** Footnote content by number, in order of first reference. */
	footnotes: Map<number, ElementContent[]>;
}

const note = (work: Work, kind: Note['kind'], message: string) => {
	if (!work.notes.some((n) => n.kind === kind && n.message === message))
		work.notes.push({ kind, message });
};

/** Shortcodes turned into HTML the rest of the conversion understands. */
function shortcodeHandlers(work: Work): Record<string, (code: Shortcode) => string | undefined> {
	const documentViewer = (attr: string) => (code: Shortcode) => {
		const raw = code.attrs[attr] ?? code.positional[0];
		const url = raw ? absolute(raw, work.options.base) : undefined;
		if (!url || forbiddenScheme(url) || !/^https?:/.test(url)) return undefined;
		work.media.push({ url, as: 'attachment' });
		work.attachments.push({
			title: attachmentTitle(url),
			url,
			format: attachmentFormat(url),
			fullText: true,
		});
		note(
			work,
			'shortcode',
			`[${code.name}] showed the document ${fileName(url)} on the page: it is now the report's full-text attachment`,
		);
		return '';
	};
	const caption = (code: Shortcode) => {
		const inner = code.content ?? '';
		const text = code.attrs.caption;
		const width = code.attrs.width;
		return (
			`<figure data-wp-caption="true"${width ? ` data-width="${escapeHtml(width)}"` : ''}>` +
			`${inner}${text === undefined ? '' : `<figcaption>${escapeHtml(text)}</figcaption>`}</figure>`
		);
	};
	const link = (attrs: string[]) => (code: Shortcode) => {
		const raw =
			attrs.map((a) => code.attrs[a]).find(Boolean) ?? code.content?.trim() ?? code.positional[0];
		const url = raw ? absolute(raw, work.options.base) : undefined;
		if (!url || !/^https?:/.test(url)) return undefined;
		note(work, 'embed', `[${code.name}] embedded ${url} in the page: it is now a link`);
		return `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`;
	};
	return {
		caption,
		wp_caption: caption,
		gview: documentViewer('file'),
		'pdf-embedder': documentViewer('url'),
		embeddoc: documentViewer('url'),
		embed: link(['src', 'url']),
		video: link(['src', 'mp4', 'webm', 'm4v', 'ogv']),
		audio: link(['src', 'mp3', 'ogg', 'wav', 'm4a']),
	};
}

/** Whether the post was written in the block editor, whose HTML already has its paragraphs. */
export function hasBlocks(content: string): boolean {
	return /<!--\s*wp:/.test(content);
}

/** Closes a run of inline content into paragraphs, as WordPress's `wpautop` would. */
function paragraphs(run: ElementContent[]): ElementContent[] {
	const out: ElementContent[] = [];
	let current: ElementContent[] = [];
	const close = () => {
		while (current[0] && isBlank(current[0])) current.shift();
		while (current.at(-1) && isBlank(current.at(-1)!)) current.pop();
		if (current.length) {
			out.push({ type: 'element', tagName: 'p', properties: {}, children: current });
		}
		current = [];
	};
	const lineBreaks = (value: string) => {
		const lines = value.split(/[ \t]*\n[ \t]*/);
		lines.forEach((line, i) => {
			if (i > 0) current.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
			if (line) current.push({ type: 'text', value: line });
		});
	};
	for (const node of run) {
		if (node.type !== 'text') {
			current.push(node);
			continue;
		}
		const pieces = node.value.split(/\n[ \t\u00a0]*\n\s*/);
		pieces.forEach((piece, i) => {
			if (i > 0) close();
			// A newline at the very start or end of a paragraph is not a line break.
			lineBreaks(current.length === 0 ? piece.replace(/^\s+/, '') : piece);
		});
	}
	close();
	// Line breaks at the edges of a paragraph come from newlines around tags: drop them.
	for (const p of out) {
		if (!isElement(p, 'p')) continue;
		const kids = p.children;
		while (isElement(kids[0], 'br') || (kids[0] && isBlank(kids[0]))) kids.shift();
		while (isElement(kids.at(-1), 'br') || (kids.at(-1) && isBlank(kids.at(-1)!))) kids.pop();
	}
	return out;
}

/** `wpautop` on a tree: text between blocks, split at blank lines, becomes paragraphs. */
function autop(parent: HastRoot | Element): void {
	const out: ElementContent[] = [];
	let run: ElementContent[] = [];
	for (const child of parent.children as ElementContent[]) {
		if (isElement(child) && BLOCK.has(child.tagName)) {
			out.push(...paragraphs(run));
			run = [];
			if (AUTOP_INSIDE.has(child.tagName)) autop(child);
			out.push(child);
		} else run.push(child);
	}
	out.push(...paragraphs(run));
	parent.children = out;
}

/** Replaces each node for which `fn` returns an array with that array, depth first. */
function rewrite(
	parent: Parents,
	fn: (node: ElementContent, parent: Parents) => ElementContent[] | undefined,
): void {
	const next: ElementContent[] = [];
	for (const child of parent.children as ElementContent[]) {
		const replaced = fn(child, parent);
		if (replaced === undefined) {
			if (child.type === 'element') rewrite(child, fn);
			next.push(child);
		} else next.push(...replaced);
	}
	(parent as Element).children = next;
}

function walk(node: Parents, fn: (el: Element) => void): void {
	for (const child of node.children) {
		if (child.type === 'element') {
			fn(child);
			walk(child, fn);
		}
	}
}

const FOOTNOTE_REF = 'brief-fnref';
const FOOTNOTE_DEF = 'brief-fndef';
const FIGURE = 'brief-figure';

/** The block editor's footnotes (`<sup data-fn="id">`, texts in the `footnotes` meta). */
function blockFootnotes(tree: HastRoot, work: Work): void {
	let texts: { id: string; content: string }[] = [];
	if (work.options.footnotes) {
		try {
			const parsed: unknown = JSON.parse(work.options.footnotes);
			if (Array.isArray(parsed)) {
				texts = (parsed as unknown[]).flatMap((f) => {
					const { id, content } = (typeof f === 'object' && f ? f : {}) as Record<string, unknown>;
					return typeof id === 'string' && typeof content === 'string' ? [{ id, content }] : [];
				});
			}
		} catch {
			note(work, 'footnote', 'the footnotes of the post (its "footnotes" meta) could not be read');
		}
	}
	const numbers = new Map<string, number>();
	rewrite(tree, (node) => {
		if (!isElement(node, 'sup') || !prop(node, 'dataFn')) return undefined;
		const id = prop(node, 'dataFn')!;
		let n = numbers.get(id);
		if (n === undefined) {
			n = work.footnotes.size + 1;
			numbers.set(id, n);
			const text = texts.find((t) => t.id === id);
			if (text) work.footnotes.set(n, parseHtml(text.content).children as ElementContent[]);
			else {
				work.footnotes.set(n, []);
				note(work, 'footnote', `footnote ${n} has no text in the export`);
			}
		}
		return [{ type: 'element', tagName: FOOTNOTE_REF, properties: { n }, children: [] }];
	});
	for (const t of texts) {
		if (!numbers.has(t.id)) {
			note(
				work,
				'footnote',
				`a footnote whose reference is gone from the text was dropped: "${hastText(parseHtml(t.content)).slice(0, 80)}"`,
			);
		}
	}
}

const WORD_NOTE = { ftn: /^#_ftn(\d+)$/, ftnref: /^#_ftnref(\d+)$/ };

/** Word's footnotes, pasted in: `<a href="#_ftn1">[1]</a>` and, at the end, `<a href="#_ftnref1">[1]</a> Text`. */
function wordFootnotes(tree: HastRoot, work: Work): void {
	const number = (href: string | undefined, kind: 'ftn' | 'ftnref') =>
		WORD_NOTE[kind].exec(href ?? '')?.[1];
	const texts = new Map<string, ElementContent[]>();
	if (!work.hasWordNotes) return;
	// The texts first: a paragraph that starts with a link back to its reference.
	rewrite(tree, (node) => {
		if (!isElement(node, 'p')) return undefined;
		const kids = node.children.filter((k) => !isBlank(k));
		const first = kids[0];
		const anchor = isElement(first, 'sup', 'span')
			? first.children.find((c) => isElement(c as HastNodes, 'a'))
			: first;
		const id = isElement(anchor, 'a') ? number(prop(anchor, 'href'), 'ftnref') : undefined;
		if (!id) return undefined;
		const rest = node.children.slice(node.children.indexOf(first!) + 1);
		while (rest[0]?.type === 'text' && !rest[0].value.trim()) rest.shift();
		if (rest[0]?.type === 'text')
			rest[0] = { ...rest[0], value: rest[0].value.replace(/^\s+/, '') };
		texts.set(id, rest);
		return [];
	});
	if (texts.size === 0) return;
	rewrite(tree, (node) => {
		const anchor = isElement(node, 'sup')
			? node.children.find((c) => isElement(c as HastNodes, 'a'))
			: node;
		if (!isElement(anchor, 'a')) return undefined;
		const id = number(prop(anchor, 'href'), 'ftn');
		if (!id || !texts.has(id)) return undefined;
		const n = work.footnotes.size + 1;
		work.footnotes.set(n, texts.get(id)!);
		texts.delete(id);
		return [{ type: 'element', tagName: FOOTNOTE_REF, properties: { n }, children: [] }];
	});
	for (const rest of texts.values()) {
		note(
			work,
			'footnote',
			`a footnote whose reference is gone from the text was dropped: "${hastText({ type: 'root', children: rest }).trim().slice(0, 80)}"`,
		);
	}
}

/** The HTML parser, made once: a thousand posts should not build a thousand parsers. */
const htmlParser = unified().use(rehypeParse, { fragment: true }).freeze();

/** Parses a fragment of HTML as a browser would. */
export function parseHtml(html: string): HastRoot {
	return htmlParser.parse(html);
}

/** Removes what must not reach a reader and turns embeds into links. */
function sanitize(tree: HastRoot, work: Work): void {
	rewrite(tree, (node) => {
		if (node.type === 'comment') return [];
		if (node.type !== 'element') return undefined;
		const name = node.tagName;
		if (name === 'iframe' || name === 'embed' || name === 'object') {
			const src = prop(node, name === 'object' ? 'data' : 'src');
			const url = src ? absolute(src, work.options.base) : undefined;
			if (url && /^https?:/.test(url)) {
				const title = prop(node, 'title')?.trim() || new URL(url).hostname;
				note(
					work,
					'embed',
					`the embedded ${name === 'iframe' ? 'frame' : 'object'} ${url} is now a link (an archive page loads nothing from other sites)`,
				);
				return [
					{
						type: 'element',
						tagName: 'p',
						properties: {},
						children: [
							{
								type: 'element',
								tagName: 'a',
								properties: { href: url },
								children: [{ type: 'text', value: `Embedded content: ${title}` }],
							},
						],
					},
				];
			}
		}
		if (FORBIDDEN_ELEMENTS[name] || name === 'noscript' || name === 'template') {
			const reason = FORBIDDEN_ELEMENTS[name] ?? 'it only matters where scripts run';
			note(work, 'removed', `a <${name}> element was removed: ${reason}`);
			return [];
		}
		if (name === 'input' || name === 'button' || name === 'select' || name === 'textarea') {
			note(work, 'removed', `a form control (<${name}>) was removed`);
			return [];
		}
		return undefined;
	});
}

/** Links: unsafe ones lose their link, relative ones point at the old site, others are kept working. */
function links(tree: HastRoot, work: Work): void {
	const {
		base,
		media = new Map<string, string>(),
		posts = new Map<string, string>(),
	} = work.options;
	rewrite(tree, (node) => {
		if (!isElement(node, 'a')) return undefined;
		const a = node;
		const href = prop(a, 'href');
		// An anchor without a link (`<a name>`), or a link to an image it wraps: keep what is inside.
		const onlyImage =
			a.children.filter((c) => !isBlank(c)).length === 1 &&
			a.children.some((c) => isElement(c, 'img'));
		if (!href) return a.children;
		if (onlyImage) {
			const target = absolute(href, base) ?? href;
			if (!/\/wp-content\/uploads\/|\.(jpe?g|png|gif|webp|avif)$/i.test(target)) {
				note(work, 'link', `an image linked to ${target}; the image is kept, the link is not`);
			}
			return a.children;
		}
		if (forbiddenScheme(href)) {
			note(
				work,
				'link',
				`a link to "${href.slice(0, 40)}" was removed (it would run code); its text is kept`,
			);
			return a.children;
		}
		if (href.startsWith('#')) return undefined;
		const url = absolute(href, base);
		if (!url) {
			note(work, 'link', `the link "${href.slice(0, 60)}" is not a URL; its text is kept`);
			return a.children;
		}
		const key = postKey(url, base);
		const moved = (key && posts.get(key)) ?? media.get(url.replace(/#.*$/, ''));
		if (moved) {
			a.properties = { href: moved + (new URL(url).hash || '') };
			return undefined;
		}
		if (/\/wp-content\/uploads\//.test(url))
			work.media.push({ url: url.replace(/#.*$/, ''), as: 'link' });
		a.properties = { href: url };
		return undefined;
	});
}

/** Figures (`[caption]`, the block editor's image blocks) and images. */
function figures(tree: HastRoot, work: Work): void {
	const image = (
		img: Element,
		caption: string | undefined,
		width?: string,
	): Element | undefined => {
		const src = prop(img, 'src');
		const url = src ? absolute(src, work.options.base) : undefined;
		if (!url || !/^https?:/.test(url)) {
			note(
				work,
				'image',
				`an image with the address "${(src ?? '').slice(0, 40)}" was removed: it is not a file on a web site`,
			);
			return undefined;
		}
		work.media.push({ url, as: 'image' });
		const props: Record<string, string> = { src: url, alt: prop(img, 'alt')?.trim() ?? '' };
		if (caption) props.caption = caption;
		const w = width ?? prop(img, 'width');
		const h = prop(img, 'height');
		if (w && /^\d+$/.test(w)) props.width = w;
		if (h && /^\d+$/.test(h)) props.height = h;
		return { type: 'element', tagName: FIGURE, properties: props, children: [] };
	};
	rewrite(tree, (node) => {
		if (!isElement(node, 'figure', 'p')) return undefined;
		const el = node;
		const imgs: Element[] = [];
		walk(el, (e) => {
			if (e.tagName === 'img') imgs.push(e);
		});
		if (imgs.length !== 1) return undefined;
		let tables = false;
		walk(el, (e) => {
			if (e.tagName === 'table') tables = true;
		});
		if (tables) return undefined;
		if (el.tagName === 'p') {
			// A paragraph holding nothing but an image is a figure without a caption.
			const text = hastText(el).replace(/[\s\u00a0]/g, '');
			if (text) return undefined;
			const fig = image(imgs[0]!, undefined);
			return fig ? [fig] : [];
		}
		let caption: string | undefined;
		walk(el, (e) => {
			if (e.tagName === 'figcaption') caption = hastText(e).replace(/\s+/g, ' ').trim();
		});
		if (caption === undefined && prop(el, 'dataWpCaption')) {
			// [caption]Image Caption text[/caption]: the text after the image is the caption.
			const rest = {
				...el,
				children: el.children.filter((c) => !isElement(c as HastNodes, 'img', 'a')),
			};
			caption = hastText(rest).replace(/\s+/g, ' ').trim() || undefined;
		}
		const fig = image(imgs[0]!, caption || undefined, prop(el, 'dataWidth'));
		return fig ? [fig] : [];
	});
}

/** Headings: kept as written, one level down if the post used `<h1>` (the page's title is it). */
function headings(tree: HastRoot, work: Work): void {
	const found: Element[] = [];
	walk(tree, (e) => {
		if (/^h[1-6]$/.test(e.tagName)) found.push(e);
	});
	const demote = found.some((h) => h.tagName === 'h1');
	const slugger = new GithubSlugger();
	for (const h of found) {
		if (demote) h.tagName = `h${Math.min(6, Number(h.tagName[1]) + 1)}`;
		// Spaces at the edges of a heading (a no-break space, in the seed reports) are not its text.
		const first = h.children[0];
		const last = h.children.at(-1);
		if (first?.type === 'text') first.value = first.value.replace(/^[\s\u00a0]+/, '');
		if (last?.type === 'text') last.value = last.value.replace(/[\s\u00a0]+$/, '');
		const id = prop(h, 'id');
		const slug = slugger.slug(hastText(h));
		if (id && id !== slug) {
			note(
				work,
				'anchor',
				`the heading "${hastText(h).trim()}" had the anchor #${id} on the old site; here it is #${slug}, so old links to #${id} open the report at the top`,
			);
		}
	}
}

type Handle = (
	state: { toFlow(nodes: Nodes[]): Nodes[]; all(node: Element): Nodes[] },
	node: Element,
) => Nodes | Nodes[] | undefined;

function handlers(work: Work): Record<string, Handle> {
	const { media = new Map<string, string>() } = work.options;
	const figure: Handle = (_state, node) => {
		const src = String(node.properties.src);
		const alt = String(node.properties.alt ?? '');
		const caption =
			node.properties.caption === undefined ? undefined : String(node.properties.caption);
		const local = media.get(src);
		if (!local) {
			const label = caption || alt || fileName(src);
			return {
				type: 'paragraph',
				children: [
					{ type: 'text', value: 'Image: ' },
					{ type: 'link', url: src, children: [{ type: 'text', value: label }] },
				],
			} satisfies Paragraph;
		}
		if (!alt)
			note(
				work,
				'image',
				`the image ${fileName(src)} has no description (alt text): write one in place of "${ALT_TODO}"`,
			);
		work.usesFigure = true;
		const attribute = (name: string, value: string): MdxJsxAttribute => ({
			type: 'mdxJsxAttribute',
			name,
			value,
		});
		const attributes = [attribute('src', local), attribute('alt', alt || ALT_TODO)];
		if (caption) attributes.push(attribute('caption', caption));
		for (const dim of ['width', 'height']) {
			const v = node.properties[dim];
			if (v !== undefined)
				attributes.push({
					type: 'mdxJsxAttribute',
					name: dim,
					value: { type: 'mdxJsxAttributeValueExpression', value: String(v) },
				});
		}
		return {
			type: 'mdxJsxFlowElement',
			name: 'Figure',
			attributes,
			children: [],
		} satisfies MdxJsxFlowElement;
	};
	return {
		[FIGURE]: figure,
		img: (_state, node) => {
			// An image inside running text.
			const src = prop(node, 'src');
			const url = src ? absolute(src, work.options.base) : undefined;
			if (!url || !/^https?:/.test(url)) return undefined;
			work.media.push({ url, as: 'image' });
			const alt = prop(node, 'alt')?.trim() ?? '';
			const local = media.get(url);
			if (local) {
				if (!alt)
					note(
						work,
						'image',
						`the image ${fileName(url)} has no description (alt text): write one in place of "${ALT_TODO}"`,
					);
				return { type: 'image', url: local, alt: alt || ALT_TODO };
			}
			return {
				type: 'link',
				url,
				children: [{ type: 'text', value: `Image: ${alt || fileName(url)}` }],
			};
		},
		[FOOTNOTE_REF]: (_state, node) => {
			const n = String(node.properties.n);
			return { type: 'footnoteReference', identifier: n, label: n };
		},
		[FOOTNOTE_DEF]: (state, node) => {
			const n = String(node.properties.n);
			return {
				type: 'footnoteDefinition',
				identifier: n,
				label: n,
				children: state.toFlow(state.all(node)) as FootnoteDefinition['children'],
			};
		},
	};
}

/** Drops paragraphs with nothing but spaces in them (`<p>&nbsp;</p>`, a classic-editor habit). */
function dropEmptyParagraphs(tree: Root): void {
	const blank = (nodes: PhrasingContent[]): boolean =>
		nodes.every(
			(n) =>
				(n.type === 'text' && !n.value.replace(/[\s\u00a0]/g, '')) ||
				n.type === 'break' ||
				((n.type === 'emphasis' || n.type === 'strong') && blank(n.children)),
		);
	const visit = (node: Nodes) => {
		if (!('children' in node)) return;
		(node as { children: Nodes[] }).children = (node.children as Nodes[]).filter(
			(c) => !(c.type === 'paragraph' && blank(c.children)),
		);
		for (const c of node.children as Nodes[]) visit(c);
	};
	visit(tree);
}

const STRINGIFY: StringifyOptions = {
	bullet: '-',
	emphasis: '*',
	strong: '*',
	rule: '-',
	fences: true,
	listItemIndent: 'one',
};

/** The Markdown writers, made once: GFM for every report, MDX syntax too for an `.mdx` one. */
const STRINGIFIERS = {
	md: unified().use(remarkGfm).use(remarkStringify, STRINGIFY).freeze(),
	mdx: unified().use(remarkGfm).use(remarkMdx).use(remarkStringify, STRINGIFY).freeze(),
};

/** Converts a post's stored HTML to the archive's Markdown. */
export function convertPost(content: string, options: ConvertOptions): Converted {
	const work: Work = {
		options,
		notes: [],
		media: [],
		attachments: [],
		usesFigure: false,
		hasWordNotes: content.includes('#_ftnref'),
		footnotes: new Map(),
	};
	const blocks = hasBlocks(content);
	const shortcodes = replaceShortcodes(content.replace(/\r\n?/g, '\n'), shortcodeHandlers(work));
	for (const code of shortcodes.kept) {
		note(
			work,
			'shortcode',
			`${code.raw.length > 80 ? `${code.raw.slice(0, 80)}…` : code.raw} is kept as written: no rule here knows the [${code.name}] shortcode`,
		);
	}
	const tree = parseHtml(shortcodes.text);
	sanitize(tree, work);
	if (!blocks) autop(tree);
	blockFootnotes(tree, work);
	wordFootnotes(tree, work);
	links(tree, work);
	figures(tree, work);
	headings(tree, work);
	for (const [n, children] of work.footnotes) {
		tree.children.push({ type: 'element', tagName: FOOTNOTE_DEF, properties: { n }, children });
	}
	const mdast = unified()
		.use(rehypeRemark, { handlers: handlers(work) as never, document: true })
		.runSync(tree);
	dropEmptyParagraphs(mdast);
	const format = work.usesFigure ? 'mdx' : 'md';
	const body = mdast.children.length ? STRINGIFIERS[format].stringify(mdast) : '';
	if (!body.trim()) note(work, 'content', 'the post has no text');
	// The site's own checks of every body run once the files are written (scripts/import.ts).
	const seen = new Set<string>();
	const media = work.media.filter((m) => !seen.has(m.url) && seen.add(m.url));
	return {
		body,
		format,
		attachments: work.attachments,
		media,
		notes: work.notes,
		shortcodes: shortcodes.kept,
	};
}
