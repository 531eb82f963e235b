/**
 * An onion service that mirrors the site (BRIEF_ONION_URL on the clear-web build): Tor Browser
 * offers its readers the onion address of the page they are on, from the `Onion-Location` header
 * or the same-named `<meta http-equiv>` (Tor Project, "Onion-Location"). Each page carries the
 * meta tag with its own onion address (src/layouts/Base.astro). A `_headers` file cannot vary a
 * header by path, so its rule names the onion service's home page; nginx sends every page's own
 * address (`$request_uri`, docs/deploy.md).
 */
import { absoluteUrl } from '../routes.ts';

/** Checks the onion URL: `http://` or `https://` and a v3 onion host (56 base32 letters). */
export function checkOnionUrl(url: string): string {
	const parsed = new URL(url);
	if (!/^https?:$/.test(parsed.protocol) || !/^[a-z2-7]{56}\.onion$/.test(parsed.hostname)) {
		throw new Error(
			`BRIEF_ONION_URL must be an onion service's address, http://<56 letters a-z, 2-7>.onion; got ${url}`,
		);
	}
	return absoluteUrl('/', url);
}

/** The `_headers` rule announcing the onion service. */
export function onionHeadersRule(onionUrl: string): string {
	return `\n# The onion service that mirrors this site (BRIEF_ONION_URL): Tor Browser offers it.\n/*\n  Onion-Location: ${checkOnionUrl(onionUrl)}\n`;
}
