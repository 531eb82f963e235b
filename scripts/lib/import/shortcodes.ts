/**
 * WordPress shortcodes (`[gview file="…"]`, `[caption …]…[/caption]`) in a post's text.
 *
 * WordPress only expands the shortcodes its plugins register, and an export does not say which
 * those were; so every bracketed code whose name looks like a shortcode is found, the known ones
 * are turned into content by the caller's handlers, and the rest are kept exactly as written (a
 * reader sees them, and the editor gets the list). `[[name]]` is WordPress's way of writing a
 * shortcode as text: it becomes `[name]` and is not listed.
 */

/** One shortcode as written. */
export interface Shortcode {
	/** Its name, lower case: `caption`. */
	name: string;
	/** Named attributes, names in lower case: `file`, `width`. */
	attrs: Record<string, string>;
	/** Attributes given without a name: `[embed https://…]`. */
	positional: string[];
	/** What an enclosing shortcode encloses (`[caption]…[/caption]`), else undefined. */
	content: string | undefined;
	/** The shortcode as written, from `[` to the last `]`. */
	raw: string;
}

/** What a handler makes of a shortcode: HTML to put in its place, or undefined to keep it. */
export type ShortcodeHandler = (code: Shortcode) => string | undefined;

/** Shortcodes that enclose content, and so have a closing `[/name]`. */
const ENCLOSING = new Set(['caption', 'wp_caption', 'embed', 'footnote', 'ref', 'efn_note']);

/**
 * Double quotes as an export may hold them: straight, or curly ("smart") when the text went
 * through a word processor or was copied from the rendered page.
 */
const DQ = '"“”″„';
const SQ = "'‘’′";

const ATTRIBUTE = new RegExp(
	[
		`([\\w-]+)\\s*=\\s*[${DQ}]([^${DQ}]*)[${DQ}](?:\\s|$)`,
		`([\\w-]+)\\s*=\\s*[${SQ}]([^${SQ}]*)[${SQ}](?:\\s|$)`,
		`([\\w-]+)\\s*=\\s*([^\\s${DQ}${SQ}]+)(?:\\s|$)`,
		`[${DQ}]([^${DQ}]*)[${DQ}](?:\\s|$)`,
		`[${SQ}]([^${SQ}]*)[${SQ}](?:\\s|$)`,
		`(\\S+)(?:\\s|$)`,
	].join('|'),
	'g',
);

/** Parses a shortcode's attribute text as WordPress's `shortcode_parse_atts` does. */
export function parseAttributes(text: string): Pick<Shortcode, 'attrs' | 'positional'> {
	const attrs: Record<string, string> = {};
	const positional: string[] = [];
	const input = text.replace(/[\u00a0\u200b]/g, ' ').trim();
	for (const m of input.matchAll(ATTRIBUTE)) {
		if (m[1] !== undefined) attrs[m[1].toLowerCase()] = m[2] ?? '';
		else if (m[3] !== undefined) attrs[m[3].toLowerCase()] = m[4] ?? '';
		else if (m[5] !== undefined) attrs[m[5].toLowerCase()] = m[6] ?? '';
		else positional.push(m[7] ?? m[8] ?? m[9] ?? '');
	}
	return { attrs, positional: positional.filter((p) => p !== '/') };
}

/** A bracketed name that may be a shortcode: `[name`, then a space, `/` or `]`. */
const OPENING = /\[(\[?)([A-Za-z][\w-]*)(?=[\s\]/])([^\]]*)\](\]?)/g;

/** Bracketed words that are editorial marks, not shortcodes. */
const NOT_SHORTCODES = new Set(['sic']);

export interface ShortcodeResult {
	/** The text with handled shortcodes replaced. */
	text: string;
	/** Every shortcode found, handled or not, in order. */
	found: Shortcode[];
	/** The shortcodes kept as written because no handler took them. */
	kept: Shortcode[];
}

/** Finds the shortcodes in a post's text and replaces the ones a handler takes. */
export function replaceShortcodes(
	input: string,
	handlers: Readonly<Record<string, ShortcodeHandler>>,
): ShortcodeResult {
	const found: Shortcode[] = [];
	const kept: Shortcode[] = [];
	let out = '';
	let from = 0;
	OPENING.lastIndex = 0;
	for (let m = OPENING.exec(input); m; m = OPENING.exec(input)) {
		const [whole, open = '', rawName = '', rawAttrs = '', close = ''] = m;
		const name = rawName.toLowerCase();
		if (NOT_SHORTCODES.has(name)) continue;
		const start = m.index;
		// [[name …]] is a shortcode written as text.
		if (open && close) {
			out += input.slice(from, start) + whole.slice(1, -1);
			from = start + whole.length;
			continue;
		}
		let end = start + whole.length;
		let content: string | undefined;
		const selfClosing = /\/\s*$/.test(rawAttrs);
		if (!selfClosing && ENCLOSING.has(name)) {
			const closing = new RegExp(`\\[\\/${rawName}\\]`, 'i');
			const rest = input.slice(end);
			const c = closing.exec(rest);
			if (c) {
				content = rest.slice(0, c.index);
				end += c.index + c[0].length;
			}
		}
		const code: Shortcode = {
			name,
			...parseAttributes(rawAttrs.replace(/\/\s*$/, '')),
			content,
			raw: input.slice(start, end),
		};
		found.push(code);
		const handler = handlers[name];
		const replacement = handler?.(code);
		if (replacement === undefined) {
			kept.push(code);
			out += input.slice(from, end);
		} else out += input.slice(from, start) + replacement;
		from = end;
		OPENING.lastIndex = end;
	}
	return { text: out + input.slice(from), found, kept };
}
