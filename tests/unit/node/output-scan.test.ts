import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
	groupNeedles,
	needlesIn,
	PARALLEL_FROM,
	scanFiles,
	scanFilesInParallel,
	scanOutput,
	searchableText,
} from '../../../src/lib/node/output-scan.ts';

const dir = mkdtempSync(join(tmpdir(), 'brief-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, bytes: string | Uint8Array) {
	mkdirSync(join(dir, path, '..'), { recursive: true });
	writeFileSync(join(dir, path), bytes);
}

describe('searchableText', () => {
	it('decompresses gzip by its magic bytes, whatever the file is called', () => {
		expect(searchableText('x.bin', gzipSync('Hidden CANARY'))).toBe('hidden canary');
	});

	it('inflates Pagefind index files that are zlib streams without the gzip header', () => {
		expect(searchableText('en_1.pf_fragment', deflateSync('canary'))).toBe('canary');
	});

	it('reads other files as they are, and a corrupt gzip file as its raw bytes', () => {
		expect(searchableText('a.html', new TextEncoder().encode('<p>Canary</p>'))).toBe(
			'<p>canary</p>',
		);
		const corrupt = Uint8Array.from([0x1f, 0x8b, 0x00, 0x63, 0x61, 0x6e]);
		expect(searchableText('a.gz', corrupt)).toContain('can');
	});
});

describe('scanOutput', () => {
	write('index.html', '<a href="/reports/public/">Public</a>');
	write('pagefind/fragment/en_abc.pf_fragment', gzipSync('{"content":"the zqcanary word"}'));
	write('reports/secret/index.html', '<h1>Secret</h1>');
	write('feed.json', '{"url":"/REPORTS/SECRET/"}');

	it('finds needles inside compressed files and in file paths, ignoring case', () => {
		expect(scanOutput(dir, ['zqcanary', '/reports/secret/'])).toEqual([
			{ file: 'feed.json', needle: '/reports/secret/', in: 'content' },
			{ file: 'pagefind/fragment/en_abc.pf_fragment', needle: 'zqcanary', in: 'content' },
			{ file: 'reports/secret/index.html', needle: '/reports/secret/', in: 'path' },
		]);
	});

	it('finds nothing when the output is clean, or when there is nothing to look for', () => {
		expect(scanOutput(dir, ['/reports/other/'])).toEqual([]);
		expect(scanOutput(dir, [])).toEqual([]);
	});
});

describe('scanFilesInParallel', () => {
	const WORKER = join(import.meta.dirname, '../../../src/workers/output-scan-worker.ts');
	const FAKE = join(import.meta.dirname, '../../fixtures/output-scan/fake-worker.ts');
	const big = join(dir, 'big');
	/** PARALLEL_FROM + 1 files; every 97th names or holds a needle, some gzipped. */
	const files = Array.from({ length: PARALLEL_FROM + 1 }, (_, i) => {
		const leak = i % 97 === 0;
		const file = `f-${String(i).padStart(5, '0')}${leak && i % 2 ? '-secret-report' : ''}.html`;
		const text = `<p>Page ${i}${leak ? ' links /reports/Secret-Report/' : ''}</p>`;
		mkdirSync(big, { recursive: true });
		writeFileSync(join(big, file), i % 5 === 0 ? gzipSync(text) : text);
		return file;
	});
	const needles = ['/reports/secret-report/', 'secret-report'];

	it('finds what one thread finds, in the same order, with the worker searching half', async () => {
		const one = scanFiles(big, files, needles);
		// Findings on both threads' files: even indices here, odd ones in the worker.
		expect(one.map((f) => files.indexOf(f.file) % 2)).toEqual(expect.arrayContaining([0, 1]));
		expect(one.filter((f) => f.in === 'path').length).toBeGreaterThan(0);
		expect(await scanFilesInParallel(big, files, needles, WORKER)).toEqual(one);
	});

	it('uses the worker’s answer for the files it was given', async () => {
		const found = await scanFilesInParallel(big, files, needles, FAKE);
		expect(found).toContainEqual({ file: files[1], needle: 'from-the-worker', in: 'content' });
		// The worker's files were not searched here: none of their real findings is in the answer.
		expect(found.filter((f) => files.indexOf(f.file) % 2 === 1)).toEqual([
			{ file: files[1], needle: 'from-the-worker', in: 'content' },
		]);
	});

	it('searches everything itself when the worker cannot start, and misses nothing', async () => {
		const missing = join(import.meta.dirname, 'no-such-worker.ts');
		expect(await scanFilesInParallel(big, files, needles, missing)).toEqual(
			scanFiles(big, files, needles),
		);
	});

	it('starts no worker for fewer files', async () => {
		const few = files.slice(0, PARALLEL_FROM - 1);
		expect(await scanFilesInParallel(big, few, needles, FAKE)).toEqual(
			scanFiles(big, few, needles),
		);
	});
});

describe('needlesIn', () => {
	/** What `includes` says of each needle: the answer `needlesIn` must give. */
	const naive = (text: string, needles: readonly string[]) =>
		new Set(needles.filter((n) => text.includes(n)));

	it('finds the needles includes finds, long and short, overlapping, at either end', () => {
		const needles = [
			'/reports/a-hidden-report-on-herat/',
			'/reports/a-hidden-report-on-helmand/', // the same first 24 characters as the one above
			'/reports/b/', // shorter than the key
			'/rep', // shorter than the prefix
			'/reports/reports/x/',
			'canary',
			'/reports/never-there-at-all-anywhere/',
		];
		const text =
			'/rep at the start, <a href="/reports/reports/reports/x/">' +
			'/reports/a-hidden-report-on-helmand/ and /reports/b/, at the end: canary';
		const found = needlesIn(text, groupNeedles(needles));
		expect(found).toEqual(naive(text, needles));
		expect([...found].sort()).toEqual(
			[
				'/rep',
				'/reports/a-hidden-report-on-helmand/',
				'/reports/b/',
				'/reports/reports/x/',
				'canary',
			].sort(),
		);
	});

	it('agrees with includes on generated texts and needles', () => {
		let seed = 7;
		const random = (n: number) => ((seed = (seed * 16807) % 2147483647), seed % n);
		const alphabet = ['/reports/', 'a', 'b', '-', '/', 'herat-', 'x'];
		const word = (parts: number) =>
			Array.from({ length: parts }, () => alphabet[random(alphabet.length)]).join('');
		for (let round = 0; round < 200; round++) {
			const needles = Array.from({ length: 1 + random(12) }, () => word(1 + random(6)));
			const text = Array.from({ length: 1 + random(40) }, () => word(1 + random(4))).join('');
			expect(needlesIn(text, groupNeedles(needles))).toEqual(naive(text, needles));
		}
	});
});
