/**
 * Smart punctuation (curly quotes, em dashes, ellipses) for report and profile bodies: the same
 * output as the `remark-smartypants` 3 that Astro runs by default, in a fraction of its time.
 *
 * Why not Astro's: it puts a body's text through retext's natural-language parser twice, once as a
 * whole (for the quotes, which need the context around links and emphasis) and then once per text
 * node (for dashes, ellipses and double backticks), each run a whole unified pipeline. In a cold
 * build at 1,000 reports that was about 5 s of 29 s of CPU (a sixth; profiled with --cpu-prof),
 * and the checks paid it again to learn heading ids. Almost no text node holds `--`, three dots or
 * doubled quotes, so here the second parse runs only for those that do; the rest keep the text the
 * first pass gave them, which is what the second pass would have returned. The first pass is
 * skipped for a body without a straight quote. Otherwise the steps are Astro's: the same nodes, in
 * the same order, joined the same way, and the same retext plugin with the same options.
 * `tests/unit/markdown/smart-punctuation.test.ts` compares the two on every kind of input, and the
 * benchmark corpus was compared report by report when this was written.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/** Nodes whose text is read; of them the literals carry text and the blocks start afresh. */
const READ = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Inline MDX elements whose text is code, not prose. */
const CODE_ELEMENTS = new Set(['style', 'script']);

/** Quotes only: the replacements that keep the text's length, so it can be cut back into nodes. */
const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
/** Everything but quotes, run on one node's text after the quotes pass. */
const rest = retext().use(smartypants, { quotes: false });

/**
 * Whether a text may hold what `rest` replaces: `--` (a dash), ``` `` ``` or `''` (double quotes
 * typed as pairs), or three runs of dots with only white space between them (an ellipsis, spaced
 * or not). A superset: the white space is parse-latin's (JavaScript's `\s` and U+0085), and a
 * text that matches is still handed to retext, which decides.
 */
const MAY_CHANGE = /--|``|''|\.[\s\u0085]*\.[\s\u0085]*\./;

const isLiteral = (node: Nodes): node is Nodes & { value: string } =>
	'value' in node && typeof node.value === 'string';

function isRead(node: Nodes, parent: Parent | undefined): boolean {
	if (!parent || !READ.has(node.type)) return false;
	if (parent.type === 'mdxJsxTextElement') {
		const name = (parent as Parent & { name?: unknown }).name;
		if (typeof name !== 'string' || CODE_ELEMENTS.has(name)) return false;
	}
	return isLiteral(node) || BLOCKS.has(node.type);
}

/** The remark plugin. */
export function remarkSmartPunctuation() {
	return (tree: Root): void => {
		const nodes: Nodes[] = [];
		let all = '';
		visit(tree, (node, _index, parent) => {
			if (!isRead(node, parent)) return;
			// A block starts with a space so that a quote at its start reads as opening; inline code
			// stands as letters, so that the quotes around it pair up but it is never changed.
			if (isLiteral(node)) all += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
			else all += ' ';
			nodes.push(node);
		});
		if (all.includes('"') || all.includes("'")) all = String(quotes.processSync(all));
		let at = 0;
		for (const node of nodes) {
			if (!isLiteral(node)) {
				at += 1;
				continue;
			}
			const end = at + node.value.length;
			if (node.type === 'text') {
				const text = all.slice(at, end);
				node.value = MAY_CHANGE.test(text) ? String(rest.processSync(text)) : text;
			}
			at = end;
		}
	};
}
