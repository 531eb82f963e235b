/**
 * The content checks (`src/lib/checks/validate.ts`) wired to the file system, to Astro and to the
 * command line. `astro build` runs them before Astro reads any content and stops on any mistake,
 * listing them all; `astro dev` runs them at start-up and warns; `npm run check:content` runs
 * them alone, without rendering anything.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { anchorReader } from '../lib/checks/anchors.ts';
import { scanBody, type BodyScan } from '../lib/checks/body.ts';
import { hashOf } from '../lib/hash.ts';
import { cacheFolder, fileCache } from '../lib/node/file-cache.ts';
import { entryCache, type SavedEntryCache } from '../lib/node/entry-cache.ts';
import { codeFingerprint } from '../lib/node/fingerprint.ts';
import { readFolder } from '../lib/node/folder.ts';
import { contentDir, type CollectionName } from '../lib/model/collections.ts';
import { ContentError } from '../lib/model/content-error.ts';
import { resolveBuildTime } from '../lib/model/publish.ts';
import { publishModeOf } from './publish-mode.ts';
import { validateContent, type ScanInput, type Validation } from '../lib/checks/validate.ts';
import { scanAll } from '../lib/node/scan-pool.ts';
import { SITE } from '../site.ts';

export interface CheckOptions {
	/** The project root; messages name files relative to it. */
	root?: string;
	/** The content directory (default: `BRIEF_CONTENT_DIR` or `content/`). */
	content?: string;
	/** The folder served as is (default: `public/`). */
	public?: string;
	/** The build time (default: `BRIEF_BUILD_TIME` or now). */
	now?: Date;
}

/**
 * The body scan and the anchor reader, with their results kept between runs beside Astro's own
 * cache (`node_modules/.astro`, or `BRIEF_CACHE_DIR`), keyed by a hash of the body. Parsing every
 * body is most of the checks' cost (about 6 ms a report, a minute at 10,000 reports); between two
 * builds almost every body is unchanged.
 */
function cachedChecks(root: string, content: string) {
	const cacheDir = cacheFolder(root);
	// The checks' results depend on the checking and rendering code and the dependencies' versions.
	const fingerprint = codeFingerprint(root);
	const scans = fileCache<BodyScan>(join(cacheDir, 'brief-body-scans.jsonl'), fingerprint);
	const ids = fileCache<string[]>(join(cacheDir, 'brief-anchors.jsonl'), fingerprint);
	const render = anchorReader(content);
	const scanKey = (body: string, format: 'md' | 'mdx', owner: CollectionName) =>
		hashOf(format, owner, body);
	return {
		entries: entryCache(join(cacheDir, 'brief-entries.v8'), fingerprint),
		scan(body: string, format: 'md' | 'mdx', owner: CollectionName): BodyScan {
			const key = scanKey(body, format, owner);
			const hit = scans.get(key);
			if (hit) return hit;
			const scan = scanBody(body, format, owner);
			scans.set(key, scan);
			return scan;
		},
		/** Scans every body not yet in the cache, on two cores when there are many. */
		async prepareScans(inputs: readonly ScanInput[]): Promise<void> {
			const missing = new Map<string, ScanInput>();
			for (const input of inputs) {
				const key = scanKey(input.body, input.format, input.owner);
				if (!missing.has(key) && !scans.get(key)) missing.set(key, input);
			}
			const found = await scanAll([...missing.values()], join(root, 'src/workers/scan-worker.ts'));
			[...missing.keys()].forEach((key, i) => scans.set(key, found[i]!));
		},
		async anchors(body: string): Promise<ReadonlySet<string>> {
			const key = hashOf(body);
			const hit = ids.get(key);
			if (hit) return new Set(hit);
			const found = await render(body);
			ids.set(key, [...found]);
			return found;
		},
	};
}

/** Checks the content folder on disk. */
export async function checkContentFolder(options: CheckOptions = {}): Promise<Validation> {
	const root = resolve(options.root ?? process.cwd());
	const content = resolve(root, options.content ?? contentDir());
	const cached = cachedChecks(root, content);
	const result = await validateContent({
		content: readFolder(content, root),
		public: readFolder(resolve(root, options.public ?? 'public'), root),
		now: options.now ?? resolveBuildTime(process.env.BRIEF_BUILD_TIME),
		siteUrl: SITE.url,
		anchors: (body) => cached.anchors(body),
		scan: (body, format, owner) => cached.scan(body, format, owner),
		prepareScans: (inputs) => cached.prepareScans(inputs),
		entries: cached.entries,
	});
	cached.entries.save();
	return result;
}

/**
 * What the content checks read of each file, for the other readers of the same build (the
 * social cards, the leak check): unchanged files are not parsed again.
 */
export function contentEntryCache(root: string): SavedEntryCache {
	const cacheDir = cacheFolder(root);
	return entryCache(join(cacheDir, 'brief-entries.v8'), codeFingerprint(root));
}

/**
 * The Astro integration. It decides the publish mode (`preview` under `astro dev` or with
 * `BRIEF_PREVIEW`, `publish` otherwise) and hands it to the code as a constant. `checks: false`
 * skips the checks (for the sanitizer's own test; astro.config.ts never sets it). On `astro build` a
 * mistake throws a `ContentError` listing every issue,
 * so the build exits non-zero before anything is written. On `astro dev` the issues are logged as
 * warnings and the server starts, so an author can keep writing.
 */
export function contentCheck(options: { checks?: boolean } = {}): AstroIntegration {
	return {
		name: 'brief-archive:content-check',
		hooks: {
			'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
				// The publish mode (./publish-mode.ts), handed to src/data/archive.ts as a constant, and
				// the project's folder, under whose code the pages' caches are kept (src/data/term-table.ts).
				const mode = publishModeOf(command);
				const root = fileURLToPath(config.root);
				updateConfig({
					vite: {
						define: {
							__BRIEF_PUBLISH_MODE__: JSON.stringify(mode),
							__BRIEF_ROOT__: JSON.stringify(root),
						},
					},
				});
				if (command !== 'build' && command !== 'dev') return;
				if (
					command === 'build' &&
					mode === 'preview' &&
					resolve(fileURLToPath(config.outDir)) === join(root, 'dist')
				) {
					throw new Error(
						'A preview build (BRIEF_PREVIEW) contains drafts and embargoed reports, so it never writes into dist/; run npm run preview:drafts, which builds into dist-preview/',
					);
				}
				// Only code turns the checks off, never the environment or the content: the test build of
				// the hostile fixture (tests/support/astro.unchecked.config.ts) does, to show that the
				// body sanitizer holds without them.
				if (options.checks === false) {
					if (resolve(fileURLToPath(config.outDir)) === join(root, 'dist')) {
						throw new Error('A build without the content checks never writes into dist/');
					}
					logger.warn('content checks are off: this build is for tests only, never publish it');
					return;
				}
				const started = performance.now();
				const result = await checkContentFolder({
					root,
					public: fileURLToPath(config.publicDir),
				});
				if (result.issues.length === 0) {
					const seconds = ((performance.now() - started) / 1000).toFixed(1);
					logger.info(`${result.files} content files checked in ${seconds} s: no problems`);
					return;
				}
				if (command === 'dev') {
					logger.warn(
						new ContentError(result.issues).message.replace(
							'nothing was published',
							'a build would stop',
						),
					);
					return;
				}
				// The list goes to the log as it is. Astro's error display would add a misleading hint to
				// any message that happens to contain "document" or "window", and a stack trace.
				logger.error(new ContentError(result.issues).message);
				const error = new Error(
					`${result.issues.length} content ${result.issues.length === 1 ? 'error' : 'errors'}, listed above; the build stopped before writing anything`,
				);
				error.name = 'ContentError';
				error.stack = '';
				throw error;
			},
		},
	};
}
