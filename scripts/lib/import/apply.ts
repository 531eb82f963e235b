/**
 * Writing a plan: only inside its folder, only over files the import wrote and nobody has edited
 * since (unless `force`), and not at all in a dry run.
 *
 * What the import wrote is remembered in the content folder (`import-state.json`: each file with
 * the post it came from and a hash of the bytes written), so a rerun can tell its own untouched
 * files (updated) from files an editor changed (kept) and from files it never wrote (kept). The
 * decisions are pure (`decide`); `applyPlan` does the reading and writing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The state file's name, in the content folder. */
export const STATE_FILE = 'import-state.json';

export interface ImportState {
	/** Files the import wrote, relative to their folder: `reports/x.md`, `media/2020/12/x.pdf`. */
	files: Record<string, { post?: string; url?: string; sha256: string }>;
}

export const sha256 = (bytes: string | Uint8Array) =>
	createHash('sha256').update(bytes).digest('hex');

export type Action =
	'new' | 'updated' | 'unchanged' | 'overwritten' | 'kept-edited' | 'kept-foreign' | 'kept-deleted';

export interface Decision {
	path: string;
	action: Action;
	/** The file's new state entry, when the import owns the file after this run. */
	owned: boolean;
}

/** Why a relative path may not be written inside `root`, or undefined when it may. */
export function outsideProblem(root: string, path: string): string | undefined {
	// The import only ever writes slugs and cleaned media names: nothing else is let through.
	const plain = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
	if (isAbsolute(path) || !plain.test(path) || path.split('/').includes('..')) {
		return `"${path}" is not a plain path inside the folder`;
	}
	const target = resolve(root, path);
	const rel = relative(resolve(root), target);
	if (!rel || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
		return `"${path}" would be written outside ${root}`;
	}
	return undefined;
}

/**
 * What to do with one planned file, given what is on disk (`current`, undefined when absent) and
 * what the state says the import wrote there last time.
 */
export function decide(
	path: string,
	text: string | Uint8Array,
	current: Uint8Array | undefined,
	recorded: { sha256: string } | undefined,
	force: boolean,
): Decision {
	const wanted = sha256(text);
	if (current === undefined) {
		if (recorded && !force) return { path, action: 'kept-deleted', owned: true };
		return { path, action: 'new', owned: true };
	}
	const now = sha256(current);
	if (now === wanted) return { path, action: 'unchanged', owned: true };
	if (recorded && recorded.sha256 === now) return { path, action: 'updated', owned: true };
	if (force) return { path, action: 'overwritten', owned: true };
	return { path, action: recorded ? 'kept-edited' : 'kept-foreign', owned: !!recorded };
}

export function readState(folder: string): ImportState {
	const file = resolve(folder, STATE_FILE);
	if (!existsSync(file)) return { files: {} };
	try {
		const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ImportState>;
		return { files: parsed.files ?? {} };
	} catch (error) {
		throw new Error(
			`${file} cannot be read (${(error as Error).message}); restore it from version control, or delete it to treat every file as not written by the import`,
		);
	}
}

/** The state file's text: sorted, so a rerun that changes nothing writes the same bytes. */
export function renderState(state: ImportState): string {
	const files = Object.fromEntries(
		Object.entries(state.files).sort(([a], [b]) => a.localeCompare(b)),
	);
	return `${JSON.stringify(
		{
			'//': 'Written by npm run import: the files it wrote and a hash of each as written, so that a rerun updates only the files nobody has edited since. Keep it with the content.',
			files,
		},
		null,
		'\t',
	)}\n`;
}

export interface WriteFile {
	path: string;
	bytes: string | Uint8Array;
	post?: string | undefined;
	/** For a downloaded file: where it came from. */
	url?: string | undefined;
}

export interface ApplyResult {
	decisions: Decision[];
	/** Files removed because their post now writes to another path (`x.md` → `x.mdx`). */
	removed: string[];
}

/**
 * Writes files into `folder` as `decide` says, updating `state` (the caller writes it once every
 * folder is done). In a dry run nothing is written and nothing is removed.
 */
export function applyFiles(
	folder: string,
	files: readonly WriteFile[],
	state: ImportState,
	options: { force: boolean; dryRun: boolean; statePrefix?: string },
): ApplyResult {
	const prefix = options.statePrefix ?? '';
	const decisions: Decision[] = [];
	const removed: string[] = [];
	const planned = new Set(files.map((f) => prefix + f.path));
	for (const file of files) {
		const problem = outsideProblem(folder, file.path);
		if (problem) throw new Error(`refused to write ${problem}`);
		const target = resolve(folder, file.path);
		const key = prefix + file.path;
		const current = existsSync(target) ? new Uint8Array(readFileSync(target)) : undefined;
		const decision = decide(key, file.bytes, current, state.files[key], options.force);
		decisions.push(decision);
		const write =
			decision.action === 'new' ||
			decision.action === 'updated' ||
			decision.action === 'overwritten';
		if (write && !options.dryRun) {
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, file.bytes);
		}
		if (decision.owned && decision.action !== 'kept-edited' && decision.action !== 'kept-deleted') {
			state.files[key] = {
				...(file.post ? { post: file.post } : {}),
				...(file.url ? { url: file.url } : {}),
				sha256: sha256(file.bytes),
			};
		}
		// The same post written elsewhere before (a new slug, or .md become .mdx): the old file goes
		// if nobody edited it.
		if (file.post) {
			for (const [old, entry] of Object.entries(state.files)) {
				if (entry.post !== file.post || old === key || planned.has(old) || !old.startsWith(prefix))
					continue;
				const oldPath = old.slice(prefix.length);
				if (outsideProblem(folder, oldPath)) continue;
				const oldTarget = resolve(folder, oldPath);
				const bytes = existsSync(oldTarget) ? readFileSync(oldTarget) : undefined;
				if (bytes === undefined || sha256(bytes) === entry.sha256) {
					if (bytes !== undefined && !options.dryRun) rmSync(oldTarget);
					if (bytes !== undefined) removed.push(old);
					delete state.files[old];
				}
			}
		}
	}
	return { decisions, removed };
}
