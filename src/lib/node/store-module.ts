/**
 * The content store as a module V8 compiles quickly.
 *
 * Astro hands the content layer's store to the pages as a module whose whole text is
 * `export default JSON.parse("…")`: the store's JSON as one string literal, 12 MB at 1,000 reports
 * and 126 MB at 10,000. V8 compiles a string literal of that size very slowly: importing the
 * 126 MB module took 29 s on the benchmark machine, where reading and parsing the same JSON from
 * disk takes 1.4 s. The same text as a list of literals of at most a mebibyte, joined before it
 * is parsed, took 3.7 s (docs/benchmarks.md, "Incremental builds"). Every build and every
 * refresh of `astro dev` after a save pays this once, so it is most of what an edit costs at scale.
 *
 * `splitStoreLiteral` rewrites the one into the other; the value the module exports is the same,
 * string for string. Astro's chunked storage (`experimental.collectionStorage`) would also split
 * the literal, but its writer measures every character's UTF-8 length one by one: at 1,000 reports
 * it made the content sync 15 s slower.
 */

/** The longest literal written, in UTF-16 code units. */
export const PIECE = 1024 * 1024;

const HEAD = 'export default JSON.parse(';
const TAIL = ')';

/**
 * The store's JSON text when `code` is exactly Astro's `export default JSON.parse(<string>)`,
 * or `undefined` for any other module (then it is left as Astro wrote it: correct, only slower).
 */
export function storeJson(code: string): string | undefined {
	const body = code.trimEnd();
	if (!body.startsWith(HEAD) || !body.endsWith(TAIL)) return undefined;
	const literal = body.slice(HEAD.length, -TAIL.length).trim();
	if (!literal.startsWith('"') || !literal.endsWith('"')) return undefined;
	let text: unknown;
	try {
		text = JSON.parse(literal);
	} catch {
		return undefined;
	}
	return typeof text === 'string' ? text : undefined;
}

/**
 * The module rewritten with its one string literal cut into pieces of at most `piece` code
 * units, or `undefined` when the code is not Astro's form (see `storeJson`).
 */
export function splitStoreLiteral(code: string, piece = PIECE): string | undefined {
	const text = storeJson(code);
	if (text === undefined) return undefined;
	const pieces: string[] = [];
	// A cut between the two halves of a surrogate pair is safe: JSON.stringify writes each half as
	// an escape, and join() puts the pair back together before JSON.parse reads it.
	for (let i = 0; i < text.length; i += piece)
		pieces.push(JSON.stringify(text.slice(i, i + piece)));
	if (pieces.length === 0) pieces.push('""');
	return `${HEAD}[\n${pieces.join(',\n')}\n].join('')${TAIL}\n`;
}

/**
 * A module that exports the same value by reading the store's JSON from `file` when it is
 * first imported: for a build, whose pages are rendered by the same machine in the same run.
 * Vite then bundles a few lines instead of the whole store (132 MB at 10,000 reports), and V8
 * compiles no literal at all.
 */
export function readingStoreModule(file: string): string {
	return `import { readFileSync } from 'node:fs';\n${HEAD}readFileSync(${JSON.stringify(file)}, 'utf8')${TAIL};\n`;
}

/** The prefix of the temporary folder a build writes its store in, followed by its process id. */
export const STORE_FOLDER = 'brief-store-';

/**
 * Which of the names in the temporary folder are store folders left by builds that are gone: a
 * build killed outright (SIGKILL) never removes its own. `alive` says whether a process id runs.
 */
export function staleStoreFolders(
	names: readonly string[],
	alive: (pid: number) => boolean,
): string[] {
	return names.filter((name) => {
		const m = new RegExp(`^${STORE_FOLDER}(\\d+)-`).exec(name);
		return m !== null && !alive(Number(m[1]));
	});
}
