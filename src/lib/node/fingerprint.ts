/**
 * The fingerprint of the code that shapes a cached result: every TypeScript module under
 * `src/lib/` (in every folder, at any depth) and the lock file, which pins the exact version of
 * every dependency. A change to any of them changes the fingerprint, so a cache kept under it
 * (`./file-cache.ts`) is started afresh rather than serving a result that today's code would not
 * give.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { hashOf } from '../hash.ts';

/** Every `.ts` file under `dir`, recursively, as sorted paths relative to it with `/`. */
export function modulePaths(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith('.ts'))
		.map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
		.sort();
}

/** The fingerprint of `src/lib/**` and `package-lock.json` under the project `root`. */
export function codeFingerprint(root: string): string {
	const lib = join(root, 'src/lib');
	// Each module's path goes in with its text, so that moving a module changes it too.
	const sources = modulePaths(lib).flatMap((path) => [path, readFileSync(join(lib, path), 'utf8')]);
	const lock = join(root, 'package-lock.json');
	return hashOf(...sources, existsSync(lock) ? readFileSync(lock, 'utf8') : '');
}

/**
 * What the content layer's store was made with, which Astro does not notice when it changes: the
 * Markdown plugins and what they import, the schemas, the content configuration, the Astro
 * configuration and the lock file. Astro keeps each entry's parsed fields and rendered HTML
 * under the digest of its file alone, so after a change to any of these an incremental build
 * would keep HTML that today's code would not make; `scripts/build.ts` then builds with `--force`.
 */
export function pipelineFingerprint(root: string): string {
	return hashOf(
		...pipelineSources(root).flatMap((file) => {
			const path = join(root, file);
			return [file, existsSync(path) ? readFileSync(path, 'utf8') : ''];
		}),
	);
}

/** The files `pipelineFingerprint` reads, relative to `root` (a test checks they close over their imports). */
export function pipelineSources(root: string): string[] {
	return [
		...['src/lib/markdown', 'src/lib/model'].flatMap((dir) =>
			modulePaths(join(root, dir)).map((path) => `${dir}/${path}`),
		),
		'src/lib/routes.ts',
		'src/content.config.ts',
		'astro.config.ts',
		'package-lock.json',
	];
}
