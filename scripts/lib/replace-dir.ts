/**
 * Puts a finished build in place of the last one, so that readers (and `astro preview`) see
 * either the old site or the new one, never a half-written or emptied folder.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `target` by `source` (two folders on the same file system): the old target is moved
 * aside, the new one renamed into place, and the old one deleted only then. If the second rename
 * fails, the old target is moved back before the error is rethrown.
 */
export function replaceDirectory(source: string, target: string): void {
	const aside = join(dirname(target), `.tmp-old-${basename(target)}-${process.pid}`);
	rmSync(aside, { recursive: true, force: true });
	const hadTarget = existsSync(target);
	if (hadTarget) renameSync(target, aside);
	try {
		renameSync(source, target);
	} catch (error) {
		if (hadTarget) renameSync(aside, target);
		throw error;
	}
	rmSync(aside, { recursive: true, force: true });
}
