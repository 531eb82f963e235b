/**
 * The Content Security Policy, in one place: `astro.config.ts` gives it to Astro's
 * `security.csp` (which adds the hashes of its own scripts and styles and writes a `<meta>` into
 * every page), and `src/integrations/csp-headers.ts` copies the built policy, plus what only a
 * header can say, into `dist/_headers`.
 */

/** A directive in the form Astro's config accepts. */
type Directive =
	`${'default-src' | 'img-src' | 'worker-src' | 'base-uri' | 'form-action'} ${string}`;

/** Everything but scripts and styles, which Astro writes with their hashes. */
export const CSP_DIRECTIVES: Directive[] = [
	"default-src 'self'",
	// data: images, as in Pagefind's recommended policy (its UI may use them; nothing else does).
	"img-src 'self' data:",
	// Pagefind's WebAssembly runs in the search page itself (which needs 'wasm-unsafe-eval' below);
	// Pagefind can also run it in a Web Worker loaded from /pagefind/ (`new Worker(url)`, never a
	// blob: URL), and the service worker is /sw.js: both our own files, so nothing but 'self'.
	"worker-src 'self'",
	// Neither falls back to default-src: a stray <base> or form must not point elsewhere.
	"base-uri 'self'",
	"form-action 'self'",
];

/**
 * script-src besides Astro's hashes: our own files, and 'wasm-unsafe-eval' because Pagefind
 * compiles its WebAssembly in the page (src/scripts/pagefind-api.ts). No 'unsafe-inline'.
 */
export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** Directives a `<meta>` cannot carry (browsers ignore them there): only the header sends them. */
export const CSP_HEADER_ONLY = ["frame-ancestors 'none'"];

/** What `public/_headers` holds in place of the policy, which exists only once pages are built. */
export const CSP_PLACEHOLDER = 'Content-Security-Policy: FILLED-IN-BY-THE-BUILD';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/** The policy in a built page's `<meta>`, or undefined when it has none. */
export function metaPolicy(html: string): string | undefined {
	return META.exec(html)?.[1]?.replaceAll('&#39;', "'").replaceAll('&quot;', '"');
}

/** The policy's directives, trimmed, without empty ones: "a x; b y;" → ["a x", "b y"]. */
export function directivesOf(policy: string): string[] {
	return policy
		.split(';')
		.map((d) => d.trim().replace(/\s+/g, ' '))
		.filter(Boolean);
}

/** The header's policy: the page's, plus the directives only a header can carry. */
export function headerPolicy(pagePolicy: string): string {
	return [...directivesOf(pagePolicy), ...CSP_HEADER_ONLY].join('; ');
}

/** `_headers` with the placeholder replaced by the policy; throws if the placeholder is missing. */
export function fillHeaders(headers: string, policy: string): string {
	if (!headers.includes(CSP_PLACEHOLDER)) {
		throw new Error(`_headers has no "${CSP_PLACEHOLDER}" line to fill in`);
	}
	return headers.replace(CSP_PLACEHOLDER, `Content-Security-Policy: ${policy}`);
}
