import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { remarkReadingTime } from './src/lib/reading-time.ts';
import { headingAnchorOptions } from './src/lib/heading-anchors.ts';
import { SITE } from './src/site.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
	site: SITE.url,
	trailingSlash: 'always',
	// Keep the whitespace between inline elements ("By X · 3 min read"); Astro 7's default 'jsx'
	// strips it.
	compressHTML: true,
	integrations: [mdx()],
	markdown: {
		// Astro 7's default processor (Sätteri) does not run remark/rehype plugins. unified() has GFM
		// (tables, footnotes, strikethrough) built in, so remark-gfm is not registered again here.
		// MDX inherits this processor and its plugins.
		processor: unified({
			remarkPlugins: [remarkReadingTime],
			rehypePlugins: [rehypeSlug, [rehypeAutolinkHeadings, headingAnchorOptions]],
		}),
	},
	devToolbar: { enabled: false },
});
