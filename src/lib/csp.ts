/**
 * The Content Security Policy, in one place: `astro.config.ts` gives it to Astro's
 * `security.csp` (which adds the hashes of its own scripts and styles and writes a `<meta>` into
 * every page), and the tests check that `public/_headers` sends the same directives.
 */

/** Everything but scripts and styles, which Astro writes with their hashes. */
export const CSP_DIRECTIVES = [
	"default-src 'self'",
	// data: images, as in Pagefind's recommended policy (its UI may use them; nothing else does).
	"img-src 'self' data:",
	// Pagefind runs its WebAssembly in a Web Worker loaded from /pagefind/.
	"worker-src 'self' blob:",
];

/**
 * script-src besides Astro's hashes: our own files, and 'wasm-unsafe-eval' because Pagefind
 * compiles its WebAssembly in the page when its worker cannot start. No 'unsafe-inline'.
 */
export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/**
 * Directives that only work in an HTTP header, never in a `<meta>`: the hosts' files add them
 * (`public/_headers`, docs/deploy.md).
 */
export const CSP_HEADER_ONLY = ["frame-ancestors 'none'"];
