/**
 * Offline reading, once every file is built (after the search index, before `_headers`):
 *
 * 1. The index's tag (Pagefind's `metaCacheTag`, a hash of the index's content), which
 *    `./pagefind.ts` has written into the search page: its entry file has one name per index, so
 *    it can be saved and found offline. The search page's name table goes with the index.
 * 2. Every collection a reader can save (`src/lib/outputs/offline-packs.ts`) is measured from the
 *    files themselves: `/offline/packs/<id>.json` lists its files with their download sizes and
 *    hashes, and the page that offers it gets its size written into its "Save for offline"
 *    control. Sizes are written here, after every build, so no page's cache key needs them.
 * 3. The service worker (`src/sw/service-worker.ts`) is bundled into `/sw.js` with this build's
 *    date and version (a hash of every file it may keep and of its own code) and the files it
 *    installs: the offline page, the styles and scripts, the icon.
 *
 * The collections come from an internal endpoint that reads the archive
 * (`./offline-definitions.ts`); this integration deletes that file after reading it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build as esbuild } from 'esbuild';
import { hashOf } from '../lib/hash.ts';
import { inPlaceBuild, readPending } from '../lib/node/build-stage.ts';
import { cacheFolder, fileCache } from '../lib/node/file-cache.ts';
import {
	byPathAndContent,
	fileMeasurer,
	fileOfPath,
	filesUnder,
	fragmentRecords,
	pagefindEngineFiles,
	pagefindRecords,
	pagefindTag,
} from '../lib/node/offline-files.ts';
import { summaryOf } from '../lib/offline/manifest.ts';
import { companionsOf } from '../lib/offline/paths.ts';
import {
	imagesOf,
	packManifests,
	withoutPackSummaries,
	withPackSummary,
	type FileFacts,
	type PackDefinition,
} from '../lib/outputs/offline-packs.ts';
import { formatBytes } from '../lib/view/format.ts';
import {
	FAVICON_PATH,
	OFFLINE_PATH,
	PACKS_INDEX_PATH,
	packManifestPath,
	SEARCH_PATH,
	SEARCH_TERMS_PATH,
	SERVICE_WORKER_PATH,
} from '../lib/routes.ts';

/** Where the internal list of collections is written during the build (and deleted after). */
export const DEFINITIONS_PATH = '/brief-build-offline.json';

/** The service worker, bundled into one classic script (module workers are not yet everywhere). */
async function bundleWorker(): Promise<string> {
	const result = await esbuild({
		entryPoints: [fileURLToPath(new URL('../sw/service-worker.ts', import.meta.url))],
		bundle: true,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		minify: true,
		legalComments: 'none',
		write: false,
	});
	return result.outputFiles[0]!.text;
}

export function offlineIntegration(): AstroIntegration {
	let base = '/';
	let root = process.cwd();
	return {
		name: 'brief-offline',
		hooks: {
			'astro:config:setup': ({ injectRoute, config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				root = fileURLToPath(config.root);
				injectRoute({
					pattern: DEFINITIONS_PATH,
					entrypoint: new URL('./offline-definitions.ts', import.meta.url),
					prerender: true,
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const out = fileURLToPath(dir);
				const definitionsFile = join(out, DEFINITIONS_PATH);
				const definitions = JSON.parse(readFileSync(definitionsFile, 'utf8')) as PackDefinition[];
				rmSync(definitionsFile);
				const read = (path: string) => readFileSync(join(out, fileOfPath(path)), 'utf8');
				const write = (path: string, text: string) => {
					const file = join(out, fileOfPath(path));
					mkdirSync(dirname(file), { recursive: true });
					writeFileSync(file, text);
				};

				// 1. The index's tag (src/integrations/pagefind.ts wrote it into the search page): the
				// name the search page asks for the entry file by, which every collection saves.
				const tag = pagefindTag(out);

				// 2. Every file a collection may hold, measured. A listing page an incremental build
				// kept still holds the last build's summary: it is measured as rendered, without it.
				for (const d of definitions) {
					const html = read(d.path);
					const fresh = withoutPackSummaries(html);
					if (fresh !== html) write(d.path, fresh);
				}
				// In an incremental build (scripts/build.ts) the last output's files are still there:
				// only those this build wrote, or Astro or another step kept, are part of it; those it did
				// not write were measured by the last build, which this one takes over.
				const stage = inPlaceBuild();
				const cacheDir = cacheFolder(root);
				const cached = <V>(name: string, fingerprint: string) =>
					fileCache<V>(join(cacheDir, `brief-offline-${name}.jsonl`), fingerprint);
				const measure = fileMeasurer(
					out,
					cached<number>('sizes', 'gzip level 6'),
					stage && {
						cache: cached<FileFacts>('facts', 'sha256/20, gzip level 6'),
						since: stage.since,
					},
				);
				const produced = stage
					? new Set(Object.values(readPending(stage.stateDir)).flatMap((r) => r.outputs ?? []))
					: undefined;
				const inOutput = (file: string) =>
					!stage || stage.wrote(join(out, file)) || stage.kept(file) || produced!.has(file);
				const core = [
					OFFLINE_PATH,
					FAVICON_PATH,
					...filesUnder(out, '_astro', inOutput).map((f) => `/${f}`),
				];
				const engine = pagefindEngineFiles(out, tag, inOutput);
				const shared = [...core, SEARCH_PATH, SEARCH_TERMS_PATH, ...engine];
				const files = new Map<string, FileFacts>();
				const companions = new Map<string, string[]>();
				const exists = (path: string) => {
					if (files.has(path)) return true;
					try {
						files.set(path, measure(path));
						return true;
					} catch {
						return false;
					}
				};
				/** A file's content hash, measured once: what `byPathAndContent` keys a file by. */
				const contentHash = (path: string) => {
					if (!exists(path)) throw new Error(`offline: no ${path}`);
					return files.get(path)!.hash;
				};
				const byContent = <V>(name: string, fingerprint: string, of: (path: string) => V) =>
					byPathAndContent(cached<V>(name, fingerprint), contentHash, of);
				const recordsIn = byContent('records', 'pagefind fragments 2', (path) =>
					fragmentRecords(out, fileOfPath(path)),
				);
				const records = pagefindRecords(out, inOutput, (file) => recordsIn(`/${file}`));
				const imagesIn = byContent('images', `images 2 under ${base}`, (page) =>
					imagesOf(read(page), base),
				);
				for (const path of shared) if (!exists(path)) throw new Error(`offline: no ${path}`);
				const pages = new Set(definitions.flatMap((d) => [...d.pages, ...d.reports]));
				for (const page of pages) {
					if (!exists(page)) throw new Error(`offline: the build wrote no page at ${page}`);
					const extra = [...companionsOf(page), ...imagesIn(page)];
					companions.set(page, extra.filter(exists));
				}
				for (const { file } of records.values()) exists(file);

				const worker = await bundleWorker();
				const version = hashOf(
					worker,
					...[...files].map(([path, f]) => `${path} ${f.hash}`).sort(),
				).slice(0, 12);
				const built = new Date(process.env.BRIEF_BUILD_TIME ?? Date.now()).toISOString();
				const manifests = packManifests({
					definitions,
					files,
					shared,
					companions,
					records,
					built,
					version,
				});

				// The sizes, into the pages that offer each collection; then those pages measured again,
				// so that every hash in a manifest is the hash of the file as served.
				for (const m of manifests) write(m.path, withPackSummary(read(m.path), summaryOf(m)));
				const patched = new Map(manifests.map((m) => [m.path, measure(m.path)]));
				for (const m of manifests) {
					m.files = m.files.map((f) => {
						const now = patched.get(f.path);
						return now ? { path: f.path, ...now } : f;
					});
					m.bytes = m.files.reduce((n, f) => n + f.bytes, 0);
					m.ownBytes = m.files.slice(0, m.ownFiles).reduce((n, f) => n + f.bytes, 0);
					write(packManifestPath(m.id), `${JSON.stringify(m)}\n`);
				}
				write(PACKS_INDEX_PATH, `${JSON.stringify(manifests.map(summaryOf))}\n`);

				// 3. The worker, with this build's date, version and the files it installs.
				const settings = JSON.stringify({ built, version, core });
				write(SERVICE_WORKER_PATH, `var __BRIEF_SW__=${settings};\n${worker}`);

				const all = manifests.find((m) => m.id === 'all');
				const seconds = ((performance.now() - started) / 1000).toFixed(1);
				logger.info(
					`offline: ${manifests.length} collections (the whole archive ${formatBytes(all?.bytes ?? 0)}), worker ${version}, in ${seconds} s`,
				);
			},
		},
	};
}
