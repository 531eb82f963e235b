/**
 * The ids a `#fragment` can name on a report's page, learnt by rendering its body through the
 * build's own Markdown pipeline (the same plugins, so the same rehype-slug ids, smart quotes and
 * footnote ids as the site). Rendering is the slow part of the checks, so it is done only for the
 * reports that some link names a fragment of, once each.
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { markdownPlugins } from '../markdown/plugins.ts';

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };

/** The values of every `id` attribute in HTML, entities decoded. */
export function idsIn(html: string): Set<string> {
	const ids = new Set<string>();
	for (const m of html.matchAll(/\sid=(?:"([^"]*)"|'([^']*)')/g)) {
		const raw = m[1] ?? m[2] ?? '';
		ids.add(
			raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
				if (ref[0] === '#') {
					const code =
						ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
					return String.fromCodePoint(code);
				}
				return ENTITIES[ref.toLowerCase()] ?? whole;
			}),
		);
	}
	return ids;
}

/**
 * A function that gives the anchor ids of a Markdown body, rendering it with the site's plugins.
 * `contentDir` is the absolute content directory (the link-rewriting plugin needs it).
 */
export function anchorReader(contentDir: string): (body: string) => Promise<Set<string>> {
	let renderer: Promise<MarkdownRenderer> | undefined;
	return async (body) => {
		renderer ??= createMarkdownProcessor({
			...markdownPlugins(contentDir),
			// Code highlighting adds no ids and costs time.
			syntaxHighlight: false,
		});
		const { code } = await (await renderer).render(body);
		return idsIn(code);
	};
}
