/**
 * Rewrites the module that carries the content store to the pages (`astro:data-layer-content`),
 * whose one huge string literal V8 compiles in half a minute at 10,000 reports and Vite bundles
 * in as long again (src/lib/node/store-module.ts says why and what was measured):
 * - in a build, the module reads the store's JSON from a file of this build's own, written once
 *   when the module is loaded and removed when the process ends: Vite bundles a few lines and
 *   nothing is compiled;
 * - in `astro dev`, whose store changes with every save, the literal becomes many small ones.
 * Either module exports the same value; it stays marked as content data, which Astro's
 * incremental build leaves out of each route's module hash (a transform keeps the load's `meta`).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import {
	PIECE,
	readingStoreModule,
	splitStoreLiteral,
	STORE_FOLDER,
	staleStoreFolders,
	storeJson,
} from '../lib/node/store-module.ts';

/** Whether a process with this id runs (signal 0 only asks). */
function running(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it runs, as another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Astro's resolved id of the store module (astro/dist/content/consts.js). */
const STORE_MODULE = '\0astro:data-layer-content';

/**
 * A new file for this process to write the store's JSON in, each call another (a folder of its
 * own, made on first use and removed at exit): a module already bundled keeps reading its own.
 * Folders left by builds that were killed are removed when the next one makes its own.
 */
function storeFiles(): () => string {
	let folder: string | undefined;
	let count = 0;
	return () => {
		if (folder === undefined) {
			for (const stale of staleStoreFolders(readdirSync(tmpdir()), running))
				rmSync(join(tmpdir(), stale), { recursive: true, force: true });
			const made = mkdtempSync(join(tmpdir(), `${STORE_FOLDER}${process.pid}-`));
			folder = made;
			process.once('exit', () => rmSync(made, { recursive: true, force: true }));
		}
		return join(folder, `store-${++count}.json`);
	};
}

export function storeModule(): AstroIntegration {
	const nextFile = storeFiles();
	return {
		name: 'brief-archive:store-module',
		hooks: {
			'astro:config:setup': ({ command, updateConfig, logger }) => {
				let warned = false;
				const unexpected = (code: string) => {
					if (!warned && code.length > 1024 * 1024) {
						logger.warn(
							'the content store module is not in the form expected (export default JSON.parse("…")): it is left as Astro wrote it, which is slow to compile at scale',
						);
						warned = true;
					}
					return null;
				};
				const rewrite =
					command === 'build'
						? (code: string) => {
								const json = storeJson(code);
								if (json === undefined) return unexpected(code);
								const file = nextFile();
								writeFileSync(file, json);
								logger.info(
									`content store: ${(code.length / 1e6).toFixed(1)} MB of JSON read by the pages from a file, not bundled`,
								);
								return { code: readingStoreModule(file), map: { mappings: '' } };
							}
						: (code: string) => {
								const split = splitStoreLiteral(code);
								if (split === undefined) return unexpected(code);
								logger.info(
									`content store: ${(code.length / 1e6).toFixed(1)} MB of JSON handed to the pages as literals of at most ${PIECE / 1024} KiB`,
								);
								return { code: split, map: { mappings: '' } };
							};
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'brief-archive:store-module',
								// Before the other plugins' transforms, which would each scan the 130 MB of code
								// at 10,000 reports for what they rewrite (environment variables, globs, …).
								enforce: 'pre',
								transform: {
									filter: { id: new RegExp(`^${STORE_MODULE}$`) },
									handler: rewrite,
								},
							},
						],
					},
				});
			},
		},
	};
}
