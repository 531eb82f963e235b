import {
	closeSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { encode } from 'cborg';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import {
	checkReuse,
	decodePagefindMeta,
	fragmentPath,
	fragmentsToReuse,
	readPagefindMeta,
	writeOverLastFragments,
	type PagefindMeta,
} from '../../../src/lib/node/pagefind-fragments.ts';

const dir = mkdtempSync(join(tmpdir(), 'brief-fragments-'));
afterAll(async () => {
	await pagefind.close();
	rmSync(dir, { recursive: true, force: true });
});

const page = (title: string, body: string) =>
	`<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Menu</nav>` +
	`<main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

const PAGES: [string, string][] = [
	['reports/a/index.html', page('Alpha', 'Remittances fell along the northern corridor.')],
	['reports/b/index.html', page('Bravo', 'Checkpoints moved after the spring offensive.')],
	['reports/c/index.html', page('Charlie', 'Prices of flour doubled in two provinces.')],
];

async function indexOf(pages: readonly [string, string][]) {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
	expect(errors).toEqual([]);
	if (!index) throw new Error('no index');
	for (const [sourcePath, content] of pages) await index.addHTMLFile({ sourcePath, content });
	return index;
}

const fragmentUrl = (file: string) =>
	(
		JSON.parse(gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length).toString()) as {
			url: string;
		}
	).url;

describe('readPagefindMeta', () => {
	it("lists each page's fragment in the order the pages were indexed", async () => {
		const out = join(dir, 'read');
		const index = await indexOf(PAGES);
		await index.writeFiles({ outputPath: out });
		const meta = readPagefindMeta(out);
		expect(meta?.version).toBe('1.6.0');
		expect(meta?.fragments).toHaveLength(3);
		const urls = meta?.fragments.map((name) => fragmentUrl(join(out, fragmentPath(name))));
		expect(urls).toEqual(['/reports/a/', '/reports/b/', '/reports/c/']);
	});

	it('is undefined for a folder without an index, or a metadata file of another form', () => {
		expect(readPagefindMeta(join(dir, 'nothing-here'))).toBeUndefined();
		expect(decodePagefindMeta(gzipSync('pagefind_dcd not cbor'))).toBeUndefined();
		expect(decodePagefindMeta(Buffer.from('not gzip'))).toBeUndefined();
		const wrongShape = Buffer.concat([Buffer.from('pagefind_dcd'), encode({ version: '1.6.0' })]);
		expect(decodePagefindMeta(gzipSync(wrongShape))).toBeUndefined();
		// A fragment name becomes a path: one that could leave the index's folder is refused.
		const escaping = encode([
			'1.6.0',
			[
				['en_1234567', 3, ''],
				['../../../x', 3, ''],
			],
		]);
		expect(
			decodePagefindMeta(gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), escaping]))),
		).toBeUndefined();
		const fine = encode(['1.6.0', [['en_1234567', 3, '']]]);
		expect(
			decodePagefindMeta(gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), fine])))?.fragments,
		).toEqual(['en_1234567']);
		const noSignature = Buffer.from(encode(['1.6.0', [['en_1234567', 3]]]));
		expect(decodePagefindMeta(gzipSync(noSignature))).toBeUndefined();
	});
});

describe("Pagefind's writeFiles over placeholders (what reusing fragments relies on)", () => {
	it('leaves an existing fragment file as it is and writes the others', async () => {
		const first = join(dir, 'first');
		await (await indexOf(PAGES)).writeFiles({ outputPath: first });
		const before = readPagefindMeta(first);
		if (!before) throw new Error('no meta');

		const edited: [string, string][] = [
			PAGES[0] as [string, string],
			['reports/b/index.html', page('Bravo', 'Checkpoints moved before the spring offensive.')],
			PAGES[2] as [string, string],
		];
		const scratch = join(dir, 'scratch');
		mkdirSync(join(scratch, 'fragment'), { recursive: true });
		const placeholder = fragmentPath(before.fragments[0] as string);
		closeSync(openSync(join(scratch, placeholder), 'w'));
		const index = await indexOf(edited);
		await index.writeFiles({ outputPath: scratch });

		expect(statSync(join(scratch, placeholder)).size).toBe(0);
		const after = readPagefindMeta(scratch);
		expect(after?.fragments[0]).toBe(before.fragments[0]);
		expect(after?.fragments[2]).toBe(before.fragments[2]);
		expect(after?.fragments[1]).not.toBe(before.fragments[1]);
		expect(readdirSync(join(scratch, 'fragment')).sort()).toEqual(
			(after?.fragments ?? []).map((n) => `${n}.pf_fragment`).sort(),
		);
		// The index can still hand over all its files afterwards (a refused reuse does so).
		const { files, errors } = await index.getFiles();
		expect(errors).toEqual([]);
		const fragment = files.find((f) => f.path === placeholder);
		expect(fragment && fragmentUrl(join(first, placeholder))).toBe('/reports/a/');
		expect(
			Buffer.compare(Buffer.from(fragment?.content ?? []), readFileSync(join(first, placeholder))),
		).toBe(0);
	});
});

describe('fragmentsToReuse', () => {
	const before = ['a.html', 'b.html', 'c.html', 'd.html'];
	const names = ['en_aaaaaaa', 'en_bbbbbbb', 'en_ccccccc', 'en_ddddddd'];

	it('maps the last fragment of every kept page still in the output to that page', () => {
		const reuse = fragmentsToReuse(
			before,
			names,
			['a.html', 'b.html', 'c.html', 'e.html'],
			new Set(['b.html', 'e.html']),
			(path) => path !== fragmentPath('en_ccccccc'),
		);
		expect([...reuse]).toEqual([[fragmentPath('en_aaaaaaa'), 'a.html']]);
	});

	it('reuses nothing when the last metadata does not list one fragment per page', () => {
		expect(fragmentsToReuse(before, names.slice(1), before, new Set(), () => true).size).toBe(0);
	});
});

describe('checkReuse', () => {
	const indexed = ['a.html', 'b.html', 'c.html'];
	const reused = new Map([
		[fragmentPath('en_aaaaaaa'), 'a.html'],
		[fragmentPath('en_ccccccc'), 'c.html'],
	]);
	const fresh = new Set([fragmentPath('en_bbbbbbb')]);
	const wrote = (path: string) => fresh.has(path);
	const meta = (fragments: string[], version = '1.6.0'): PagefindMeta => ({ version, fragments });

	it('accepts an index whose every fragment is written afresh or its own page’s placeholder', () => {
		const ok = meta(['en_aaaaaaa', 'en_bbbbbbb', 'en_ccccccc']);
		expect(checkReuse(indexed, ok, '1.6.0', reused, wrote)).toBeUndefined();
	});

	it("refuses a changed page whose new fragment took another page's old name", () => {
		// b's new fragment shares its 7 hex digits with c's old one: Pagefind skipped writing it.
		const collided = meta(['en_aaaaaaa', 'en_ccccccc', 'en_ccccccc1']);
		expect(checkReuse(indexed, collided, '1.6.0', reused, wrote)).toBe(
			`the fragment ${fragmentPath('en_ccccccc')} of b.html is the last fragment of c.html`,
		);
	});

	it('refuses kept pages whose names swapped', () => {
		const swapped = meta(['en_ccccccc', 'en_bbbbbbb', 'en_aaaaaaa']);
		expect(checkReuse(indexed, swapped, '1.6.0', reused, wrote)).toMatch(
			/of a\.html is the last fragment of c\.html/,
		);
	});

	it('refuses a fragment that is neither written nor a placeholder', () => {
		const missing = meta(['en_aaaaaaa', 'en_bbbbbbc', 'en_ccccccc']);
		expect(checkReuse(indexed, missing, '1.6.0', reused, wrote)).toMatch(
			/en_bbbbbbc\.pf_fragment of b\.html was not written/,
		);
	});

	it('refuses another Pagefind version or another number of pages', () => {
		const ok = ['en_aaaaaaa', 'en_bbbbbbb', 'en_ccccccc'];
		expect(checkReuse(indexed, meta(ok, '1.7.0'), '1.6.0', reused, wrote)).toMatch(
			/Pagefind 1\.7\.0/,
		);
		expect(checkReuse(indexed, meta(ok.slice(1)), '1.6.0', reused, wrote)).toMatch(
			/lists 2 pages, 3/,
		);
	});
});

/** Every file under a folder, relative to it with `/`, and its bytes as hex. */
function filesOf(folder: string, only?: readonly string[]): Record<string, string> {
	const paths =
		only ??
		readdirSync(folder, { recursive: true, withFileTypes: true })
			.filter((d) => d.isFile())
			.map((d) => join(d.parentPath, d.name).slice(folder.length + 1));
	return Object.fromEntries(
		[...paths].sort().map((p) => [p, readFileSync(join(folder, p)).toString('hex')]),
	);
}

describe('writeOverLastFragments', () => {
	const pathsOf = (pages: readonly [string, string][]) => pages.map(([p]) => p);
	/** The last output's index folder, and its state as the build keeps it. */
	async function lastIndex(name: string, pages: readonly [string, string][]) {
		const bundle = join(dir, name, 'pagefind');
		await (await indexOf(pages)).writeFiles({ outputPath: bundle });
		const files = Object.keys(filesOf(bundle));
		return { bundle, last: { pages: pathsOf(pages), files } };
	}

	it('gives the index Pagefind writes afresh when a page is added before kept ones and one is edited', async () => {
		const { bundle, last } = await lastIndex('over', PAGES);
		const now: [string, string][] = [
			PAGES[0] as [string, string],
			['reports/aa/index.html', page('Alpha two', 'A new report on the northern corridor.')],
			['reports/b/index.html', page('Bravo', 'Checkpoints moved before the offensive.')],
			PAGES[2] as [string, string],
		];
		let started = 0;
		const result = await writeOverLastFragments(await indexOf(now), {
			bundle,
			scratch: join(dir, 'over', 'scratch'),
			last,
			indexed: pathsOf(now),
			written: new Set(['reports/aa/index.html', 'reports/b/index.html']),
			started: () => void started++,
		});
		if (typeof result === 'string') throw new Error(result);
		expect(started).toBe(1);
		expect(result.reused).toBe(2);
		expect(existsSync(join(dir, 'over', 'scratch'))).toBe(false);

		const fresh = join(dir, 'over-fresh');
		await (await indexOf(now)).writeFiles({ outputPath: fresh });
		expect(filesOf(bundle, result.paths)).toEqual(filesOf(fresh));
	});

	it('changes nothing and says why when a changed page would take the name of a kept page’s last fragment', async () => {
		const { bundle, last } = await lastIndex('refused', PAGES);
		const before = filesOf(bundle);
		const old = readPagefindMeta(bundle)!;
		// Stands for Pagefind: writes an index whose page b uses c's old fragment name, as a
		// changed fragment sharing those 7 hex digits would (Pagefind skips the existing file).
		const colliding = {
			writeFiles({ outputPath }: { outputPath: string }) {
				const names = [old.fragments[0], old.fragments[2], `${old.fragments[2]}f`];
				const cbor = encode([old.version, names.map((n) => [n, 5, '']), [], [], [], []]);
				const meta = gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), cbor]));
				writeFileSync(join(outputPath, 'pagefind.en_0123456789.pf_meta'), meta);
				writeFileSync(
					join(outputPath, 'pagefind-entry.json'),
					JSON.stringify({ languages: { en: { hash: 'en_0123456789' } } }),
				);
				writeFileSync(join(outputPath, fragmentPath(`${old.fragments[2]}f`)), 'c, moved');
				return Promise.resolve({ errors: [] as string[] });
			},
		};
		const result = await writeOverLastFragments(colliding, {
			bundle,
			scratch: join(dir, 'refused', 'scratch'),
			last,
			indexed: last.pages,
			written: new Set(['reports/b/index.html']),
			started: () => {},
		});
		expect(result).toBe(
			`the fragment ${fragmentPath(old.fragments[2]!)} of reports/b/index.html is the last fragment of reports/c/index.html`,
		);
		expect(filesOf(bundle)).toEqual(before);
		expect(existsSync(join(dir, 'refused', 'scratch'))).toBe(false);
	});

	it('does not write when no page was kept, or the last index cannot be read', async () => {
		const { bundle, last } = await lastIndex('none', PAGES);
		const never = {
			writeFiles: () => Promise.reject(new Error('should not be asked to write')),
		};
		const options = {
			bundle,
			scratch: join(dir, 'none', 'scratch'),
			last,
			indexed: last.pages,
			written: new Set(last.pages),
			started: () => {},
		};
		expect(await writeOverLastFragments(never, options)).toBe('no page was kept');
		const elsewhere = join(dir, 'none', 'copy');
		cpSync(bundle, elsewhere, { recursive: true });
		rmSync(join(elsewhere, 'pagefind-entry.json'));
		expect(
			await writeOverLastFragments(never, { ...options, bundle: elsewhere, written: new Set() }),
		).toBe('the last index has no metadata this build can read');
	});
});
