/**
 * Forwards a reader who followed a former address with a query string (WordPress's `/?p=123`)
 * to the report it now is. Such an address reaches the home page (or, on another path, the 404
 * page), which load this script; it fetches the build's list of query addresses only when the
 * address has a query, and sends the reader on when the list names it. Without JavaScript the
 * reader stays on the page they reached.
 */
import { isRedirectTarget, QUERY_REDIRECTS_PATH, queryKeysOf } from '../lib/model/aliases.ts';
import { stripBase, withBase } from '../lib/routes.ts';

/** The path the site is served under (Astro's `base`): the list holds site paths without it. */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

async function forward(keys: readonly string[]): Promise<void> {
	const response = await fetch(withBase(QUERY_REDIRECTS_PATH, BASE));
	if (!response.ok) return;
	const list = (await response.json()) as Record<string, unknown>;
	const to = keys.map((key) => list[key]).find(isRedirectTarget);
	if (to) location.replace(withBase(to, BASE));
}

const keys = queryKeysOf(stripBase(location.pathname, BASE), location.search);
if (keys.length) {
	forward(keys).catch(() => {
		// No list, or no network: the reader stays where they are.
	});
}
