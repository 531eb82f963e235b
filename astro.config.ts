import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { contentCheck } from './src/integrations/content-check.ts';
import { contentDir } from './src/lib/model/collections.ts';
import { markdownPlugins } from './src/lib/markdown/plugins.ts';
import { citationFileType } from './src/lib/citation/files.ts';
import { REPORT_FILE_PATTERN, versionOf } from './src/lib/routes.ts';
import { SITE } from './src/site.ts';
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES } from './src/lib/outputs/csp.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { offlineIntegration } from './src/integrations/offline.ts';
import { redirectsIntegration } from './src/integrations/redirects.ts';
import { cspHeadersIntegration } from './src/integrations/csp-headers.ts';
import { socialCards } from './src/integrations/social-cards.ts';
import { storeModule } from './src/integrations/store-module.ts';

const offline = offlineIntegration();

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
	site: SITE.url,
	// '/' at the root of a host; '/briefs/' when BRIEF_SITE_URL has that path. Astro puts its own
	// assets under it; src/middleware.ts does the same for every link in the pages.
	base: SITE.base,
	trailingSlash: 'always',
	// Astro 7's default, spelled out because it matters when writing components: whitespace that
	// contains a line break is dropped, as in JSX, so a space that must appear between inline
	// elements on separate lines is written {' '}.
	compressHTML: 'jsx',
	integrations: [
		// Validates every content file before Astro reads any, and stops the build on any mistake,
		// listing them all (src/integrations/content-check.ts).
		contentCheck(),
		// Hands the content store to the pages as a module V8 compiles in seconds at 10,000 reports,
		// not half a minute (src/integrations/store-module.ts).
		storeModule(),
		mdx(),
		// Lists every page Astro builds except 404; the redirect pages are written after the build
		// by redirectsIntegration, so they are never listed. Listed before redirectsIntegration,
		// which copies its index to /sitemap.xml.
		// Earlier versions of reports are kept for the record, not offered to search engines.
		sitemap({ filter: (page) => !versionOf(new URL(page).pathname) }),
		redirectsIntegration({ lang: SITE.lang }),
		// Draws the reports' social cards in worker processes while the pages render, and keeps them
		// between builds; copies them into place before the search index is built.
		socialCards(),
		// Indexes the finished site for search, after every page is written. While Pagefind writes
		// the index, the pages of the collections readers can save for offline are measured.
		pagefindIndex({ whileWriting: offline.measure }),
		// Measures the search index for offline use, writes the collections' manifests and the
		// service worker, /sw.js, once the index exists (docs/deploy.md).
		offline.integration,
		// Copies the pages' Content Security Policy into _headers, with frame-ancestors.
		cspHeadersIntegration(),
	],
	markdown: {
		// Astro 7's default processor (Sätteri) does not run remark/rehype plugins. unified() has GFM
		// (tables, footnotes, strikethrough) built in, so remark-gfm is not registered again here.
		// MDX inherits this processor and its plugins (src/lib/markdown/plugins.ts).
		processor: unified(markdownPlugins(resolve(contentDir()))),
		// No syntax highlighting: Shiki colours code with inline styles, which the Content Security
		// Policy blocks and the body sanitizer removes (src/lib/markdown/sanitize.ts). Code blocks keep
		// their language-* class.
		syntaxHighlight: false,
	},
	devToolbar: { enabled: false },
	// Content Security Policy, as a <meta> in every page (built pages only, not `astro dev`). Astro
	// hashes its own processed scripts and styles (the header, search and cite scripts) into
	// script-src and style-src; nothing inline runs unless it is hashed. The only addition for
	// scripts is 'wasm-unsafe-eval', which Pagefind's WebAssembly needs when it cannot run in its
	// worker; worker-src 'self' lets it start that worker, and the page register /sw.js. JSON-LD blocks are data, not scripts, so they
	// need no hash. Hosts send the same policy as a header, with frame-ancestors (which a <meta>
	// cannot carry): public/_headers and docs/deploy.md; a test checks they agree.
	security: {
		csp: {
			directives: CSP_DIRECTIVES,
			scriptDirective: { resources: CSP_SCRIPT_SOURCES },
		},
	},
	experimental: {
		// Incremental static builds (Astro 7.2+): a path whose getStaticPaths() entry carries a
		// cacheKey is restored from the last build when its key, its route's code and its content
		// modules are unchanged. Every dynamic route has a key (src/lib/archive/cache-keys.ts);
		// scripts/build.ts runs it and proves nothing else (docs/architecture.md, "Incremental
		// builds").
		incrementalBuild: true,
		// Writes the content collections' JSON Schemas and a manifest into .astro/ (astro sync, dev),
		// which the Astro VS Code extension uses for completion and errors in frontmatter as authors
		// type (.vscode/settings.json turns it on; see docs/authoring.md, "Your editor").
		contentIntellisense: true,
	},
	vite: {
		// scripts/build.ts builds into a folder that already holds the last good output
		// (BRIEF_BUILD_IN_PLACE), so that the pages Astro restores are not even copied; it removes
		// what this build did not write or keep itself. Its build from nothing (BRIEF_STAGE_FRESH)
		// goes into a folder it made empty, where the social cards are put before Astro would empty
		// it (src/integrations/social-cards.ts). Every other build starts from an emptied folder.
		build: {
			emptyOutDir:
				process.env.BRIEF_BUILD_IN_PLACE !== '1' && process.env.BRIEF_STAGE_FRESH !== '1',
		},
		preview: {
			// `astro preview` serves dist/ with Vite's static server, whose table of media types has
			// no .bib or .ris: it would send the citation files with no Content-Type at all. This rule
			// never proxies anything: its `bypass` sets the type and hands the request on to the
			// static server, which keeps a type already set. (Static hosts: see public/_headers.)
			proxy: {
				[REPORT_FILE_PATTERN]: {
					bypass(req, res) {
						const type = citationFileType(new URL(req.url ?? '/', 'http://localhost').pathname);
						if (type) res?.setHeader('Content-Type', type);
						return req.url;
					},
				},
			},
		},
	},
	// Builds of other content folders (test fixtures, the benchmark corpus) keep their own content
	// cache, so they never disturb the cache of the real site.
	...(process.env.BRIEF_CACHE_DIR ? { cacheDir: process.env.BRIEF_CACHE_DIR } : {}),
});
