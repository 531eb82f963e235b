/**
 * Rewrites the module that carries the content store to the pages (`astro:data-layer-content`),
 * whose one huge string literal V8 compiles in half a minute at 10,000 reports and Vite bundles
 * in as long again (src/lib/node/store-module.ts says why and what was measured):
 * - in a build, the module reads the store's JSON from a file of this build's own, a copy of the
 *   store file Astro's content sync wrote, made when the module is loaded (instead of Astro's
 *   load, with Astro's content-data mark) and removed when the process ends: Vite bundles a few
 *   lines and nothing is compiled;
 * - in `astro dev`, whose store changes with every save, the literal becomes many small ones.
 * Either module exports the same value; it stays marked as content data, which Astro's
 * incremental build leaves out of each route's module hash (a transform keeps the load's `meta`).
 * When Astro's store file or mark is not where this expects them, Astro loads the module and the
 * transform rewrites it, as before.
 */
import {
	copyFileSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
	PIECE,
	readingStoreModule,
	splitStoreLiteral,
	STORE_FOLDER,
	staleStoreFolders,
	storeJson,
} from '../lib/node/store-module.ts';

const statSize = (file: string) => statSync(file).size;

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

/**
 * Astro's mark for a module of content data, which its incremental build leaves out of the
 * routes' module hashes, made by Astro's own function (astro/dist/core/build/
 * incremental-metadata.js, a file its package does not export); undefined when that file or
 * function is gone, and the module is then left to Astro's load (and rewritten below).
 */
function contentDataMeta(): Record<string, unknown> | undefined {
	try {
		// Node's require, which loads ES modules too: this file is evaluated by Vite's module runner,
		// which is closed by the time a module is loaded.
		const require = createRequire(import.meta.url);
		const file = join(
			dirname(require.resolve('astro/package.json')),
			'dist/core/build/incremental-metadata.js',
		);
		const marks = require(file) as {
			createContentDataIncrementalMetadata: () => Record<string, unknown>;
			isContentDataIncrementalModule: (info: { meta: Record<string, unknown> }) => boolean;
		};
		const meta = marks.createContentDataIncrementalMetadata();
		return marks.isContentDataIncrementalModule({ meta }) ? meta : undefined;
	} catch {
		return undefined;
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
			'astro:config:setup': ({ command, config, updateConfig, logger }) => {
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
				// In a build, the module is made here from the store file Astro's content sync wrote
				// (its single-file storage: `<cacheDir>/data-store.json`), without Astro's load, which
				// reads, checks and quotes the whole store, and without the rewrite of that (above),
				// which parses it back: about 2 s at 10,000 reports. The rewrite stays for any build
				// where Astro's file or mark is not where this expects them.
				const storeFile = join(fileURLToPath(config.cacheDir), 'data-store.json');
				const direct =
					command === 'build' &&
					[undefined, 'single-file'].includes(config.experimental.collectionStorage as string)
						? () => {
								const meta = contentDataMeta();
								if (!meta || !existsSync(storeFile)) return null;
								const file = nextFile();
								copyFileSync(storeFile, file);
								logger.info(
									`content store: ${(statSize(file) / 1e6).toFixed(1)} MB of JSON read by the pages from a file (Astro's store file, copied), not bundled`,
								);
								return { code: readingStoreModule(file), map: { mappings: '' }, meta };
							}
						: () => null;
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'brief-archive:store-module',
								load: {
									// Before Astro's own load of the module (its plugin is 'pre' as well).
									order: 'pre',
									filter: { id: new RegExp(`^${STORE_MODULE}$`) },
									handler: direct,
								},
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
