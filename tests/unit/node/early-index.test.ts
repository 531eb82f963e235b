import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startEarlyIndex } from '../../../src/lib/node/early-index.ts';
import { addInOrder, newIndex } from '../../../src/lib/node/pagefind-feed.ts';

const WORKER = join(import.meta.dirname, '../../../src/workers/early-index-worker.ts');
const site = mkdtempSync(join(tmpdir(), 'brief-early-'));
afterAll(async () => {
	await pagefind.close();
	rmSync(site, { recursive: true, force: true });
});

const page = (title: string, body: string) =>
	`<!doctype html><html lang="en"><head><title>${title}</title></head><body>` +
	`<main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;
const pages = Array.from(
	{ length: 40 },
	(_, i) => `reports/r${String(i).padStart(2, '0')}/index.html`,
);
function write(path: string, html: string) {
	mkdirSync(join(site, path, '..'), { recursive: true });
	writeFileSync(join(site, path), html);
}
pages.forEach((p, i) => write(p, page(`Report ${i}`, `Checkpoints and tolls on road ${i}.`)));

const sameFiles = (
	a: { path: string; content: Uint8Array }[],
	b: { path: string; content: Uint8Array }[],
) => {
	const hex = (files: typeof a) =>
		Object.fromEntries(files.map((f) => [f.path, Buffer.from(f.content).toString('hex')]));
	expect(hex(a)).toEqual(hex(b));
};

describe('startEarlyIndex', () => {
	it('indexes the pages in its worker, takes pages again after them, and gives the index one thread would', async () => {
		const early = startEarlyIndex(WORKER, site, pages);
		try {
			expect(await early.ready).toBe(true);
			// A page rewritten after it was read early is handed over again, as the build does.
			write(pages[7]!, page('Report 7', 'Checkpoints and tolls on the new road.'));
			expect(await early.add([pages[7]!])).toEqual([]);
			const fromWorker = await early.getFiles();
			expect(fromWorker.errors).toEqual([]);

			const here = await newIndex();
			const read = (p: string) => readFileSync(join(site, p), 'utf8');
			expect(await addInOrder(here, pages, read)).toEqual([]);
			const fromHere = await here.getFiles();
			sameFiles(fromWorker.files, fromHere.files);
			expect(fromWorker.files.some((f) => f.path.startsWith('fragment/'))).toBe(true);
		} finally {
			await early.stop();
		}
	});

	it('hands over again only the pages whose content is not what it read of them', async () => {
		const early = startEarlyIndex(WORKER, site, pages);
		try {
			expect(await early.ready).toBe(true);
			write(pages[3]!, page('Report 3', 'Checkpoints and tolls, corrected.'));
			// Rewritten with the same content: nothing to hand over again.
			write(pages[4]!, readFileSync(join(site, pages[4]!), 'utf8'));
			const refreshed = await early.refresh([pages[3]!, pages[4]!, pages[5]!]);
			expect(refreshed).toEqual({ problems: [], again: 1 });
			const here = await newIndex();
			expect(await addInOrder(here, pages, (p) => readFileSync(join(site, p), 'utf8'))).toEqual([]);
			sameFiles((await early.getFiles()).files, (await here.getFiles()).files);
		} finally {
			await early.stop();
		}
	});

	it('waits for pages still to be written, reads an unfinished one once told the output is complete, and hands over again a page rewritten after it was read', async () => {
		const later = mkdtempSync(join(tmpdir(), 'brief-early-later-'));
		const put = (path: string, html: string) => {
			mkdirSync(join(later, path, '..'), { recursive: true });
			writeFileSync(join(later, path), html);
		};
		const early = startEarlyIndex(WORKER, later, pages, { waitForPages: true });
		try {
			// Astro writes the pages in their order, some time after the index began.
			for (const [i, p] of pages.entries()) {
				await new Promise((resolve) => setTimeout(resolve, 2));
				put(p, page(`Report ${i}`, `Checkpoints and tolls on road ${i}.`));
			}
			// A page that never ends as a page does is read once the output is said to be complete.
			const unfinished = 'reports/r99/index.html';
			put(unfinished, page('Report 99', 'Half a page').slice(0, -20));
			const waiting = startEarlyIndex(WORKER, later, [...pages, unfinished], {
				waitForPages: true,
			});
			const settled = vi.fn();
			void waiting.ready.then(settled);
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(settled).not.toHaveBeenCalled();
			waiting.complete();
			expect(await waiting.ready).toBe(true);
			await waiting.stop();

			expect(await early.ready).toBe(true);
			// What Astro rewrote after it was read is handed over again; the rest is left.
			put(pages[9]!, page('Report 9', 'A page finished after it was read.'));
			expect(await early.refresh(pages)).toEqual({ problems: [], again: 1 });
			const here = await newIndex();
			expect(await addInOrder(here, pages, (p) => readFileSync(join(later, p), 'utf8'))).toEqual(
				[],
			);
			sameFiles((await early.getFiles()).files, (await here.getFiles()).files);
		} finally {
			await early.stop();
			rmSync(later, { recursive: true, force: true });
		}
	});

	it('stops while it waits for a page that is never written', async () => {
		const early = startEarlyIndex(WORKER, site, [pages[0]!, 'reports/never/index.html'], {
			waitForPages: true,
		});
		await new Promise((resolve) => setTimeout(resolve, 100));
		await early.stop();
		expect(await early.ready).toBe(false);
	});

	it('is not ready when a page cannot be read, and stops when asked', async () => {
		const early = startEarlyIndex(WORKER, site, [
			...pages.slice(0, 3),
			'reports/missing/index.html',
		]);
		expect(await early.ready).toBe(false);
		await early.stop();
		await expect(early.add([pages[0]!])).rejects.toThrow(/worker stopped/);
	});

	it('stops in the middle of its pages without waiting for them', async () => {
		const many = Array.from({ length: 2_000 }, () => pages).flat();
		const early = startEarlyIndex(WORKER, site, many);
		await early.stop();
		expect(await early.ready).toBe(false);
	});

	it('is not ready when its worker cannot start', async () => {
		const early = startEarlyIndex(join(site, 'no-such-worker.ts'), site, pages);
		expect(await early.ready).toBe(false);
		await early.stop();
	});
});
