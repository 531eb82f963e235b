/**
 * Former addresses with a query string, such as WordPress's `/?p=123`, which answers for every
 * post whatever its permalink. A static host serves the same file for `/` and `/?p=123`, so
 * these cannot have redirect pages of their own: the build lists them in one small file
 * (`QUERY_REDIRECTS_PATH`), and the pages such an address reaches (the home page for `/?…`, the
 * 404 page for any other path) look the address up there and forward the reader. The rule for
 * matching is here, shared by the build that writes the list and the script that reads it.
 */

/** Where the build writes the query addresses and the reports they lead to. */
export const QUERY_REDIRECTS_PATH = '/query-redirects.json';

/** Whether an alias carries a query string: `/?p=123`. */
export function isQueryAlias(alias: string): boolean {
	return alias.includes('?');
}

/** The parameters of a query, sorted, as `a=1&b=2`: the order they are written in does not matter. */
function canonicalQuery(search: string): string {
	const params = new URLSearchParams(search);
	return [...params]
		.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
		.sort()
		.join('&');
}

/**
 * The key a query alias is listed under: its path and its parameters in a fixed order
 * (`/?p=123`, `/blog/?cat=4&p=12`). Undefined when the alias has no parameters.
 */
export function queryAliasKey(alias: string): string | undefined {
	const at = alias.indexOf('?');
	if (at < 0) return undefined;
	const query = canonicalQuery(alias.slice(at + 1));
	return query ? `${alias.slice(0, at) || '/'}?${query}` : undefined;
}

/**
 * The keys an address a reader arrived at may be listed under, best first: all its parameters,
 * then each one alone, so that `/?p=123&utm_source=mail` still finds `/?p=123`.
 */
export function queryKeysOf(pathname: string, search: string): string[] {
	const all = canonicalQuery(search);
	if (!all) return [];
	const keys = [`${pathname}?${all}`];
	for (const one of all.split('&')) {
		const key = `${pathname}?${one}`;
		if (!keys.includes(key)) keys.push(key);
	}
	return keys;
}

/** Whether a value from the list is a path on this site that a reader may be sent to. */
export function isRedirectTarget(value: unknown): value is string {
	return typeof value === 'string' && /^\/(?![/\\])\S*$/.test(value);
}
