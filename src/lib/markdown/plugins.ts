/**
 * The Markdown pipeline's plugins, in one place: `astro.config.ts` renders every report and
 * profile with them (`.md` and `.mdx` alike: MDX inherits the processor's plugins), and the
 * content checks render a report with them to learn its heading ids.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import { remarkContentLinks } from './content-links.ts';
import { headingAnchorOptions } from './heading-anchors.ts';
import { remarkReadingTime } from './reading-time.ts';
import { rehypeSanitizeBody } from './sanitize.ts';
import { remarkSmartPunctuation } from './smart-punctuation.ts';

/**
 * The remark and rehype plugins. `contentDir` is the absolute path of the content directory, for
 * rewriting relative links between content files.
 */
export function markdownPlugins(contentDir: string): {
	remarkPlugins: RemarkPlugins;
	rehypePlugins: RehypePlugins;
	smartypants: false;
} {
	return {
		// Smart punctuation is the site's own plugin, where Astro's would be (first, after GFM): the
		// same output, in a fraction of the time (./smart-punctuation.ts). So Astro's is turned off.
		smartypants: false,
		remarkPlugins: [
			remarkSmartPunctuation,
			remarkReadingTime,
			[remarkContentLinks, { contentDir }],
		],
		// The sanitizer comes first, so it reads what the author wrote and nothing else; the site's own
		// markup is added after it. rehype-slug gives every heading its permanent id (Astro keeps ids
		// a plugin has set); rehype-autolink-headings adds the section links.
		rehypePlugins: [rehypeSanitizeBody, rehypeSlug, [rehypeAutolinkHeadings, headingAnchorOptions]],
	};
}
