/**
 * Offline reading, once every file is built (around the search index, before `_headers`):
 *
 * 1. The index's tag (Pagefind's `metaCacheTag`, a hash of the index's content), which
 *    `./pagefind.ts` has written into the search page: its entry file has one name per index, so
 *    it can be saved and found offline. The search page's name table goes with the index.
 * 2. Every collection a reader can save (`src/lib/outputs/offline-packs.ts`) is measured from the
 *    files themselves: `/offline/packs/<id>.json` lists its files with their download sizes and
 *    hashes, and the page that offers it gets its size written into its "Save for offline"
 *    control. Sizes are written here, after every build, so no page's cache key needs them.
 *    The pages and what they need are measured while Pagefind writes the index in its own
 *    process (`measure`, which `./pagefind.ts` calls then); the index's own files after it.
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
import { cacheFolder, fileCache, type FileCache } from '../lib/node/file-cache.ts';
import {
	byPathAndContent,
	fileMeasurer,
	fileOfPath,
	filesUnder,
	fragmentRecords,
	type FileMeasurer,
	type FragmentRecords,
	type InOutput,
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

/**
 * Which files of the output are this build's: in an incremental build, those it wrote, those
 * Astro kept and those a step reported as its own, as of now (the search index reports its files
 * when it is written, so this is asked again after it).
 */
function inThisOutput(out: string): InOutput {
	const stage = inPlaceBuild();
	if (!stage) return () => true;
	const produced = new Set(
		Object.values(readPending(stage.stateDir)).flatMap((r) => r.outputs ?? []),
	);
	return (file) => stage.wrote(join(out, file)) || stage.kept(file) || produced.has(file);
}

/**
 * What is measured of a build before its search index exists: the collections, their pages with
 * what each needs beside it, and the site's own files; with the means to measure the rest.
 */
interface Measured {
	definitions: PackDefinition[];
	/** Every file measured so far, by site path. */
	files: Map<string, FileFacts>;
	companions: Map<string, string[]>;
	core: string[];
	measure: FileMeasurer;
	cached: <V>(name: string, fingerprint: string) => FileCache<V>;
	/** The service worker's code, bundled meanwhile. */
	worker: Promise<string>;
	/** How long the measuring took. */
	seconds: number;
}

/**
 * Measures every file of the collections that the search index does not touch: the pages (a
 * listing page an incremental build kept still holds the last build's summary, and is measured
 * as rendered, without it), their citation files and images, and the site's scripts and styles.
 * Started once Pagefind is writing the index, it reads and compresses on this thread, idle
 * otherwise, while Pagefind works in its own process: no file it measures is one Pagefind reads
 * or writes (the search page, which Pagefind's integration finishes, is measured after).
 */
async function measureCollections(out: string, root: string, base: string): Promise<Measured> {
	const started = performance.now();
	const worker = bundleWorker();
	worker.catch(() => undefined);
	const definitionsFile = join(out, DEFINITIONS_PATH);
	const definitions = JSON.parse(readFileSync(definitionsFile, 'utf8')) as PackDefinition[];
	rmSync(definitionsFile);
	const read = (path: string) => readFileSync(join(out, fileOfPath(path)), 'utf8');
	for (const d of definitions) {
		const html = read(d.path);
		const fresh = withoutPackSummaries(html);
		if (fresh !== html) writeFileSync(join(out, fileOfPath(d.path)), fresh);
	}
	// In an incremental build (scripts/build.ts) the last output's files are still there: only
	// those this build wrote, or Astro or another step kept, are part of it; those it did not
	// write were measured by the last build, which this one takes over.
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
	const inOutput = inThisOutput(out);
	const core = [
		OFFLINE_PATH,
		FAVICON_PATH,
		...filesUnder(out, '_astro', inOutput).map((f) => `/${f}`),
	];

	const files = new Map<string, FileFacts>();
	/** Measures a file once; false when the build has no such file. */
	const measured = async (path: string) => {
		if (files.has(path)) return true;
		try {
			files.set(path, await measure.later(path));
			return true;
		} catch {
			return false;
		}
	};
	const contentHash = (path: string) => files.get(path)!.hash;
	const imagesIn = byPathAndContent(
		cached<string[]>('images', `images 2 under ${base}`),
		contentHash,
		(page) => imagesOf(read(page), base),
	);
	// One file after another: each is read and compressed on this thread in its turn
	// (`fileMeasurer.later`), so more in hand at once would not be faster.
	for (const path of core) {
		if (!(await measured(path))) throw new Error(`offline: no ${path}`);
	}
	const companions = new Map<string, string[]>();
	const pages = new Set(definitions.flatMap((d) => [...d.pages, ...d.reports]));
	for (const page of pages) {
		if (!(await measured(page))) throw new Error(`offline: the build wrote no page at ${page}`);
		const extra = [...companionsOf(page), ...imagesIn(page)];
		const found: boolean[] = [];
		for (const file of extra) found.push(await measured(file));
		companions.set(
			page,
			extra.filter((_, i) => found[i]),
		);
	}
	const seconds = (performance.now() - started) / 1000;
	return { definitions, files, companions, core, measure, cached, worker, seconds };
}

/**
 * The rest, once the search index is written: its files measured (the index's tag, which
 * `./pagefind.ts` has written into the search page, names the entry file every collection
 * saves), the manifests written, each collection's size written into the page that offers it,
 * and the service worker. Returns what the build log says of it.
 */
async function writeCollections(out: string, measured: Measured): Promise<string> {
	const { definitions, files, companions, core, measure, cached } = measured;
	const inOutput = inThisOutput(out);
	const read = (path: string) => readFileSync(join(out, fileOfPath(path)), 'utf8');
	const write = (path: string, text: string) => {
		const file = join(out, fileOfPath(path));
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, text);
	};
	const exists = (path: string) => {
		if (files.has(path)) return true;
		try {
			files.set(path, measure(path));
			return true;
		} catch {
			return false;
		}
	};
	const tag = pagefindTag(out);
	const engine = pagefindEngineFiles(out, tag, inOutput);
	const shared = [...core, SEARCH_PATH, SEARCH_TERMS_PATH, ...engine];
	for (const path of shared) if (!exists(path)) throw new Error(`offline: no ${path}`);
	/** A file's content hash, measured once: what `byPathAndContent` keys a file by. */
	const contentHash = (path: string) => {
		if (!exists(path)) throw new Error(`offline: no ${path}`);
		return files.get(path)!.hash;
	};
	const recordsIn = byPathAndContent(
		cached<FragmentRecords>('records', 'pagefind fragments 2'),
		contentHash,
		(path) => fragmentRecords(out, fileOfPath(path)),
	);
	const records = pagefindRecords(out, inOutput, (file) => recordsIn(`/${file}`));
	for (const { file } of records.values()) exists(file);

	const worker = await measured.worker;
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

	// The sizes, into the pages that offer each collection; then those pages measured again, so
	// that every hash in a manifest is the hash of the file as served.
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

	// The worker, with this build's date, version and the files it installs.
	const settings = JSON.stringify({ built, version, core });
	write(SERVICE_WORKER_PATH, `var __BRIEF_SW__=${settings};\n${worker}`);

	const all = manifests.find((m) => m.id === 'all');
	return `${manifests.length} collections (the whole archive ${formatBytes(all?.bytes ?? 0)}), worker ${version}`;
}

/**
 * Offline reading: the integration, listed after the search index's, and `measure`, which the
 * search index's integration calls once Pagefind is writing the index (`whileWriting`): the
 * collections' pages are measured meanwhile, on the thread Pagefind leaves idle, and the
 * integration then measures the index's files and writes the manifests, the sizes and the
 * service worker.
 */
export function offlineIntegration(): {
	integration: AstroIntegration;
	measure: (site: string) => void;
} {
	let base = '/';
	let root = process.cwd();
	let measuring: Promise<Measured> | undefined;
	const measure = (site: string) => {
		measuring ??= measureCollections(site, root, base);
		// Awaited by the integration's hook; a build that fails before it must not also report
		// this promise as unhandled.
		measuring.catch(() => undefined);
	};
	return {
		measure,
		integration: {
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
					const out = fileURLToPath(dir);
					measure(out);
					const measured = await measuring!;
					const started = performance.now();
					const summary = await writeCollections(out, measured);
					const seconds = ((performance.now() - started) / 1000).toFixed(1);
					logger.info(
						`offline: ${summary} (their pages measured while the search index was written, in ${measured.seconds.toFixed(1)} s), finished in ${seconds} s`,
					);
				},
			},
		},
	};
}
