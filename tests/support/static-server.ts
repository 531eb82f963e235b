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

/**
 * Serves `dir` like a static host: `/x/` is `x/index.html`, `/x` redirects to `/x/` if a folder.
 * `dir` may be a function, read on every request, to publish a new build under a running server;
 * `prefix` (`/briefs`) serves the site under a sub-path, as a host serving it there would.
 */
export function serve(
	dir: string | (() => string),
	options: { prefix?: string } = {},
): Promise<{ server: Server; base: string }> {
	const prefix = options.prefix?.replace(/\/$/, '') ?? '';
	const server = createServer((req, res) => {
		const full = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
		if (prefix && full !== prefix && !full.startsWith(`${prefix}/`)) {
			res.writeHead(404).end('Not found');
			return;
		}
		const path = full.slice(prefix.length) || '/';
		const root = typeof dir === 'string' ? dir : dir();
		let file = join(root, path);
		const stat = statSync(file, { throwIfNoEntry: false });
		if (stat?.isDirectory()) {
			if (!path.endsWith('/')) {
				res.writeHead(301, { Location: `${full}/` }).end();
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
			const notFound = statSync(join(root, '404.html'), { throwIfNoEntry: false });
			res.writeHead(404, { 'Content-Type': TYPES['.html']! });
			res.end(notFound ? readFileSync(join(root, '404.html')) : 'Not found');
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
