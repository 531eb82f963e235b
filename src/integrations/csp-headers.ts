/**
 * Writes the Content Security Policy into `dist/_headers` once the pages are built. Astro puts
 * the policy, with the hashes of this build's scripts and styles, in a `<meta>` of every page;
 * hosts that read `_headers` (Netlify, Cloudflare Pages) should send it as a header too, because
 * only a header can carry `frame-ancestors` and cover files that are not pages (Pagefind's
 * worker). The hashes change when a script changes, so the header is filled in from the build,
 * never written by hand. Every page must carry the same policy, or the build stops.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fillHeaders, headerPolicy, metaPolicy } from '../lib/outputs/csp.ts';
import { onionHeadersRule } from '../lib/outputs/onion.ts';
import { SITE } from '../site.ts';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.html'))
		.map((f) => join(dir, f));
}

export function cspHeadersIntegration(): AstroIntegration {
	return {
		name: 'brief-csp-headers',
		hooks: {
			'astro:build:done': ({ dir }) => {
				const out = fileURLToPath(dir);
				const policies = new Map<string, string[]>();
				for (const file of htmlFiles(out)) {
					const policy = metaPolicy(readFileSync(file, 'utf8'));
					// Redirect pages are written by hand (no script, no style) and carry no policy.
					if (policy === undefined) continue;
					policies.set(policy, [...(policies.get(policy) ?? []), relative(out, file)]);
				}
				if (policies.size !== 1) {
					const found = [...policies].map(([p, files]) => `  ${p}\n    in ${files.join(', ')}`);
					throw new Error(
						`Expected one Content Security Policy on every page, found ${policies.size}:\n${found.join('\n')}`,
					);
				}
				const [policy = ''] = policies.keys();
				const headersFile = join(out, '_headers');
				const onion = SITE.onionUrl ? onionHeadersRule(SITE.onionUrl) : '';
				writeFileSync(
					headersFile,
					fillHeaders(readFileSync(headersFile, 'utf8'), headerPolicy(policy)) + onion,
				);
			},
		},
	};
}
