/**
 * The Content Security Policy and the security headers as built: every page carries the same
 * policy (hashes, no 'unsafe-inline' for scripts, only what Pagefind needs besides 'self'), and
 * dist/_headers sends it with frame-ancestors and the other headers hosts should set.
 */
import { describe, expect, it } from 'vitest';
import { directivesOf, headerPolicy, metaPolicy } from '../../src/lib/outputs/csp.ts';
import { distFiles, fileFor, readDist, sitemapPaths } from './dist.ts';

const pages = sitemapPaths();

/** The rules of a `_headers` file: path pattern → header lines. */
function headerRules(text: string): Map<string, string[]> {
	const rules = new Map<string, string[]>();
	let current: string[] | undefined;
	for (const line of text.split('\n')) {
		if (line.startsWith('#') || line.trim() === '') continue;
		if (!/^\s/.test(line)) rules.set(line.trim(), (current = []));
		else current?.push(line.trim());
	}
	return rules;
}

describe(`Content Security Policy on every page in the sitemap (${pages.length} pages)`, () => {
	const policies = pages.map((p) => metaPolicy(readDist(fileFor(p) ?? 'missing')));

	it('is the same on every page, and on the 404 page', () => {
		expect(policies.every((p) => p !== undefined)).toBe(true);
		expect(new Set([...policies, metaPolicy(readDist('404.html'))]).size).toBe(1);
	});

	it("runs only hashed inline scripts, our own files and Pagefind's WebAssembly", () => {
		const directives = directivesOf(policies[0] ?? '');
		const scriptSrc = directives.find((d) => d.startsWith('script-src '))?.split(' ') ?? [];
		const [, ...sources] = scriptSrc;
		expect(sources).toContain("'self'");
		expect(sources.filter((s) => !s.startsWith("'sha256-"))).toEqual([
			"'self'",
			"'wasm-unsafe-eval'",
		]);
		expect(sources.filter((s) => s.startsWith("'sha256-")).length).toBeGreaterThan(0);
		expect(directives).toContain("default-src 'self'");
		// Pagefind's worker and the service worker are both our own files: no blob:, no other origin.
		expect(directives).toContain("worker-src 'self'");
		expect(policies[0]).not.toContain('unsafe-inline');
		expect(policies[0]).not.toContain("'unsafe-eval'");
	});

	it('no inline script runs unhashed: every inline script is data (JSON-LD) or a module Astro hashed', () => {
		const html = distFiles('.html').map((f) => readDist(f));
		const inline = html.flatMap((h) =>
			[...h.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]?.trim()),
		);
		expect(new Set(inline)).toEqual(new Set(['type="application/ld+json"', 'type="module"']));
	});
});

describe('dist/_headers', () => {
	const rules = headerRules(readDist('_headers'));
	const all = rules.get('/*') ?? [];

	it('sends the pages’ policy with frame-ancestors on every file', () => {
		const policy = metaPolicy(readDist('index.html')) ?? '';
		expect(all).toContain(`Content-Security-Policy: ${headerPolicy(policy)}`);
		expect(headerPolicy(policy)).toContain("frame-ancestors 'none'");
	});

	it('sends HSTS for a year, nosniff, no-referrer and a restrictive Permissions-Policy', () => {
		expect(all).toContain('Strict-Transport-Security: max-age=31536000; includeSubDomains');
		expect(all).toContain('X-Content-Type-Options: nosniff');
		expect(all).toContain('Referrer-Policy: no-referrer');
		const permissions = all.find((h) => h.startsWith('Permissions-Policy: ')) ?? '';
		for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
			expect(permissions).toContain(`${feature}=()`);
		}
	});

	it('caches hashed assets for a year, immutable, and the hashed files really are there', () => {
		const immutable = 'Cache-Control: public, max-age=31536000, immutable';
		for (const dir of [
			'/_astro/*',
			'/pagefind/index/*',
			'/pagefind/fragment/*',
			'/pagefind/filter/*',
		]) {
			expect(rules.get(dir), dir).toEqual([immutable]);
			const prefix = dir.slice(1, -1);
			expect(
				distFiles().some((f) => f.startsWith(prefix)),
				`files under ${prefix}`,
			).toBe(true);
		}
	});
});

describe('the service worker under the policy', () => {
	const policy = directivesOf(metaPolicy(readDist('index.html')) ?? '');
	const worker = readDist('sw.js');

	it('needs nothing the policy does not already allow: it is our own file, at the root of the site', () => {
		// Registering it is governed by worker-src, which already allows our own origin.
		expect(policy.find((d) => d.startsWith('worker-src '))?.split(' ')).toContain("'self'");
		// It names no other origin, so it can fetch none (its own fetches fall under default-src 'self').
		expect(worker.match(/https?:\/\/[^\s"'`]+/g) ?? []).toEqual([]);
		expect(policy).toContain("default-src 'self'");
	});

	it('is checked for a new build on every visit, as are the collections’ lists, never cached long', () => {
		const rules = headerRules(readDist('_headers'));
		expect(rules.get('/sw.js')).toEqual(['Cache-Control: no-cache']);
		expect(rules.get('/offline/packs/*')).toEqual(['Cache-Control: no-cache']);
	});

	it('installs the offline page, the icon and every style and script, and nothing that is not built', () => {
		const settings = JSON.parse(/^var __BRIEF_SW__=(\{.*?\});/.exec(worker)?.[1] ?? '{}') as {
			core?: string[];
			version?: string;
		};
		expect(settings.version).toMatch(/^[0-9a-f]{12}$/);
		const astro = distFiles().filter((f) => f.startsWith('_astro/'));
		expect(settings.core).toEqual(['/offline/', '/favicon.svg', ...astro.map((f) => `/${f}`)]);
		for (const path of settings.core ?? []) expect(fileFor(path), path).toBeDefined();
	});
});
