/**
 * Checks of a Markdown or MDX body that need nothing but the body itself: refused markup and URL
 * schemes, MDX beyond the safe subset, nesting past the bounds, images without alt text or loaded
 * from other sites, MDX that does not parse. It also returns the body's links and images, with
 * their lines, for the checks that need the whole archive (`./links.ts`, `./images.ts`).
 *
 * Raw HTML is read as the browser will read the page: every piece of the body together, through
 * the same parser the build uses (hast-util-raw, i.e. parse5), so markup split across pieces
 * (`<noembed><b title="</noembed><img onerror=…>">`) is seen as the element it becomes.
 */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { raw } from 'hast-util-raw';
import type { Nodes, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import type {
	MdxJsxExpressionAttribute,
	MdxJsxFlowElement,
	MdxJsxTextElement,
} from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx-expression';
import { find, html } from 'property-information';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { CollectionName } from '../model/collections.ts';
import { isRemote, isSitePath } from '../model/urls.ts';
import {
	componentProps,
	isMdxComponent,
	MDX_COMPONENT_NAMES,
	type MdxComponentName,
} from '../markdown/mdx-components.ts';
import { literalValue, STRIPPED_ELEMENTS } from '../markdown/sanitize.ts';
import { htmlDepthProblem, textBoundProblems, treeDepthProblem } from './bounds.ts';
import { attributeProblem, elementProblem, schemeReason } from './html-safety.ts';

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
	/** Images the page will load: Markdown images, `<img src>` in raw HTML or MDX, `<Figure src>`. */
	images: BodyUrl[];
}

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

function schemeProblem(what: string, url: string): string | undefined {
	const refused = schemeReason(url);
	if (!refused) return undefined;
	return `${what} ${JSON.stringify(short(url))} uses ${refused.scheme}, which is not allowed: ${refused.reason}`;
}

const noAlt = (url: string) =>
	`image "${short(url)}" has no alt text; describe what it shows for readers who cannot see it: ![A map of …](${short(url)})`;

const remoteImage = (url: string) =>
	`image "${short(url)}" is loaded from another site, which would see every reader’s visit; save the image next to the report (or in public/) and use its path`;

/** What the checks carry while they walk one body. */
interface Walk {
	scan: BodyScan;
	owner: CollectionName;
}

/**
 * Checks one HTML element (raw HTML, or HTML written as JSX in MDX): its name, its attributes,
 * alt text, links. Returns false when the element itself is refused (its attributes are then not
 * looked at: one message per mistake).
 */
function checkElement(
	name: string,
	attributes: ReadonlyArray<{ name: string; value: string }>,
	line: number | undefined,
	walk: Walk,
): boolean {
	const { scan, owner } = walk;
	const tag = name.toLowerCase();
	const problem = elementProblem(tag, owner);
	if (problem) {
		scan.problems.push({ line, message: problem });
		return false;
	}
	for (const attr of attributes) {
		const message = attributeProblem(tag, attr.name, attr.value, owner);
		if (message) scan.problems.push({ line, message });
	}
	const value = (attr: string) => attributes.find((a) => a.name.toLowerCase() === attr)?.value;
	const href = value('href');
	if (tag === 'a' && href !== undefined && !schemeReason(href))
		scan.links.push({ url: href, line });
	if (tag === 'img') {
		const src = value('src') ?? '';
		if (!value('alt')?.trim()) {
			scan.problems.push({
				line,
				message: `<img src="${short(src)}"> has no alt text; add alt="…" describing what it shows`,
			});
		}
		if (src && !schemeReason(src) && !isRemote(src)) scan.images.push({ url: src, line });
	}
	return true;
}

/** The attributes of a hast element in HTML spelling, as `checkElement` reads them. */
function attributesOf(element: Element): { name: string; value: string }[] {
	return Object.entries(element.properties).flatMap(([property, v]) => {
		if (v === false || v === null || v === undefined) return [];
		const value = Array.isArray(v) ? v.join(' ') : v === true ? '' : String(v);
		return [{ name: find(html, property).attribute, value }];
	});
}

/**
 * Checks the raw HTML of a Markdown body as the browser will read it: the whole body rendered as
 * the build renders it, all HTML pieces parsed together, and every element that came from the
 * author's HTML checked. Elements inside a refused element that is removed whole are not.
 */
function checkRawHtml(tree: Root, body: string, ranges: readonly [number, number][], walk: Walk) {
	const rendered = raw(toHast(tree, { allowDangerousHtml: true }), {
		file: new VFile(body),
	}) as HastRoot;
	const fromAuthor = (e: Element) => {
		const offset = e.position?.start.offset;
		return offset !== undefined && ranges.some(([from, to]) => offset >= from && offset < to);
	};
	const stack: HastContent[] = [...rendered.children].reverse();
	while (stack.length) {
		const node = stack.pop()!;
		if (node.type !== 'element') continue;
		let descend = true;
		if (fromAuthor(node)) {
			const kept = checkElement(node.tagName, attributesOf(node), node.position?.start.line, walk);
			descend = kept || !STRIPPED_ELEMENTS.includes(node.tagName);
		}
		if (!descend) continue;
		const children = [...node.children, ...(node.content?.children ?? [])] as HastContent[];
		for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
	}
}

const ARCHIVE_COMPONENTS = MDX_COMPONENT_NAMES.join(', ');

/** What the safe subset says to an author who wrote code. */
const NO_CODE = 'a report cannot run code, on the build machine or in readers’ browsers';

function expressionProblem(node: MdxFlowExpression | MdxTextExpression): string | undefined {
	// `{/* a note */}` is MDX's comment: an expression with no code in it.
	if (node.data?.estree && node.data.estree.body.length === 0) return undefined;
	const source = short(node.value.replace(/\s+/g, ' ').trim(), 40);
	return `the expression {${source}} is not allowed in MDX: ${NO_CODE}; write the text itself (a brace is written \\{), or ask a maintainer for a component`;
}

function esmProblems(node: MdxjsEsm): BodyProblem[] {
	const statements = node.data?.estree?.body ?? [];
	const problem = (line: number | undefined, isImport: boolean, source: string) => ({
		line,
		message: isImport
			? `import is not allowed in MDX (${source}): ${NO_CODE}. The archive’s components (${ARCHIVE_COMPONENTS}) need no import; for anything else, ask a maintainer for a component`
			: `export is not allowed in MDX (${source}): ${NO_CODE}; write the value where it is used, or ask a maintainer for a component`,
	});
	if (statements.length === 0) {
		return [problem(node.position?.start.line, node.value.trimStart().startsWith('import'), '')];
	}
	return statements.map((s) => {
		const start = (s as { start?: number }).start;
		const end = (s as { end?: number }).end;
		const offset = node.position?.start.offset ?? 0;
		const text =
			start !== undefined && end !== undefined
				? node.value.slice(start - offset, end - offset)
				: node.value;
		return problem(
			s.loc?.start.line ?? node.position?.start.line,
			s.type === 'ImportDeclaration',
			short(text.split('\n')[0]!.trim(), 50),
		);
	});
}

/** `{...{href: 'javascript:…'}}`, as the author wrote it, shortened. */
const spreadText = (a: MdxJsxExpressionAttribute) => `{${short(a.value.replace(/\s+/g, ' '), 40)}}`;

/** Checks an attribute that MDX makes an Astro directive (`set:html`, `is:raw`, `client:load`). */
function directiveProblem(tag: string, name: string): string | undefined {
	if (!name.includes(':')) return undefined;
	if (name === 'set:html' || name === 'set:text') {
		return `${name} on <${tag}> is not allowed: it puts content on the page that no check has read; write the content in Markdown`;
	}
	return `the attribute ${name} on <${tag}> is not allowed: Astro directives belong to the site’s own templates, not to reports`;
}

function checkComponent(
	name: MdxComponentName,
	node: MdxJsxFlowElement | MdxJsxTextElement,
	walk: Walk,
) {
	const { scan } = walk;
	const line = node.position?.start.line;
	const props = componentProps(name);
	const known = Object.keys(props);
	for (const attribute of node.attributes) {
		if (attribute.type === 'mdxJsxExpressionAttribute') {
			scan.problems.push({
				line,
				message: `the spread attribute ${spreadText(attribute)} on <${name}> is not allowed: write each attribute out, as name="value"`,
			});
			continue;
		}
		const attr = attribute;
		const directive = directiveProblem(name, attr.name);
		if (directive) {
			scan.problems.push({ line, message: directive });
			continue;
		}
		const kind = (props as Readonly<Record<string, string>>)[attr.name];
		if (kind === undefined) {
			scan.problems.push({
				line,
				message: `<${name}> has no attribute ${attr.name}; ${known.length ? `its attributes are ${known.join(', ')}` : 'it takes none'}`,
			});
			continue;
		}
		let value: string | number | boolean | undefined;
		if (attr.value === null || attr.value === undefined) value = true;
		else if (typeof attr.value === 'string') value = attr.value;
		else {
			value = literalValue(attr.value);
			if (value === undefined) {
				scan.problems.push({
					line,
					message: `<${name} ${attr.name}={${short(attr.value.value.replace(/\s+/g, ' '), 40)}}> is not allowed: ${NO_CODE}; write the value out, as ${kind === 'number' ? `${attr.name}={600}` : `${attr.name}="…"`}`,
				});
				continue;
			}
		}
		if (typeof value !== 'string') continue;
		const written = `<${name} ${attr.name}=${JSON.stringify(short(value))}>`;
		const refused = schemeReason(value);
		if ((kind === 'image' || kind === 'link') && refused) {
			scan.problems.push({
				line,
				message: `${written} uses ${refused.scheme}, which is not allowed: ${refused.reason}`,
			});
			continue;
		}
		if (kind === 'image') {
			if (isRemote(value)) {
				scan.problems.push({
					line,
					message: `${written} loads a file from another site, which would see every reader’s visit; save the file in public/ and use its path`,
				});
			} else if (!isSitePath(value)) {
				scan.problems.push({
					line,
					message: `${written} must be a path on this site starting with /, e.g. /images/map.png (put the file in public/images/)`,
				});
			} else scan.images.push({ url: value, line });
		}
		if (kind === 'link') {
			if (!/^https?:\/\//i.test(value)) {
				scan.problems.push({
					line,
					message: `${written} must be a web address starting with https:// or http://`,
				});
			} else scan.links.push({ url: value, line });
		}
	}
}

function checkJsx(node: MdxJsxFlowElement | MdxJsxTextElement, walk: Walk) {
	const { scan } = walk;
	const line = node.position?.start.line;
	const name = node.name;
	// A fragment (<>…</>) renders only its children.
	if (name === null) return;
	if (isMdxComponent(name)) {
		checkComponent(name, node, walk);
		return;
	}
	if (!/^[a-z][a-z0-9-]*$/.test(name)) {
		scan.problems.push({
			line,
			message: `<${name}> is not one of the archive’s components (${ARCHIVE_COMPONENTS}); a report cannot define or import components of its own: ask a maintainer for a new one`,
		});
		return;
	}
	// HTML written as JSX: the attributes must be written out, with quoted values.
	const attributes: { name: string; value: string }[] = [];
	for (const attribute of node.attributes) {
		if (attribute.type === 'mdxJsxExpressionAttribute') {
			scan.problems.push({
				line,
				message: `the spread attribute ${spreadText(attribute)} on <${name}> is not allowed: write each attribute out, as name="value"`,
			});
			continue;
		}
		const attr = attribute;
		const directive = directiveProblem(name, attr.name);
		if (directive) {
			scan.problems.push({ line, message: directive });
			continue;
		}
		if (attr.value !== null && attr.value !== undefined && typeof attr.value !== 'string') {
			// An event handler is refused as one, whatever its value.
			if (attr.name.toLowerCase().startsWith('on')) {
				attributes.push({ name: attr.name, value: '' });
				continue;
			}
			scan.problems.push({
				line,
				message: `<${name} ${attr.name}={${short(attr.value.value.replace(/\s+/g, ' '), 40)}}> is not allowed: ${NO_CODE}; an attribute’s value must be written out in quotes, as ${attr.name}="…"`,
			});
			continue;
		}
		attributes.push({ name: attr.name, value: attr.value ?? '' });
	}
	checkElement(name, attributes, line, walk);
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
	else if (isRemote(url)) scan.problems.push({ line, message: remoteImage(url) });
	else if (url) scan.images.push({ url, line });
}

/** Parses a body as the build will: Markdown with GFM, plus MDX syntax for `.mdx` files. */
export function parseBody(body: string, format: 'md' | 'mdx'): Root {
	const processor = unified().use(remarkParse).use(remarkGfm);
	if (format === 'mdx') processor.use(remarkMdx);
	return processor.parse(body);
}

/**
 * Scans a report or profile body.
 *
 * @param owner The collection the body belongs to, for messages ("not allowed in a group’s
 *   profile").
 */
export function scanBody(
	body: string,
	format: 'md' | 'mdx',
	owner: CollectionName = 'reports',
): BodyScan {
	const scan: BodyScan = { problems: [], links: [], images: [] };
	const walk: Walk = { scan, owner };
	const language = format === 'mdx' ? 'MDX' : 'Markdown';
	// Nesting and cost first: past the bounds, the parsers' time grows with the square of the size.
	const bounds = textBoundProblems(body);
	if (bounds.length) {
		scan.problems.push(...bounds);
		return scan;
	}
	let tree: Root;
	try {
		tree = parseBody(body, format);
	} catch (error) {
		const e = error as { line?: number; reason?: string; message: string };
		scan.problems.push({
			line: e.line,
			message:
				error instanceof RangeError
					? `the ${language} cannot be read: it is nested too deeply; flatten the structure`
					: `the ${language} cannot be read: ${e.reason ?? e.message}`,
		});
		return scan;
	}
	const deep = treeDepthProblem(tree);
	if (deep) {
		scan.problems.push(deep);
		return scan;
	}
	const definitions = new Map<string, string>();
	const htmlPieces: { html: string; line: number; range: [number, number] }[] = [];
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
				htmlPieces.push({
					html: node.value,
					line: line ?? 1,
					range: [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0],
				});
				break;
			case 'mdxjsEsm':
				scan.problems.push(...esmProblems(node));
				break;
			case 'mdxFlowExpression':
			case 'mdxTextExpression': {
				const message = expressionProblem(node);
				if (message) scan.problems.push({ line, message });
				break;
			}
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				checkJsx(node, walk);
				break;
			default:
				break;
		}
	});
	if (htmlPieces.length) {
		const tooDeep = htmlDepthProblem(htmlPieces);
		if (tooDeep) scan.problems.push(tooDeep);
		else
			checkRawHtml(
				tree,
				body,
				htmlPieces.map((p) => p.range),
				walk,
			);
	}
	// In the order of the body: raw HTML is read after the Markdown around it.
	const byLine = (a: BodyUrl, b: BodyUrl) => (a.line ?? 0) - (b.line ?? 0);
	scan.links.sort(byLine);
	scan.images.sort(byLine);
	return scan;
}
