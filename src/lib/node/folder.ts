/**
 * A folder on disk as the content checks read it (`Folder` in `../checks/validate.ts`): every file
 * under it, listed once, read on demand.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Folder } from '../checks/entries.ts';

/** How a folder is named in messages: relative to the project when inside it, else absolute. */
export function labelOf(dir: string, root: string): string {
	const rel = relative(root, dir);
	return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : dir;
}

/** Every file under `dir` (none when it does not exist), read on demand. */
export function readFolder(dir: string, root: string): Folder {
	let paths: string[] = [];
	try {
		if (statSync(dir).isDirectory()) {
			paths = readdirSync(dir, { recursive: true, withFileTypes: true })
				.filter((d) => d.isFile())
				.map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
				.sort();
		}
	} catch {
		paths = [];
	}
	return { label: labelOf(dir, root), paths, read: (path) => readFileSync(join(dir, path)) };
}
