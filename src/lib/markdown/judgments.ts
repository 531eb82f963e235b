/**
 * The key judgments of an MDX report, read from its source: every `<Judgment likelihood="…"
 * confidence="…">text</Judgment>`, for `/reports.json`, so that scripts can read what a report
 * judges, how likely and with what confidence, without scraping pages.
 */
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseConfidence, parseLikelihood, type ConfidenceLevel } from './estimative.ts';

/** One key judgment as `/reports.json` gives it. */
export interface KeyJudgment {
	/** The judgment, as plain text. */
	text: string;
	/** The ICD 203 term: "very likely". */
	likelihood: string;
	/** The probability band of that term, in per cent. */
	probability: { min: number; max: number };
	confidence: ConfidenceLevel;
}

/** The string value of a JSX attribute, if it is written as a plain string. */
function attribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
	for (const attr of node.attributes) {
		if (attr.type === 'mdxJsxAttribute' && attr.name === name && typeof attr.value === 'string') {
			return attr.value;
		}
	}
	return undefined;
}

/**
 * Every `<Judgment>` in an MDX body, in order. A judgment whose likelihood or confidence is not in
 * the ICD 203 vocabulary is left out: the component stops the build on it anyway.
 */
export function extractJudgments(mdxBody: string): KeyJudgment[] {
	const tree = unified().use(remarkParse).use(remarkMdx).parse(mdxBody);
	const found: KeyJudgment[] = [];
	visit(tree, (node) => {
		if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
		const element = node;
		if (element.name !== 'Judgment') return;
		const likelihood = parseLikelihood(attribute(element, 'likelihood'));
		const confidence = parseConfidence(attribute(element, 'confidence'));
		if ('error' in likelihood || typeof confidence !== 'string') return;
		found.push({
			text: toString(element).replace(/\s+/g, ' ').trim(),
			likelihood: likelihood.term,
			probability: { min: likelihood.range[0], max: likelihood.range[1] },
			confidence,
		});
	});
	return found;
}
