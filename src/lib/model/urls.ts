/**
 * What a URL in content may be, read the way a browser reads it. One rule for the URLs in
 * frontmatter (`siteOrWebUrlProblem`, used by the schema), and the helpers the body checks and the
 * sanitizer share: which scheme a URL really uses, and whether loading it would reach another site.
 */

/**
 * The URL as a browser's URL parser sees its start: it drops leading spaces and control
 * characters, and tabs and line breaks anywhere (`java\tscript:` is `javascript:`), and reads
 * `\` as `/` in web addresses (`/\evil.example` is `//evil.example`).
 */
function compact(url: string): string {
	return url.replace(/[\u0000-\u0020\u007f]/g, '').replaceAll('\\', '/');
}

/** The scheme a URL uses, lower-cased with its colon (`javascript:`), or undefined for a path. */
export function schemeOf(url: string): string | undefined {
	const m = /^([a-z][a-z0-9+.-]*):/i.exec(compact(url));
	return m ? `${m[1]!.toLowerCase()}:` : undefined;
}

/** Whether loading this URL would reach another site (it has a scheme, or starts with `//`). */
export function isRemote(url: string): boolean {
	const c = compact(url);
	return c.startsWith('//') || schemeOf(c) !== undefined;
}

/** Schemes a link may use. Anything else (`javascript:`, `data:`, `vbscript:`, `file:`) is refused. */
export const LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

/** A path on this site: starts with one `/` (not `//`, not `/\`, which browsers read as `//`). */
export function isSitePath(url: string): boolean {
	return url.startsWith('/') && !isRemote(url);
}

/**
 * Why a URL in frontmatter is not allowed, or undefined when it is: it must be a web address
 * (`https://…` or `http://…`, with a host) or a path on this site (`/files/report.pdf`), without
 * spaces or control characters. The message follows the value, as the checks print it.
 */
export function siteOrWebUrlProblem(url: string): string | undefined {
	const allowed =
		'write a web address starting with https:// or http://, or a path on this site starting with /';
	if (/[\u0000-\u0020\u007f-\u009f]/.test(url)) {
		return `contains a space or a control character; ${allowed}`;
	}
	if (url.startsWith('/')) {
		return isSitePath(url)
			? undefined
			: `starts with // or /\\, which browsers read as another site's address; ${allowed}`;
	}
	const scheme = schemeOf(url);
	if (scheme === 'http:' || scheme === 'https:') {
		let host = '';
		try {
			host = new URL(url).host;
		} catch {
			host = '';
		}
		return host && /^https?:\/\/[^/]/i.test(url)
			? undefined
			: `is not a complete web address; ${allowed}`;
	}
	return scheme
		? `uses ${scheme}, which is not allowed here; ${allowed}`
		: `is neither a web address nor a path on this site; ${allowed}`;
}
