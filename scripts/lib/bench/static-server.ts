/**
 * A static file server for the search benchmark, on 127.0.0.1: serves a built site as a static
 * host would, gzipping text (HTML, CSS, JavaScript, JSON) as any CDN does, so that the bytes the
 * benchmark counts are the bytes a reader would download. Pagefind's index and fragment files are
 * already compressed by Pagefind and are sent as they are.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.svg', '.txt']);

/** An empty page on the server's origin, from which the search benchmark runs its queries. */
export const BLANK_PATH = '/__blank';

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** Serves `root` on a free port of 127.0.0.1. */
export async function serveStatic(root: string): Promise<StaticServer> {
	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (path === BLANK_PATH) {
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end('<!doctype html><html lang="en"><title>blank</title></html>');
			return;
		}
		let file = join(root, normalize(path));
		if (!file.startsWith(root)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		let status = 200;
		if (!existsSync(file)) {
			status = 404;
			file = join(root, '404.html');
			if (!existsSync(file)) {
				res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
				return;
			}
		}
		const ext = extname(file);
		const headers: Record<string, string> = {
			'Content-Type': TYPES[ext] ?? 'application/octet-stream',
			'Cache-Control': 'max-age=3600',
		};
		const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
		if (gzip) headers['Content-Encoding'] = 'gzip';
		res.writeHead(status, headers);
		const stream = createReadStream(file);
		(gzip ? stream.pipe(createGzip()) : stream).pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
