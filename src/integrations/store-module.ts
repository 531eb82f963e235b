/**
 * Rewrites the module that carries the content store to the pages (`astro:data-layer-content`)
 * so that V8 compiles it in seconds rather than half a minute at 10,000 reports: its one huge
 * string literal becomes many small ones (src/lib/node/store-module.ts says why and what was
 * measured). The module exports the same value; it stays marked as content data, which Astro's
 * incremental build leaves out of each route's module hash (a transform keeps the load's `meta`).
 * In builds and in `astro dev` alike: both import the store after every content change.
 */
import type { AstroIntegration } from 'astro';
import { PIECE, splitStoreLiteral } from '../lib/node/store-module.ts';

/** Astro's resolved id of the store module (astro/dist/content/consts.js). */
const STORE_MODULE = '\0astro:data-layer-content';

export function storeModule(): AstroIntegration {
	return {
		name: 'brief-archive:store-module',
		hooks: {
			'astro:config:setup': ({ updateConfig, logger }) => {
				let warned = false;
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'brief-archive:store-module',
								transform: {
									filter: { id: new RegExp(`^${STORE_MODULE}$`) },
									handler(code: string) {
										const split = splitStoreLiteral(code);
										if (split === undefined) {
											if (!warned && code.length > 1024 * 1024) {
												logger.warn(
													'the content store module is not in the form expected (export default JSON.parse("…")): it is left as Astro wrote it, which is slow to compile at scale',
												);
												warned = true;
											}
											return null;
										}
										logger.info(
											`content store: ${(code.length / 1e6).toFixed(1)} MB of JSON handed to the pages as literals of at most ${PIECE / 1024} KiB`,
										);
										return { code: split, map: { mappings: '' } };
									},
								},
							},
						],
					},
				});
			},
		},
	};
}
