/**
 * A report's rendered body made fit for a full-text feed, where it is read far from the site: every
 * link and image address made absolute (a feed reader resolves `/groups/x/` against nothing, and
 * `#section` against its own page), the heading "#" links and the screen-reader-only labels
 * dropped (they are page furniture, and readers show them as stray text), and the page's classes,
 * ids and data attributes left out. The HTML is the build's own output of checked Markdown; this
 * only reshapes it.
 */
import { parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.ChildNode;
type Parent = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Attributes a feed reader has a use for; the rest are the page's own. */
const KEPT = new Set([
	'href',
	'src',
	'alt',
	'title',
	'width',
	'height',
	'colspan',
	'rowspan',
	'scope',
	'cite',
	'datetime',
	'start',
	'lang',
	'dir',
]);

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);

function classes(element: Element): string[] {
	return (element.attrs.find((a) => a.name === 'class')?.value ?? '').split(/\s+/);
}

/** Whether the element is page furniture a feed reader should not show. */
function isFurniture(element: Element): boolean {
	const c = classes(element);
	return c.includes('heading-anchor') || c.includes('visually-hidden') || c.includes('sr-only');
}

function clean(parent: Parent, base: URL): void {
	parent.childNodes = parent.childNodes.filter(
		(node: Node) => !('tagName' in node) || !isFurniture(node),
	);
	for (const node of parent.childNodes) {
		if (!('tagName' in node)) continue;
		node.attrs = node.attrs
			.filter((a) => KEPT.has(a.name))
			.map((a) => {
				if (!URL_ATTRIBUTES.has(a.name)) return a;
				try {
					return { ...a, value: new URL(a.value, base).href };
				} catch {
					return a;
				}
			});
		clean(node, base);
	}
}

/**
 * The body HTML of a report for a feed, with addresses resolved against the report's absolute
 * URL (so `#background` becomes `https://…/reports/x/#background`).
 */
export function feedHtml(html: string, reportUrl: string): string {
	const fragment = parseFragment(html);
	clean(fragment, new URL(reportUrl));
	return serialize(fragment).trim();
}
