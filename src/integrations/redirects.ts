/**
 * Writes the redirects for reports' former URLs once the site is built: a redirect page at each
 * alias and `_redirects` for hosts that answer with a 301 (`src/lib/outputs/redirects.ts` has the rules).
 *
 * It runs after the build, not as a page route, for two reasons: only then is every live file
 * known (pages, feeds, images, `public/`), so a collision with anything is caught; and Astro
 * writes a page route's `/old.html` as `/old.html/index.html`, where no old link would find it.
 * The redirect pages are not Astro pages, so the sitemap never lists them.
 *
 * The aliases come from an internal endpoint (`./redirects-manifest.ts`) that reads the archive,
 * the only place the publish rule is applied; this integration deletes that file after reading.
 *
 * It also copies the sitemap index to `/sitemap.xml`, the address crawlers and tools try first.
 * List it after @astrojs/sitemap in the config so that the index exists by then.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ContentError, formatIssue } from '../lib/model/content-error.ts';
import {
	planRedirects,
	queryRedirectsFile,
	redirectPage,
	redirectsFile,
	type RedirectSource,
} from '../lib/outputs/redirects.ts';
import { SITEMAP_INDEX_PATH, SITEMAP_PATH } from '../lib/outputs/robots.ts';
import { inPlaceBuild } from '../lib/node/build-stage.ts';
import { QUERY_REDIRECTS_PATH } from '../lib/model/aliases.ts';
import { withBase } from '../lib/routes.ts';

/** Where the internal manifest is written during the build (and deleted after). */
export const MANIFEST_PATH = '/brief-build-redirects.json';

export function redirectsIntegration(options: { lang: string }): AstroIntegration {
	let site = '';
	let base = '/';
	return {
		name: 'brief-redirects',
		hooks: {
			'astro:config:setup': ({ injectRoute, config }) => {
				site = config.site ?? '';
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				injectRoute({
					pattern: MANIFEST_PATH,
					entrypoint: new URL('./redirects-manifest.ts', import.meta.url),
					prerender: true,
				});
			},
			'astro:build:done': ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const index = join(out, SITEMAP_INDEX_PATH);
				if (existsSync(index)) copyFileSync(index, join(out, SITEMAP_PATH));

				const manifest = join(out, MANIFEST_PATH);
				const sources = JSON.parse(readFileSync(manifest, 'utf8')) as RedirectSource[];
				rmSync(manifest);
				// In an incremental build (scripts/build.ts) the output still holds the last build's
				// files: a file is live only if this build wrote it or Astro kept it (the last build's
				// redirect pages are neither, and are written again below or removed).
				const stage = inPlaceBuild();
				const live = (file: string) =>
					existsSync(join(out, file)) &&
					(!stage || stage.wrote(join(out, file)) || stage.kept(file.replace(/^\//, '')));
				let redirects;
				try {
					redirects = planRedirects(sources, live);
				} catch (error) {
					if (!(error instanceof ContentError)) throw error;
					// The pages are written by now, so say plainly that this output must not be used.
					throw new Error(
						`${error.issues.length} report ${error.issues.length === 1 ? 'alias' : 'aliases'} cannot redirect; the build stopped and ${out} is incomplete (no redirects): do not deploy it.\n` +
							error.issues.map((i) => `  - ${formatIssue(i)}`).join('\n'),
					);
				}
				// Under a sub-path (Astro's `base`), both ends of every redirect are served under it.
				// (The query addresses' list keeps site paths: src/scripts/query-redirect.ts adds the base.)
				const served = redirects.map((r) => ({
					...r,
					from: withBase(r.from, base),
					to: withBase(r.to, base),
				}));
				for (const r of served) {
					if (r.outFile === undefined) continue;
					const file = join(out, r.outFile);
					mkdirSync(dirname(file), { recursive: true });
					writeFileSync(file, redirectPage(r, site, options.lang));
				}
				writeFileSync(join(out, '_redirects'), redirectsFile(served));
				writeFileSync(join(out, QUERY_REDIRECTS_PATH), queryRedirectsFile(redirects));
				logger.info(`${redirects.length} redirects from former report URLs`);
			},
		},
	};
}
