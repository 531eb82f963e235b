/**
 * Bounds on what a body may ask of the parsers, so that every input costs time in proportion to
 * its length. micromark (the Markdown parser under remark, and so under the build) spends time
 * that grows with the square of the nesting: ten thousand list markers on one line (20 KB) took
 * three minutes and then overflowed the stack; a few thousand nested emphasis marks in one
 * paragraph take seconds. No report needs more than a handful of levels, so the checks refuse
 * more than `MAX_NESTING` before anything parses the body, and name the line.
 *
 * `textBoundProblems` reads the source text once, line by line; `treeDepthProblem` and
 * `htmlDepthProblem` measure the parsed tree without recursion (the rest of the pipeline
 * recurses, and a few thousand levels overflow its stack).
 */
import type { Root as MdastRoot } from 'mdast';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

/** The deepest nesting of lists, quotes, HTML elements, components or emphasis a body may use. */
export const MAX_NESTING = 100;

/**
 * The most emphasis and link marks (`*`, `_`, `~`, `[`, `]`) one paragraph may contain: the
 * parser's cost for a paragraph grows with the square of their number. A thousand is far more
 * than any prose paragraph holds (table rows are not counted: each cell is read on its own).
 */
export const MAX_MARKS_PER_PARAGRAPH = 1000;

export interface BoundProblem {
	line: number;
	message: string;
}

const TOO_DEEP = 'no report needs that many: flatten the structure';

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isBlankish = (c: string | undefined) => c === undefined || /\s/.test(c);

/**
 * How deep the containers (quotes and list items) opened at the start of a line can reach at
 * most: each marker opens one, and indentation can continue at most one list level per two
 * columns. Also returns where the line's own text starts.
 */
function containerDepth(line: string): { depth: number; text: number } {
	let i = 0;
	let indent = 0;
	while (isSpace(line[i])) indent += line[i++] === '\t' ? 4 : 1;
	// A line of three or more -, * or _ (spaces between allowed) is a thematic break, not a list.
	if (/^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line.slice(i))) return { depth: 0, text: line.length };
	let markers = 0;
	for (;;) {
		const c = line[i];
		if (c === '>') i++;
		else if (
			(c === '-' || c === '+' || c === '*') &&
			(i + 1 === line.length || isSpace(line[i + 1]))
		)
			i++;
		else {
			const m = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(i, i + 11));
			if (!m) break;
			i += m[0].length;
		}
		markers++;
		while (isSpace(line[i])) i++;
	}
	return { depth: markers + Math.floor(indent / 2), text: i };
}

/**
 * Problems of nesting and cost found in the source text, before parsing: containers deeper than
 * `MAX_NESTING` at the start of a line, emphasis or links nested deeper than that in a paragraph,
 * and a paragraph with more than `MAX_MARKS_PER_PARAGRAPH` marks. At most one of each, at the
 * line where the bound is crossed.
 */
export function textBoundProblems(body: string): BoundProblem[] {
	const problems: BoundProblem[] = [];
	let containersTooDeep = false;
	let emphasisTooDeep = false;
	let linksTooDeep = false;
	let tooManyMarks = false;
	// The paragraph being read: its first line, its marks and how many emphasis and link marks are
	// open.
	let start = 0;
	let marks = 0;
	let openEmphasis = 0;
	let openLinks = 0;
	let fence: string | undefined;
	const endParagraph = () => {
		start = 0;
		marks = 0;
		openEmphasis = 0;
		openLinks = 0;
	};
	const lines = body.split('\n');
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n]!;
		const lineNumber = n + 1;
		if (line.trim() === '') {
			endParagraph();
			continue;
		}
		if (fence) {
			const close = /^(`{3,}|~{3,})[ \t]*$/.exec(line.slice(containerDepth(line).text).trim());
			if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = undefined;
			continue;
		}
		const { depth, text } = containerDepth(line);
		if (depth > MAX_NESTING && !containersTooDeep) {
			containersTooDeep = true;
			problems.push({
				line: lineNumber,
				message: `lists and quotes are nested more than ${MAX_NESTING} levels deep on this line; ${TOO_DEEP}`,
			});
		}
		const content = line.slice(text);
		const fenceMark = /^(`{3,}|~{3,})/.exec(content.trimStart())?.[1];
		if (fenceMark) {
			fence = fenceMark;
			endParagraph();
			continue;
		}
		if (content.trimStart().startsWith('|')) continue;
		if (start === 0) start = lineNumber;
		for (let i = 0; i < content.length; i++) {
			const c = content[i];
			if (c === '\\') {
				i++;
				continue;
			}
			if (c === '[' || c === ']') {
				marks++;
				openLinks = c === '[' ? openLinks + 1 : Math.max(0, openLinks - 1);
				if (openLinks > MAX_NESTING && !linksTooDeep) {
					linksTooDeep = true;
					problems.push({
						line: lineNumber,
						message: `links or brackets are nested more than ${MAX_NESTING} levels deep here; ${TOO_DEEP}`,
					});
				}
			} else if (c === '*' || c === '_' || c === '~') {
				let j = i;
				while (content[j + 1] === c) j++;
				const opens = !isBlankish(content[j + 1]);
				const closes = !isBlankish(content[i - 1]);
				marks++;
				if (opens && !closes) openEmphasis++;
				else if (closes && !opens) openEmphasis = Math.max(0, openEmphasis - 1);
				if (openEmphasis > MAX_NESTING && !emphasisTooDeep) {
					emphasisTooDeep = true;
					problems.push({
						line: lineNumber,
						message: `emphasis marks (*, _ or ~) are nested more than ${MAX_NESTING} levels deep here; ${TOO_DEEP}`,
					});
				}
				i = j;
			}
		}
		if (marks > MAX_MARKS_PER_PARAGRAPH && !tooManyMarks) {
			tooManyMarks = true;
			problems.push({
				line: start,
				message: `this paragraph has more than ${MAX_MARKS_PER_PARAGRAPH.toLocaleString('en')} emphasis and link marks (*, _, ~, [ and ]), which makes it slow to read; split it into shorter paragraphs, or write a literal mark as \\*`,
			});
		}
	}
	return problems;
}

const CONTAINERS = new Set([
	'list',
	'blockquote',
	'footnoteDefinition',
	'mdxJsxFlowElement',
	'mdxJsxTextElement',
	'emphasis',
	'strong',
	'delete',
	'link',
	'linkReference',
]);

/**
 * The first node of a parsed Markdown tree nested deeper than `MAX_NESTING` containers (lists,
 * quotes, components, emphasis, links), found without recursion.
 */
export function treeDepthProblem(tree: MdastRoot): BoundProblem | undefined {
	type Node = {
		type: string;
		children?: Node[];
		position?: { start: { line: number } } | undefined;
	};
	const stack: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
	while (stack.length) {
		const { node, depth } = stack.pop()!;
		const d = depth + (CONTAINERS.has(node.type) ? 1 : 0);
		if (d > MAX_NESTING) {
			return {
				line: node.position?.start.line ?? 1,
				message: `lists, quotes, components or emphasis are nested more than ${MAX_NESTING} levels deep here; ${TOO_DEEP}`,
			};
		}
		for (const child of node.children ?? []) stack.push({ node: child, depth: d });
	}
	return undefined;
}

type ParseNode = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.ParentNode;

/**
 * The first HTML element nested deeper than `MAX_NESTING` in a body's raw HTML, its pieces read
 * together as the browser reads them, found without recursion. `pieces` are the HTML pieces in
 * order, each with its line.
 */
export function htmlDepthProblem(
	pieces: readonly { html: string; line: number }[],
): BoundProblem | undefined {
	if (pieces.length === 0) return undefined;
	let joined = '';
	const starts: { offset: number; line: number }[] = [];
	for (const piece of pieces) {
		starts.push({ offset: joined.length, line: piece.line });
		joined += `${piece.html}\n`;
	}
	const fragment = parseFragment(joined, { sourceCodeLocationInfo: true });
	const stack: { node: ParseNode; depth: number }[] = [{ node: fragment, depth: 0 }];
	while (stack.length) {
		const { node, depth } = stack.pop()!;
		if (depth > MAX_NESTING) {
			const offset = 'sourceCodeLocation' in node ? (node.sourceCodeLocation?.startOffset ?? 0) : 0;
			const piece = [...starts].reverse().find((s) => s.offset <= offset) ?? starts[0]!;
			const within = joined.slice(piece.offset, offset).split('\n').length - 1;
			return {
				line: piece.line + within,
				message: `HTML elements are nested more than ${MAX_NESTING} levels deep here; ${TOO_DEEP}`,
			};
		}
		if ('childNodes' in node) {
			for (const child of node.childNodes) {
				if ('tagName' in child) stack.push({ node: child, depth: depth + 1 });
			}
		}
	}
	return undefined;
}
