/**
 * A folder on disk as the content checks read it (`Folder` in `../checks/entries.ts`): every file
 * under it, listed once, read on demand, and every symbolic link in it, listed apart and never
 * followed.
 */
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Folder } from '../checks/entries.ts';

/** How a folder is named in messages: relative to the project when inside it, else absolute. */
export function labelOf(dir: string, root: string): string {
	const rel = relative(root, dir);
	return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : dir;
}

/** Every file and symbolic link under `dir` (none when it does not exist), read on demand. */
export function readFolder(dir: string, root: string): Folder {
	let paths: string[] = [];
	let symlinks: { path: string; target: string }[] = [];
	try {
		if (statSync(dir).isDirectory()) {
			// Node's recursive listing does not descend into linked folders; they are listed as links.
			const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
			const rel = (d: (typeof entries)[number]) =>
				relative(dir, join(d.parentPath, d.name)).split(sep).join('/');
			paths = entries
				.filter((d) => d.isFile())
				.map(rel)
				.sort();
			symlinks = entries
				.filter((d) => d.isSymbolicLink())
				.map((d) => ({ path: rel(d), target: readlinkSync(join(d.parentPath, d.name)) }))
				.sort((a, b) => a.path.localeCompare(b.path));
		}
	} catch {
		paths = [];
		symlinks = [];
	}
	return {
		label: labelOf(dir, root),
		paths,
		symlinks,
		read: (path) => readFileSync(join(dir, path)),
	};
}
