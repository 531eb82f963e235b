/**
 * Writes the Content Security Policy into `dist/_headers` once the pages are built. Astro puts
 * the policy, with the hashes of this build's scripts and styles, in a `<meta>` of every page;
 * hosts that read `_headers` (Netlify, Cloudflare Pages) should send it as a header too, because
 * only a header can carry `frame-ancestors` and cover files that are not pages (Pagefind's
 * worker). The hashes change when a script changes, so the header is filled in from the build,
 * never written by hand. Every page must carry the same policy, or the build stops.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { inPlaceBuild } from '../lib/node/build-stage.ts';
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
				// In an incremental build (scripts/build.ts) only the pages this build wrote are read: a
				// page it left in place is the last good output's and carries the policy recorded with
				// it, which must then still be this build's.
				const stage = inPlaceBuild();
				const policies = new Map<string, string[]>();
				let kept = 0;
				for (const file of htmlFiles(out)) {
					if (stage && !stage.wrote(file)) {
						// Kept by Astro, or left over from the last output (removed after the build).
						if (stage.kept(relative(out, file).split(sep).join('/'))) kept++;
						continue;
					}
					const policy = metaPolicy(readFileSync(file, 'utf8'));
					// Redirect pages are written by hand (no script, no style) and carry no policy.
					if (policy === undefined) continue;
					policies.set(policy, [...(policies.get(policy) ?? []), relative(out, file)]);
				}
				const previous = stage?.previous.policy;
				if (kept > 0 && previous !== undefined && !policies.has(previous)) {
					if (policies.size === 0) policies.set(previous, []);
					else policies.set(previous, [`${kept} pages this build left as they were`]);
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
				stage?.report('csp-headers', { outputs: ['_headers'], state: { policy } });
			},
		},
	};
}
