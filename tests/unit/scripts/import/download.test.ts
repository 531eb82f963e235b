/**
 * `--download` against a local HTTP server on 127.0.0.1: no test reaches another machine.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationTags } from '../../../../src/lib/checks/image-metadata.ts';
import { downloadMedia } from '../../../../scripts/lib/import/download.ts';
import { exifSegment, jpeg, KABUL } from '../../../support/images.ts';

const PHOTO = jpeg([exifSegment(KABUL)]);
let server: Server;
let base = '';

beforeAll(async () => {
	server = createServer((req, res) => {
		if (req.url === '/wp-content/uploads/2021/11/photo.jpg') res.writeHead(200).end(PHOTO);
		else if (req.url === '/wp-content/uploads/2020/12/report.pdf')
			res.writeHead(200).end('%PDF-1.4 report');
		else if (req.url === '/moved.pdf')
			res.writeHead(302, { Location: '/wp-content/uploads/2020/12/report.pdf' }).end();
		else if (req.url === '/slow.pdf') setTimeout(() => res.writeHead(200).end('late'), 2_000);
		else res.writeHead(404, 'Not Found').end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => {
	server.closeAllConnections();
	server.close();
});

describe('downloadMedia', () => {
	it('fetches a post’s image and PDF, and removes the photo’s location before anything is saved', async () => {
		const { fetched, failed } = await downloadMedia([
			`${base}/wp-content/uploads/2021/11/photo.jpg`,
			`${base}/wp-content/uploads/2020/12/report.pdf`,
		]);
		expect(failed).toEqual([]);
		expect(fetched.map((f) => [f.path, f.removed])).toEqual([
			['/media/2021/11/photo.jpg', ['EXIF']],
			['/media/2020/12/report.pdf', []],
		]);
		expect(locationTags(fetched[0]!.bytes)).toEqual({ tags: [] });
		expect(new TextDecoder().decode(fetched[1]!.bytes)).toBe('%PDF-1.4 report');
	});

	it('follows a redirect, but saves under the name of the address in the export', async () => {
		const { fetched } = await downloadMedia([`${base}/moved.pdf`]);
		expect(fetched.map((f) => f.path)).toEqual([`/media/127.0.0.1/moved.pdf`]);
	});

	it('lists what it could not fetch, and why', async () => {
		const { fetched, failed } = await downloadMedia(
			[`${base}/gone.jpg`, `${base}/slow.pdf`, 'ftp://127.0.0.1/x.pdf', `${base}/`],
			{ timeoutMs: 300 },
		);
		expect(fetched).toEqual([]);
		expect(failed).toEqual([
			{ url: `${base}/gone.jpg`, reason: 'the server answered 404 Not Found' },
			{ url: `${base}/slow.pdf`, reason: 'no answer within 0.3 s' },
			{ url: 'ftp://127.0.0.1/x.pdf', reason: 'its address gives no file name to save it under' },
			{ url: `${base}/`, reason: 'its address gives no file name to save it under' },
		]);
	});
});
