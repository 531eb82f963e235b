// The benchmark's baseline (npm run bench): a bare Astro site with the same Markdown processor
// family as Brief Archive (unified + rehype-slug) and a plain report page, so that the archive's
// overhead is measured as a ratio against it, side by side, on the same corpus and machine.
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';

export default defineConfig({
	site: 'https://baseline.invalid',
	trailingSlash: 'always',
	markdown: { processor: unified({ rehypePlugins: [rehypeSlug] }) },
	devToolbar: { enabled: false },
	...(process.env.BENCH_CACHE_DIR ? { cacheDir: process.env.BENCH_CACHE_DIR } : {}),
});
