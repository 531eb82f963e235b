/**
 * A plain static file server for built fixture sites, as a host that knows nothing of Astro
 * serves them: `/x/` is `x/index.html`, `/x` redirects to `/x/` when it is a folder, and a
 * missing file gets the site's `404.html`. It listens on
 * a free port of 127.0.0.1, so suites never clash over ports.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.xml': 'application/xml',
	'.json': 'application/json',
};

/** Serves `dir` like a static host: `/x/` is `x/index.html`, `/x` redirects to `/x/` if a folder. */
export function serve(dir: string): Promise<{ server: Server; base: string }> {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
		let file = join(dir, path);
		const stat = statSync(file, { throwIfNoEntry: false });
		if (stat?.isDirectory()) {
			if (!path.endsWith('/')) {
				res.writeHead(301, { Location: `${path}/` }).end();
				return;
			}
			file = join(file, 'index.html');
		}
		try {
			const body = readFileSync(file);
			res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
			res.end(body);
		} catch {
			// As static hosts do: the site's own 404 page, with the 404 status.
			const notFound = statSync(join(dir, '404.html'), { throwIfNoEntry: false });
			res.writeHead(404, { 'Content-Type': TYPES['.html']! });
			res.end(notFound ? readFileSync(join(dir, '404.html')) : 'Not found');
		}
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolve({ server, base: `http://127.0.0.1:${port}` });
		});
	});
}
