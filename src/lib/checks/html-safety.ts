/**
 * What report bodies may not contain: markup and links that would run code in readers' browsers,
 * load other sites into the page, or send readers' visits to third parties. Reports are written by
 * trusted analysts; these rules catch pasted embed codes and tracking pixels, not attackers.
 * MDX components are the way to embed rich content.
 */

/** Elements refused in Markdown and MDX, each with the reason given to the author. */
export const FORBIDDEN_ELEMENTS: Readonly<Record<string, string>> = {
	script: 'it would run code in readers’ browsers',
	iframe: 'it loads another site into the page',
	frame: 'it loads another site into the page',
	frameset: 'it loads other sites into the page',
	object: 'it loads a plug-in or another document into the page',
	embed: 'it loads a plug-in or another document into the page',
	applet: 'it loads a plug-in into the page',
	base: 'it changes where every link on the page points',
	meta: 'it can redirect the page or change how it is read',
	link: 'it loads resources from elsewhere into the page',
	style: 'it restyles the whole site and can load resources from other sites',
	form: 'it would send readers’ input somewhere',
};

/** URL schemes refused in links and attributes, each with the reason given to the author. */
export const FORBIDDEN_SCHEMES: Readonly<Record<string, string>> = {
	'javascript:': 'it runs code in readers’ browsers',
	'vbscript:': 'it runs code in readers’ browsers',
	'data:': 'it embeds a file no one can review; put the file in public/ and link to its path',
};

/** Attributes whose value is a URL (or, for srcset, a list of them). */
export const URL_ATTRIBUTES = new Set([
	'href',
	'src',
	'srcset',
	'action',
	'formaction',
	'poster',
	'cite',
	'background',
	'longdesc',
	'ping',
	'xlink:href',
	'data',
	'codebase',
	'manifest',
]);

/** Attributes that make the browser fetch what they name while the page loads. */
export const RESOURCE_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'background']);

/**
 * The forbidden scheme a URL uses, or undefined. Browsers ignore spaces, tabs, line breaks and
 * control characters in a scheme (`java\tscript:`), and its case; so does this check.
 */
export function forbiddenScheme(url: string): string | undefined {
	const compact = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
	return Object.keys(FORBIDDEN_SCHEMES).find((scheme) => compact.startsWith(scheme));
}

/** Whether a URL points at another site (so loading it would tell that site about the reader). */
export function isRemote(url: string): boolean {
	return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url.trim());
}

/** The URLs of an attribute value: one, or each candidate of a srcset. */
export function attributeUrls(name: string, value: string): string[] {
	if (name !== 'srcset') return [value];
	return value
		.split(',')
		.map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
		.filter(Boolean);
}

/** Why an element's attribute is refused, or undefined when it is fine. */
export function attributeProblem(element: string, name: string, value: string): string | undefined {
	const attr = name.toLowerCase();
	if (attr.startsWith('on')) {
		return `the ${attr}= attribute on <${element}> is not allowed: event handlers run code in readers’ browsers`;
	}
	if (!URL_ATTRIBUTES.has(attr)) return undefined;
	for (const url of attributeUrls(attr, value)) {
		const scheme = forbiddenScheme(url);
		if (scheme) {
			return `<${element} ${attr}=${JSON.stringify(url.slice(0, 60))}> uses ${scheme}, which is not allowed: ${FORBIDDEN_SCHEMES[scheme]}`;
		}
		if (RESOURCE_ATTRIBUTES.has(attr) && isRemote(url)) {
			return `<${element} ${attr}=${JSON.stringify(url.slice(0, 60))}> loads a file from another site, which would see every reader’s visit; save the file in public/ and use its path`;
		}
	}
	return undefined;
}

/** Why an element is refused, or undefined when it is fine. */
export function elementProblem(element: string): string | undefined {
	const name = element.toLowerCase();
	const reason = FORBIDDEN_ELEMENTS[name];
	if (!reason) return undefined;
	return `<${name}> is not allowed in a report: ${reason}. To embed rich content, use an MDX component`;
}
