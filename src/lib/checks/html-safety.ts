/**
 * What HTML in a body may be, in authors' words. Reports come from analysts, fellows and outside
 * contributors: nothing in a body may run code in a reader's browser, load another site into the
 * page or tell a third party about the visit. The rule is the body sanitizer's schema
 * (`../markdown/sanitize.ts`): an element or attribute it would remove is refused here, with the
 * reason and what to write instead, so that an author never finds text silently gone.
 */
import { find, html } from 'property-information';
import type { CollectionName } from '../model/collections.ts';
import { isRemote, LINK_SCHEMES, schemeOf } from '../model/urls.ts';
import { allowsAttribute, allowsElement, BODY_SCHEMA } from '../markdown/sanitize.ts';

export { isRemote };

/** What a body is, in messages: "in a report", "in a group’s profile". */
export const BODY_NOUN: Readonly<Record<CollectionName, string>> = {
	reports: 'a report',
	groups: 'a group’s profile',
	regions: 'a region’s profile',
	topics: 'a topic’s description',
	authors: 'an author’s biography',
};

/** Elements refused in Markdown and MDX with a reason of their own. */
export const FORBIDDEN_ELEMENTS: Readonly<Record<string, string>> = {
	script: 'it would run code in readers’ browsers',
	iframe: 'it loads another site into the page',
	frame: 'it loads another site into the page',
	frameset: 'it loads other sites into the page',
	object: 'it loads a plug-in or another document into the page',
	embed: 'it loads a plug-in or another document into the page',
	applet: 'it loads a plug-in into the page',
	portal: 'it loads another site into the page',
	base: 'it changes where every link on the page points',
	meta: 'it can redirect the page or change how it is read',
	link: 'it loads resources from elsewhere into the page',
	style: 'it restyles the whole site and can load resources from other sites',
	form: 'it would send readers’ input somewhere',
	button: 'it belongs to forms, which would send readers’ input somewhere',
	input: 'it belongs to forms, which would send readers’ input somewhere',
	select: 'it belongs to forms, which would send readers’ input somewhere',
	textarea:
		'its content is read as text by browsers and as markup by other parsers, which can hide code',
	svg: 'SVG can carry scripts and load other sites; save the image as a file and use ![description](/images/file.svg)',
	math: 'MathML is read differently by browsers and by checks, which can hide code',
	template: 'its content is hidden from readers and can hide code',
	noscript: 'its content is read differently with and without scripts, which can hide code',
	noembed:
		'its content is read as text by browsers and as markup by other parsers, which can hide code',
	noframes:
		'its content is read as text by browsers and as markup by other parsers, which can hide code',
	xmp: 'its content is read as text by browsers and as markup by other parsers, which can hide code',
	plaintext: 'it turns the rest of the page into text',
	title: 'it changes the page’s title',
	video: 'it loads media into the page; link to the file instead',
	audio: 'it loads media into the page; link to the file instead',
	source: 'it loads media into the page; link to the file instead',
	picture: 'it loads images from a list no check reads; use ![description](/images/file.png)',
	canvas: 'it draws only with scripts',
	dialog: 'it can cover the page',
	marquee: 'it moves text across the page',
};

/** URL schemes refused with a reason of their own. */
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

/** The forbidden scheme a URL uses (`javascript:`, `data:`, `vbscript:`), or undefined. */
export function forbiddenScheme(url: string): string | undefined {
	const scheme = schemeOf(url);
	return scheme && Object.hasOwn(FORBIDDEN_SCHEMES, scheme) ? scheme : undefined;
}

/** Why a URL's scheme is refused in a link or an attribute, or undefined when it is fine. */
export function schemeReason(url: string): { scheme: string; reason: string } | undefined {
	const scheme = schemeOf(url);
	if (!scheme || (LINK_SCHEMES as readonly string[]).includes(scheme)) return undefined;
	return {
		scheme,
		reason:
			FORBIDDEN_SCHEMES[scheme] ??
			`links may lead only to ${LINK_SCHEMES.join(', ')} addresses and to paths on this site`,
	};
}

/** The URLs of an attribute value: one, or each candidate of a srcset. */
export function attributeUrls(name: string, value: string): string[] {
	if (name !== 'srcset') return [value];
	return value
		.split(',')
		.map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
		.filter(Boolean);
}

const quoted = (url: string) => JSON.stringify(url.length > 60 ? `${url.slice(0, 60)}…` : url);

/** The attributes an element may carry, in HTML spelling, for messages. */
function allowedAttributesOf(element: string): string[] {
	const names = [
		...(BODY_SCHEMA.attributes?.[element] ?? []),
		...(BODY_SCHEMA.attributes?.['*'] ?? []),
	]
		.map((d) => (typeof d === 'string' ? d : d[0]))
		.filter((p) => p !== 'id' && p !== 'className' && !p.startsWith('data'))
		.map((p) => find(html, p).attribute);
	return [...new Set(names)];
}

/**
 * Why an element's attribute is refused, or undefined when it is fine.
 *
 * @param name The attribute as written in HTML (`onerror`, `href`, `class`).
 */
export function attributeProblem(
	element: string,
	name: string,
	value: string,
	owner: CollectionName = 'reports',
): string | undefined {
	const attr = name.toLowerCase();
	if (attr.startsWith('on')) {
		return `the ${attr}= attribute on <${element}> is not allowed: event handlers run code in readers’ browsers`;
	}
	if (attr === 'style') {
		return `the style= attribute on <${element}> is not allowed: the site’s Content Security Policy blocks inline styles, and a style can make text look like the site’s own or load other sites; the site’s own styles apply to what Markdown writes`;
	}
	if (URL_ATTRIBUTES.has(attr)) {
		for (const url of attributeUrls(attr, value)) {
			const refused = schemeReason(url);
			const schemeMessage = () =>
				`<${element} ${attr}=${quoted(url)}> uses ${refused!.scheme}, which is not allowed: ${refused!.reason}`;
			if (refused && Object.hasOwn(FORBIDDEN_SCHEMES, refused.scheme)) return schemeMessage();
			if (RESOURCE_ATTRIBUTES.has(attr) && isRemote(url)) {
				return `<${element} ${attr}=${quoted(url)}> loads a file from another site, which would see every reader’s visit; save the file in public/ and use its path`;
			}
			if (refused) return schemeMessage();
		}
	}
	const property = find(html, name).property;
	if (allowsAttribute(element, property, property === 'className' ? value.split(/\s+/) : value)) {
		return undefined;
	}
	const where = `in ${BODY_NOUN[owner]}`;
	if (attr === 'class') {
		return `the class= attribute on <${element}> is not allowed ${where}: the site’s styles belong to its own markup; write the text in Markdown${owner === 'reports' ? ' or use an MDX component' : ''}`;
	}
	if (attr === 'id') {
		return `the id= attribute on <${element}> is not allowed ${where}: the build gives every heading its id (the permanent section links), and an id of your own could take a heading’s or the page’s; link to a heading instead`;
	}
	const allowed = allowedAttributesOf(element);
	return `the ${attr}= attribute on <${element}> is not allowed ${where}, so it would be removed from the page; <${element}> may carry ${allowed.join(', ')}`;
}

/** Why an element is refused, or undefined when it is fine. */
export function elementProblem(
	element: string,
	owner: CollectionName = 'reports',
): string | undefined {
	const name = element.toLowerCase();
	if (allowsElement(name) && name !== 'input') return undefined;
	const rest = owner === 'reports' ? '. To embed rich content, use an MDX component' : '';
	const reason =
		FORBIDDEN_ELEMENTS[name] ??
		'the pages keep only the HTML that Markdown writes and a few elements more (abbr, sub, sup, kbd, mark, small, details, figure, …), so it would be removed';
	return `<${name}> is not allowed in ${BODY_NOUN[owner]}: ${reason}${rest}`;
}
