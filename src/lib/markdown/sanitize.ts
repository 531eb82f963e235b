/**
 * The net under every report and profile body: one sanitizer over the rendered tree, in the
 * Markdown and the MDX pipeline alike (`./plugins.ts` lists it first among the rehype plugins, so
 * it sees exactly what the author wrote, and the site's own plugins add their markup after it).
 *
 * It is hast-util-sanitize (the sanitizer behind rehype-sanitize) with a schema written for this
 * site: the elements and attributes that Markdown, GFM tables, task lists and footnotes produce, a
 * few more an author may write in HTML (`abbr`, `sub`, `kbd`, `details`, …), and the archive's
 * own MDX components with their attributes. Everything else goes: scripts, event handlers, inline
 * styles, `javascript:` and `data:` URLs, forms, frames, SVG and MathML, ids and classes an author
 * invents, and images that would load from another site.
 *
 * The content checks (`../checks/`) refuse the same things with a message naming the line, so an
 * author never learns about this sanitizer from a missing paragraph; it is here for whatever the
 * checks miss, and for `astro dev`, where the checks only warn.
 *
 * In MDX it also keeps code out of the build: ESM (`import`, `export`) and `{expressions}` are not
 * elements, so the sanitizer drops them before MDX turns the tree into JavaScript, together with
 * spread attributes, non-literal attribute values and every component that is not the archive's.
 */
import type { Element, ElementContent, Nodes, Properties, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { MdxJsxAttribute, MdxJsxAttributeValueExpression } from 'mdast-util-mdx-jsx';
import { find, html } from 'property-information';
import type { VFile } from 'vfile';
import { isRemote } from '../model/urls.ts';
import { MDX_COMPONENT_PROPS, isMdxComponent } from './mdx-components.ts';

/** Ids that remark-rehype gives footnotes and their references: `user-content-fn-1`, `…fnref-1`. */
const FOOTNOTE_ID = /^user-content-fn(?:ref)?-[\w-]+$/;

/** HTML elements a body may contain. */
export const BODY_ELEMENTS = [
	// What Markdown and GFM write.
	'a',
	'blockquote',
	'br',
	'code',
	'del',
	'em',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'hr',
	'img',
	'input',
	'li',
	'ol',
	'p',
	'pre',
	'section',
	'strong',
	'sup',
	'table',
	'tbody',
	'td',
	'th',
	'thead',
	'tr',
	'ul',
	// What an author may write in HTML besides.
	'abbr',
	'b',
	'bdi',
	'bdo',
	'caption',
	'cite',
	'dd',
	'details',
	'dfn',
	'div',
	'dl',
	'dt',
	'figcaption',
	'figure',
	'i',
	'ins',
	'kbd',
	'mark',
	'q',
	'rp',
	'rt',
	'ruby',
	's',
	'samp',
	'small',
	'span',
	'sub',
	'summary',
	'tfoot',
	'time',
	'var',
	'wbr',
] as const;

/**
 * Elements removed with everything inside them, rather than unwrapped: their content is code,
 * styles, another document, or text that parsers read in different ways.
 */
export const STRIPPED_ELEMENTS = [
	'script',
	'style',
	'template',
	'noscript',
	'noembed',
	'noframes',
	'iframe',
	'textarea',
	'title',
	'xmp',
	'plaintext',
	'select',
	'svg',
	'math',
	'object',
	'embed',
	'applet',
];

const componentAttributes = Object.fromEntries(
	Object.entries(MDX_COMPONENT_PROPS).map(([name, props]) => [name, Object.keys(props)]),
);

/**
 * The schema. Attributes are hast property names (`className`, `dateTime`); a list after a name
 * is the values allowed. Ids are the build's: headings get theirs from rehype-slug after this
 * runs, footnotes from remark-rehype before; an author's own ids would collide with them and with
 * the page's landmarks.
 */
export const BODY_SCHEMA: Schema = {
	tagNames: [...BODY_ELEMENTS, ...Object.keys(MDX_COMPONENT_PROPS)],
	attributes: {
		'*': ['dir', 'lang', 'title'],
		a: [
			'href',
			'ariaDescribedBy',
			'ariaLabel',
			'dataFootnoteRef',
			'dataFootnoteBackref',
			['className', 'data-footnote-backref'],
			['id', FOOTNOTE_ID],
		],
		blockquote: ['cite'],
		code: [['className', /^language-[\w+#.-]+$/]],
		del: ['cite', 'dateTime'],
		details: ['open'],
		h2: [
			['className', 'sr-only'],
			['id', 'footnote-label'],
		],
		img: ['src', 'alt', 'width', 'height'],
		input: [['type', 'checkbox'], ['disabled', true], 'checked'],
		ins: ['cite', 'dateTime'],
		li: [
			['className', 'task-list-item'],
			['id', FOOTNOTE_ID],
		],
		ol: ['start', 'reversed', ['className', 'contains-task-list']],
		q: ['cite'],
		section: ['dataFootnotes', ['className', 'footnotes']],
		td: ['align', 'colSpan', 'rowSpan', 'headers'],
		th: ['align', 'colSpan', 'rowSpan', 'headers', 'scope', 'abbr'],
		time: ['dateTime'],
		ul: [['className', 'contains-task-list']],
		...componentAttributes,
	},
	required: { input: { disabled: true, type: 'checkbox' } },
	protocols: {
		href: ['http', 'https', 'mailto'],
		cite: ['http', 'https'],
		src: ['http', 'https'],
		url: ['http', 'https'],
	},
	ancestors: {
		// GFM's task-list checkboxes; an author's <input> elsewhere goes.
		input: ['li'],
		tbody: ['table'],
		td: ['table'],
		th: ['table'],
		thead: ['table'],
		tfoot: ['table'],
		tr: ['table'],
	},
	strip: STRIPPED_ELEMENTS,
	clobber: [],
	clobberPrefix: '',
	allowComments: false,
	allowDoctypes: false,
};

/** Whether the schema keeps an HTML element (the checks ask it; components are theirs). */
export function allowsElement(tagName: string): boolean {
	return (BODY_ELEMENTS as readonly string[]).includes(tagName);
}

/**
 * Whether the schema keeps an attribute (by its hast property name) with this value on an
 * element. Protocols are not looked at here: the checks give those their own messages.
 */
export function allowsAttribute(tagName: string, property: string, value: unknown): boolean {
	const definitions = [
		...(BODY_SCHEMA.attributes?.[tagName] ?? []),
		...(BODY_SCHEMA.attributes?.['*'] ?? []),
	];
	const values = Array.isArray(value) ? value : [value];
	return definitions.some((d) => {
		if (typeof d === 'string') return d === property;
		const [name, ...allowed] = d;
		if (name !== property) return false;
		if (allowed.length === 0) return true;
		return values.every((v) =>
			allowed.some((a) => (a instanceof RegExp ? a.test(String(v)) : a === v)),
		);
	});
}

/** The MDX node types of the hast tree that hast-util-raw must pass through untouched. */
const MDX_NODE_TYPES = [
	'mdxjsEsm',
	'mdxFlowExpression',
	'mdxTextExpression',
	'mdxJsxFlowElement',
	'mdxJsxTextElement',
];

type MdxJsxElement = {
	type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
	name: string | null;
	attributes: Array<MdxJsxAttribute | { type: 'mdxJsxExpressionAttribute' }>;
	children: RootContent[];
	position?: Element['position'];
};

/** The value of a literal JSX expression (`{600}`, `{true}`, `{"x"}`, `{-1}`), or undefined. */
export function literalValue(
	expression: MdxJsxAttributeValueExpression,
): string | number | boolean | undefined {
	const program = expression.data?.estree;
	if (!program || program.body.length !== 1) return undefined;
	const statement = program.body[0]!;
	if (statement.type !== 'ExpressionStatement') return undefined;
	const e = statement.expression;
	if (e.type === 'Literal') {
		const v = e.value;
		return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
	}
	if (
		e.type === 'UnaryExpression' &&
		e.operator === '-' &&
		e.argument.type === 'Literal' &&
		typeof e.argument.value === 'number'
	) {
		return -e.argument.value;
	}
	if (e.type === 'TemplateLiteral' && e.expressions.length === 0) {
		return e.quasis.map((q) => q.value.cooked ?? '').join('');
	}
	return undefined;
}

/**
 * The attributes of a JSX element as hast properties: only those written out (no spreads), with
 * a literal value. On HTML elements a value must be a quoted string; the archive's components
 * also take literal numbers and booleans (`width={600}`).
 */
function propertiesOf(node: MdxJsxElement, component: boolean): Properties {
	const properties: Properties = {};
	for (const attribute of node.attributes) {
		if (attribute.type !== 'mdxJsxAttribute') continue;
		const { name, value } = attribute;
		let v: string | number | boolean | undefined;
		if (value === null || value === undefined) v = true;
		else if (typeof value === 'string') v = value;
		else if (component) v = literalValue(value);
		if (v === undefined) continue;
		const key = component ? name : find(html, name).property;
		properties[key] = key === 'className' && typeof v === 'string' ? v.split(/\s+/) : v;
	}
	return properties;
}

/**
 * MDX's JSX elements as hast elements, so that one sanitizer pass reads them all: HTML written as
 * JSX becomes the element it renders, an archive component an element of its own name (marked,
 * to be turned back afterwards). Anything else (another component, `<Fragment>`, `<a.b>`, a
 * name made at run time) is unwrapped: its children stay, subject to the same rules.
 */
function jsxToElements(children: readonly RootContent[]): RootContent[] {
	const out: RootContent[] = [];
	for (const child of children) {
		const node = child as unknown as MdxJsxElement;
		if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			const inner = jsxToElements(node.children) as ElementContent[];
			const name = node.name ?? '';
			if (isMdxComponent(name)) {
				out.push({
					type: 'element',
					tagName: name,
					properties: propertiesOf(node, true),
					children: inner,
					data: { briefMdx: node.type } as unknown as Element['data'],
					...(node.position ? { position: node.position } : {}),
				});
			} else if (/^[a-z][a-z0-9]*$/.test(name)) {
				out.push({
					type: 'element',
					tagName: name,
					properties: propertiesOf(node, false),
					children: inner,
					...(node.position ? { position: node.position } : {}),
				});
			} else {
				out.push(...inner);
			}
			continue;
		}
		if ('children' in child) {
			(child as { children: RootContent[] }).children = jsxToElements(child.children);
		}
		out.push(child);
	}
	return out;
}

const estreeLiteral = (value: string | number | boolean): MdxJsxAttributeValueExpression => ({
	type: 'mdxJsxAttributeValueExpression',
	value: JSON.stringify(value),
	data: {
		estree: {
			type: 'Program',
			sourceType: 'module',
			body: [
				{
					type: 'ExpressionStatement',
					expression: { type: 'Literal', value, raw: JSON.stringify(value) },
				},
			],
		},
	},
});

/** The archive's components back as MDX JSX, with the attributes the sanitizer kept. */
function elementsToJsx(children: readonly RootContent[]): RootContent[] {
	return children.map((child) => {
		if (child.type !== 'element') return child;
		child.children = elementsToJsx(child.children) as ElementContent[];
		const type = (child.data as { briefMdx?: MdxJsxElement['type'] } | undefined)?.briefMdx;
		if (!type || !isMdxComponent(child.tagName)) return child;
		const attributes: MdxJsxAttribute[] = Object.entries(child.properties).map(([name, v]) => ({
			type: 'mdxJsxAttribute',
			name,
			value: v === true ? null : typeof v === 'string' ? v : estreeLiteral(v as number | boolean),
		}));
		const node: MdxJsxElement = {
			type,
			name: child.tagName,
			attributes,
			children: child.children,
			...(child.position ? { position: child.position } : {}),
		};
		return node as unknown as RootContent;
	});
}

/**
 * Whether an image source is one the site can serve: a path on this site (`/images/map.png`, a
 * file in public/), or a relative path to an image file beside the report (`./map.png`, which the
 * build copies and optimises). Anything else would load from another site or ask the site for a
 * file it does not have.
 */
export function isServableImage(src: string): boolean {
	if (src.trim() === '' || isRemote(src)) return false;
	return src.startsWith('/') || /\.(?:png|jpe?g|gif|webp|avif|svg)(?:[?#]|$)/i.test(src);
}

/** Images (and `<Figure>`s) whose source the site cannot serve go (see `isServableImage`). */
function dropForeignImages(children: readonly RootContent[]): RootContent[] {
	return children.flatMap((child): RootContent[] => {
		if (child.type !== 'element') return [child];
		if (child.tagName === 'img' || child.tagName === 'Figure') {
			const src = child.properties.src;
			if (typeof src !== 'string' || !isServableImage(src)) return [];
		}
		child.children = dropForeignImages(child.children) as ElementContent[];
		return [child];
	});
}

const hasRaw = (node: Nodes): boolean =>
	(node as { type: string }).type === 'raw' ||
	('children' in node && node.children.some((c) => hasRaw(c)));

/** Sanitizes a body's hast tree (see the module comment). */
export function sanitizeBody(tree: Root, file?: VFile): Root {
	// Raw HTML in Markdown is parsed as a browser parses the whole page: all pieces together.
	const parsed = hasRaw(tree)
		? (raw(tree, { ...(file ? { file } : {}), passThrough: MDX_NODE_TYPES }) as Root)
		: tree;
	parsed.children = jsxToElements(parsed.children);
	const clean = sanitize(parsed, BODY_SCHEMA) as Root;
	clean.children = elementsToJsx(dropForeignImages(clean.children));
	return clean;
}

/** The rehype plugin. */
export function rehypeSanitizeBody() {
	return (tree: Root, file: VFile): Root => sanitizeBody(tree, file);
}
