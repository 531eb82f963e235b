/**
 * Reusing the last index's page fragments when Pagefind writes a new index
 * (src/integrations/pagefind.ts).
 *
 * Pagefind writes one fragment per indexed page (`fragment/<hash>.pf_fragment`: the page's
 * address, text, metadata, filters and anchors, gzip-compressed at the highest level), and
 * compressing them is about a tenth of the time it takes to write an index of 10,000 reports
 * (20.2 s, 18.3 s without them; docs/benchmarks.md). A
 * fragment is made from its page alone, so a page an incremental build kept (the same HTML as in
 * the last output) has the same fragment as before. Pagefind's `writeFiles` does not write a
 * hash-named file that already exists in the folder it writes to (pagefind/src/output/mod.rs,
 * `WriteBehavior::Immutable`), and skips its compression. So the new index is written into a
 * scratch folder that holds an empty placeholder for the last fragment of every kept page: Pagefind
 * compresses only the fragments of the pages that changed, and the placeholders' real content is
 * already in the output.
 *
 * That is only right when each placeholder Pagefind skipped stands for the page it is used for.
 * Fragment names are 7 hex digits of a hash (longer only when two pages of one index share
 * them), so a changed page's new fragment may take the name of another page's old one, or two
 * pages' names may swap; Pagefind would then skip a fragment it should have written. The new
 * index's metadata file lists every page's fragment name in page order, and `checkReuse` accepts
 * the written index only when every name it uses is either written afresh or the placeholder of
 * that very page. Otherwise the caller takes the index's files whole, as without reuse.
 */
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { putFile } from './put-file.ts';

/** What Pagefind writes before the CBOR of its metadata file, inside the gzip. */
const SIGNATURE = 'pagefind_dcd';

/** What this code reads of an index's metadata file (`pagefind.<hash>.pf_meta`). */
export interface PagefindMeta {
	/** The Pagefind version that wrote it. */
	version: string;
	/** Each indexed page's fragment name (without folder and extension), in page order. */
	fragments: string[];
}

/** A name Pagefind gives a hashed file: a language, `_`, hex digits (`en_90f9db6`). */
const HASHED_NAME = /^[a-z-]+_[0-9a-f]+$/i;

/** A fragment's path inside the index's folder. */
export const fragmentPath = (name: string) => `fragment/${name}.pf_fragment`;

/**
 * Reads the metadata file of the index in `bundle` (the folder holding `pagefind-entry.json`),
 * of its only language. Undefined when there is none, or it is not in the form Pagefind 1.6
 * writes: a caller then does not reuse anything.
 */
export function readPagefindMeta(bundle: string): PagefindMeta | undefined {
	try {
		const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
			languages?: Record<string, { hash?: unknown }>;
		};
		const languages = Object.values(entry.languages ?? {});
		const hash = languages.length === 1 ? languages[0]?.hash : undefined;
		if (typeof hash !== 'string' || !HASHED_NAME.test(hash)) return undefined;
		return decodePagefindMeta(readFileSync(join(bundle, `pagefind.${hash}.pf_meta`)));
	} catch {
		return undefined;
	}
}

/**
 * Decodes a metadata file's bytes: gzip, then Pagefind's signature, then CBOR of
 * `[version, pages, index_chunks, filters, sorts, meta_fields]`, each page `[hash, word_count, …]`
 * (pagefind/src/index/index_metadata.rs). Undefined when the bytes are not of that form.
 */
export function decodePagefindMeta(bytes: Uint8Array): PagefindMeta | undefined {
	try {
		const plain = gunzipSync(bytes);
		if (plain.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) return undefined;
		const meta: unknown = decode(plain.subarray(SIGNATURE.length));
		if (!Array.isArray(meta) || typeof meta[0] !== 'string' || !Array.isArray(meta[1]))
			return undefined;
		const fragments: string[] = [];
		for (const page of meta[1] as unknown[]) {
			// Names become paths in the output: anything but a language and hex digits is refused.
			if (!Array.isArray(page) || typeof page[0] !== 'string' || !HASHED_NAME.test(page[0]))
				return undefined;
			fragments.push(page[0]);
		}
		return { version: meta[0], fragments };
	} catch {
		return undefined;
	}
}

/**
 * The fragments that may stand in for kept pages: fragment path → the page it belongs to, for
 * each page indexed now that the last index held too, that this build did not write, and whose
 * fragment is still in the output (`inOutput`). `before` is the last index's pages in page order,
 * `fragmentsBefore` the fragment names its metadata lists, in the same order; when the two do not
 * match in length nothing is reused.
 */
export function fragmentsToReuse(
	before: readonly string[],
	fragmentsBefore: readonly string[],
	indexed: readonly string[],
	written: ReadonlySet<string>,
	inOutput: (path: string) => boolean,
): Map<string, string> {
	const reuse = new Map<string, string>();
	if (before.length !== fragmentsBefore.length) return reuse;
	const fragmentOf = new Map<string, string>();
	before.forEach((page, i) => fragmentOf.set(page, fragmentsBefore[i] as string));
	for (const page of indexed) {
		if (written.has(page)) continue;
		const name = fragmentOf.get(page);
		if (name === undefined) continue;
		const path = fragmentPath(name);
		if (inOutput(path)) reuse.set(path, page);
	}
	return reuse;
}

/**
 * Whether the index written over the placeholders is the one Pagefind would write afresh:
 * undefined when it is, otherwise why not. `indexed` is this build's pages in the order they were
 * handed to Pagefind, `meta` the written index's metadata, `reused` the placeholders (fragment
 * path → page) and `wroteFile` whether Pagefind wrote a file of that path in the scratch folder.
 */
export function checkReuse(
	indexed: readonly string[],
	meta: PagefindMeta,
	versionBefore: string,
	reused: ReadonlyMap<string, string>,
	wroteFile: (path: string) => boolean,
): string | undefined {
	if (meta.version !== versionBefore)
		return `Pagefind ${meta.version} wrote it, the last index was Pagefind ${versionBefore}'s`;
	if (meta.fragments.length !== indexed.length)
		return `it lists ${meta.fragments.length} pages, ${indexed.length} were indexed`;
	for (const [i, page] of indexed.entries()) {
		const path = fragmentPath(meta.fragments[i] as string);
		const owner = reused.get(path);
		if (owner === undefined ? !wroteFile(path) : owner !== page)
			return `the fragment ${path} of ${page} ${owner === undefined ? 'was not written' : `is the last fragment of ${owner}`}`;
	}
	return undefined;
}

/** The index's files in the output after writing. */
export interface WrittenIndex {
	/** Every file of the index, relative to its folder, with `/`, sorted. */
	paths: string[];
	/** How many of them were written (the others held the same bytes already). */
	changed: number;
	/** How many fragments were kept from the last index without Pagefind compressing them. */
	reused: number;
}

export interface OverLastFragments {
	/** The index's folder in the output, which holds the last index. */
	bundle: string;
	/** A folder of the build's own to write the new index into; removed afterwards. */
	scratch: string;
	/** The last index: its pages in page order, and its files. */
	last: { pages: readonly string[]; files: readonly string[] };
	/** This build's indexed pages, in the order they were handed to Pagefind. */
	indexed: readonly string[];
	/** The pages this build wrote (the others are as in the last output). */
	written: ReadonlySet<string>;
	/** Called once Pagefind has begun writing. */
	started: () => void;
}

/**
 * Writes `index` into `scratch` over an empty placeholder for the last fragment of each kept
 * page, so that Pagefind compresses only the fragments that changed; then, if the written index
 * is the one Pagefind would write afresh (`checkReuse`), puts what it wrote into `bundle`, where
 * the placeholders' fragments already are, and says what the index's files are. Returns why not
 * otherwise, having changed nothing in `bundle`: the caller then takes the index whole.
 */
export async function writeOverLastFragments(
	index: { writeFiles(options: { outputPath: string }): Promise<{ errors: string[] }> },
	{ bundle, scratch, last, indexed, written, started }: OverLastFragments,
): Promise<WrittenIndex | string> {
	const before = readPagefindMeta(bundle);
	if (!before) return 'the last index has no metadata this build can read';
	const files = new Set(last.files);
	const reused = fragmentsToReuse(last.pages, before.fragments, indexed, written, (path) =>
		files.has(path),
	);
	if (reused.size === 0) return 'no page was kept';
	rmSync(scratch, { recursive: true, force: true });
	try {
		mkdirSync(join(scratch, 'fragment'), { recursive: true });
		for (const path of reused.keys()) closeSync(openSync(join(scratch, path), 'w'));
		const writing = index.writeFiles({ outputPath: scratch });
		started();
		const { errors } = await writing;
		if (errors.length)
			throw new Error(`Pagefind writing the index failed:\n  ${errors.join('\n  ')}`);
		const wrote = (path: string) => !reused.has(path) && existsSync(join(scratch, path));
		const meta = readPagefindMeta(scratch);
		if (!meta) return 'the written index has no metadata this build can read';
		const problem = checkReuse(indexed, meta, before.version, reused, wrote);
		if (problem) return problem;
		const used = new Set(meta.fragments.map(fragmentPath));
		const paths: string[] = [];
		let changed = 0;
		let kept = 0;
		for (const file of readdirSync(scratch, { recursive: true, withFileTypes: true })) {
			if (!file.isFile()) continue;
			const path = relative(scratch, join(file.parentPath, file.name)).split(sep).join('/');
			if (reused.has(path)) {
				// A placeholder: the fragment is in the output already, or not part of this index.
				if (used.has(path)) {
					paths.push(path);
					kept++;
				}
				continue;
			}
			paths.push(path);
			if (putFile(join(bundle, path), readFileSync(join(scratch, path)))) changed++;
		}
		return { paths: paths.sort(), changed, reused: kept };
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}
