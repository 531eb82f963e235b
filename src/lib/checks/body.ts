/**
 * Checks of a Markdown or MDX body that need nothing but the body itself: refused markup and URL
 * schemes, images without alt text or loaded from other sites, MDX that does not parse. It also
 * returns the body's links and images, with their lines, for the checks that need the whole
 * archive (`./link-checks.ts`).
 */
import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import {
	attributeProblem,
	elementProblem,
	forbiddenScheme,
	FORBIDDEN_SCHEMES,
	isRemote,
} from './html-safety.ts';

/** A problem in the body, at a line of the body (from 1). */
export interface BodyProblem {
	line: number | undefined;
	message: string;
}

/** A link or image URL in the body, at a line of the body (from 1). */
export interface BodyUrl {
	url: string;
	line: number | undefined;
}

export interface BodyScan {
	problems: BodyProblem[];
	/** Links: Markdown links, link definitions, `<a href>` in raw HTML or MDX. */
	links: BodyUrl[];
	/** Images the page will load: Markdown images, `<img src>` in raw HTML or MDX. */
	images: BodyUrl[];
}

type ParentNode = DefaultTreeAdapterTypes.ParentNode;

const short = (url: string) => (url.length > 60 ? `${url.slice(0, 60)}…` : url);

function schemeProblem(what: string, url: string): string | undefined {
	const scheme = forbiddenScheme(url);
	if (!scheme) return undefined;
	return `${what} ${JSON.stringify(short(url))} uses ${scheme}, which is not allowed: ${FORBIDDEN_SCHEMES[scheme]}`;
}

const noAlt = (url: string) =>
	`image "${short(url)}" has no alt text; describe what it shows for readers who cannot see it: ![A map of …](${short(url)})`;

/** Checks one element of raw HTML or MDX JSX: its name, its attributes, alt text, links. */
function checkElement(
	name: string,
	attributes: ReadonlyArray<{ name: string; value: string | undefined }>,
	line: number | undefined,
	scan: BodyScan,
) {
	const tag = name.toLowerCase();
	const problem = elementProblem(tag);
	if (problem) {
		// One message per mistake: the element goes, whatever its attributes say.
		scan.problems.push({ line, message: problem });
		return;
	}
	const value = (attr: string) => attributes.find((a) => a.name.toLowerCase() === attr)?.value;
	for (const attr of attributes) {
		if (attr.value === undefined) {
			if (attr.name.toLowerCase().startsWith('on')) {
				const message = attributeProblem(tag, attr.name, '');
				if (message) scan.problems.push({ line, message });
			}
			continue;
		}
		const message = attributeProblem(tag, attr.name, attr.value);
		if (message) scan.problems.push({ line, message });
	}
	const href = value('href');
	if (tag === 'a' && href !== undefined && !forbiddenScheme(href))
		scan.links.push({ url: href, line });
	if (tag === 'img') {
		const src = value('src') ?? '';
		if (!value('alt')?.trim()) {
			scan.problems.push({
				line,
				message: `<img src="${short(src)}"> has no alt text; add alt="…" describing what it shows`,
			});
		}
		if (src && !forbiddenScheme(src) && !isRemote(src)) scan.images.push({ url: src, line });
	}
}

/** Checks raw HTML from a Markdown `html` node, parsed as a browser would parse it. */
function checkHtml(html: string, firstLine: number | undefined, scan: BodyScan) {
	const fragment = parseFragment(html, { sourceCodeLocationInfo: true });
	const walk = (node: ParentNode) => {
		for (const child of node.childNodes) {
			if (!('tagName' in child)) continue;
			const element: DefaultTreeAdapterTypes.Element = child;
			const at = element.sourceCodeLocation?.startLine;
			const line = firstLine === undefined || at === undefined ? firstLine : firstLine + at - 1;
			checkElement(element.tagName, element.attrs, line, scan);
			walk(element);
			if (element.tagName === 'template') {
				walk((element as DefaultTreeAdapterTypes.Template).content);
			}
		}
	};
	walk(fragment);
}

function checkJsx(node: MdxJsxFlowElement | MdxJsxTextElement, scan: BodyScan) {
	// Components (capitalised, or with a dot) are the sanctioned way to embed; HTML is checked.
	if (!node.name || !/^[a-z]/.test(node.name) || node.name.includes('.')) return;
	const attributes = node.attributes.flatMap((a) =>
		a.type === 'mdxJsxAttribute'
			? [{ name: a.name, value: typeof a.value === 'string' ? a.value : (a.value?.value ?? '') }]
			: [],
	);
	checkElement(node.name, attributes, node.position?.start.line, scan);
}

/** Checks a Markdown image: alt text, scheme, and that it is not loaded from another site. */
function checkImage(
	url: string,
	alt: string | null | undefined,
	line: number | undefined,
	scan: BodyScan,
) {
	if (!alt?.trim()) scan.problems.push({ line, message: noAlt(url) });
	const problem = schemeProblem('image', url);
	if (problem) scan.problems.push({ line, message: problem });
	else if (isRemote(url)) {
		scan.problems.push({
			line,
			message: `image "${short(url)}" is loaded from another site, which would see every reader’s visit; save the image next to the report (or in public/) and use its path`,
		});
	} else if (url) scan.images.push({ url, line });
}

/** Parses a body as the build will: Markdown with GFM, plus MDX syntax for `.mdx` files. */
export function parseBody(body: string, format: 'md' | 'mdx'): Root {
	const processor = unified().use(remarkParse).use(remarkGfm);
	if (format === 'mdx') processor.use(remarkMdx);
	return processor.parse(body);
}

/** Scans a report or profile body. */
export function scanBody(body: string, format: 'md' | 'mdx'): BodyScan {
	const scan: BodyScan = { problems: [], links: [], images: [] };
	let tree: Root;
	try {
		tree = parseBody(body, format);
	} catch (error) {
		const e = error as { line?: number; reason?: string; message: string };
		scan.problems.push({
			line: e.line,
			message: `the MDX cannot be read: ${e.reason ?? e.message}`,
		});
		return scan;
	}
	const definitions = new Map<string, string>();
	visit(tree, 'definition', (node) => {
		definitions.set(node.identifier, node.url);
	});
	visit(tree, (node: Nodes) => {
		const line = node.position?.start.line;
		switch (node.type) {
			case 'link':
			case 'definition': {
				const problem = schemeProblem('link', node.url);
				if (problem) scan.problems.push({ line, message: problem });
				else scan.links.push({ url: node.url, line });
				break;
			}
			case 'image':
				checkImage(node.url, node.alt, line, scan);
				break;
			case 'imageReference':
				checkImage(definitions.get(node.identifier) ?? '', node.alt, line, scan);
				break;
			case 'html':
				checkHtml(node.value, line, scan);
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				checkJsx(node, scan);
				break;
			default:
				break;
		}
	});
	return scan;
}
