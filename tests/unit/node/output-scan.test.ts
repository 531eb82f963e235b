import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { scanOutput, searchableText } from '../../../src/lib/node/output-scan.ts';

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
