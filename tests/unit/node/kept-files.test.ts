import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import {
	fileFacts,
	keptFilePaths,
	keptFiles,
	pdfPageCount,
} from '../../../src/lib/node/kept-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'kept-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdf(pages: number): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	for (let i = 0; i < pages; i++) doc.addPage([200, 200]);
	return doc.save();
}

describe('kept files', () => {
	it('lists the files under files/, with paths relative to the content folder', () => {
		mkdirSync(join(dir, 'files', 'sub'), { recursive: true });
		writeFileSync(join(dir, 'files', 'a.csv'), 'x,y\n');
		writeFileSync(join(dir, 'files', 'sub', 'b.txt'), 'b');
		writeFileSync(join(dir, 'files', '.DS_Store'), '');
		expect(keptFilePaths(dir)).toEqual(['files/a.csv', 'files/sub/b.txt']);
		expect(keptFilePaths(join(dir, 'nowhere'))).toEqual([]);
	});

	it('gives a file’s size and SHA-256, and a PDF’s page count', async () => {
		expect(await fileFacts(new TextEncoder().encode('abc'), 'files/a.txt')).toEqual({
			size: 3,
			sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
		});
		const bytes = await pdf(3);
		expect((await fileFacts(bytes, 'files/r.pdf')).pages).toBe(3);
		writeFileSync(join(dir, 'files', 'r.pdf'), bytes);
		expect((await keptFiles(dir)).get('files/r.pdf')).toMatchObject({
			size: bytes.byteLength,
			pages: 3,
		});
	});

	it('gives no page count for a file that is not a readable PDF', async () => {
		expect(await pdfPageCount(new TextEncoder().encode('%PDF-1.4 not really'))).toBeUndefined();
	});
});
