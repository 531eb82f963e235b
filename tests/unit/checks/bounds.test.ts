import { describe, expect, it } from 'vitest';
import {
	htmlDepthProblem,
	MAX_MARKS_PER_PARAGRAPH,
	MAX_NESTING,
	textBoundProblems,
	treeDepthProblem,
} from '../../../src/lib/checks/bounds.ts';
import { parseBody, scanBody } from '../../../src/lib/checks/body.ts';

const lines = (body: string) => textBoundProblems(body).map((p) => `${p.line}: ${p.message}`);

describe('textBoundProblems: nesting and cost, read from the text before parsing', () => {
	it('accepts 100 levels of list markers or quotes on a line and refuses 101, at that line', () => {
		expect(lines(`Intro.\n\n${'- '.repeat(MAX_NESTING)}x\n`)).toEqual([]);
		expect(lines(`${'> '.repeat(MAX_NESTING)}x\n`)).toEqual([]);
		expect(lines(`Intro.\n\n${'- '.repeat(MAX_NESTING + 1)}x\n`)).toEqual([
			'3: lists and quotes are nested more than 100 levels deep on this line; no report needs that many: flatten the structure',
		]);
		expect(lines(`${'>'.repeat(MAX_NESTING + 1)} x\n`)).toHaveLength(1);
		expect(lines(`${'1. '.repeat(MAX_NESTING + 1)}x\n`)).toHaveLength(1);
	});

	it('counts indentation as nesting, two columns a level', () => {
		const deep = Array.from({ length: MAX_NESTING + 2 }, (_, i) => `${'  '.repeat(i)}- x`).join(
			'\n',
		);
		// Line n holds one marker after 2(n - 1) columns: n levels.
		expect(lines(deep).map((l) => l.split(':')[0])).toEqual([String(MAX_NESTING + 1)]);
	});

	it('does not take a long thematic break (- - - …) or code for nesting', () => {
		expect(lines(`${'- '.repeat(300)}\n`)).toEqual([]);
		expect(lines(`\`\`\`\n${'- '.repeat(300)}x\n${'*a '.repeat(300)}\n\`\`\`\n`)).toEqual([]);
	});

	it('refuses emphasis nested more than 100 deep, and a paragraph of more than 1,000 marks', () => {
		expect(lines(`${'*a '.repeat(MAX_NESTING)}x${' b*'.repeat(MAX_NESTING)}\n`)).toEqual([]);
		expect(lines(`${'*a '.repeat(MAX_NESTING + 1)}x\n`)).toEqual([
			'1: emphasis marks (*, _ or ~) are nested more than 100 levels deep here; no report needs that many: flatten the structure',
		]);
		expect(lines(`Start.\n\n${'a* '.repeat(MAX_MARKS_PER_PARAGRAPH)}\n`)).toEqual([]);
		expect(lines(`Start.\n\nLine one\n${'a* '.repeat(MAX_MARKS_PER_PARAGRAPH + 1)}\n`)).toEqual([
			'3: this paragraph has more than 1,000 emphasis and link marks (*, _, ~, [ and ]), which makes it slow to read; split it into shorter paragraphs, or write a literal mark as \\*',
		]);
	});

	it('counts marks per paragraph: many short paragraphs are fine, escaped marks and table rows do not count', () => {
		expect(lines('**bold** and *em*.\n\n'.repeat(2000))).toEqual([]);
		expect(lines(`${'\\* '.repeat(MAX_MARKS_PER_PARAGRAPH + 1)}\n`)).toEqual([]);
		expect(lines(`| a | b |\n| - | - |\n${'| **x** | *y* |\n'.repeat(600)}`)).toEqual([]);
	});

	it('refuses links nested more than 100 deep', () => {
		expect(lines(`${'['.repeat(MAX_NESTING + 1)}x\n`)).toHaveLength(1);
	});
});

describe('treeDepthProblem and htmlDepthProblem: the parsed tree, measured without recursion', () => {
	it('finds MDX components nested more than 100 deep, at the line', () => {
		const body = `Intro.\n\n${'<Callout>\n'.repeat(MAX_NESTING + 1)}x\n${'</Callout>\n'.repeat(MAX_NESTING + 1)}`;
		expect(treeDepthProblem(parseBody(body, 'mdx'))?.line).toBe(MAX_NESTING + 3);
		expect(
			treeDepthProblem(parseBody(`${'<Callout>'.repeat(50)}x${'</Callout>'.repeat(50)}`, 'mdx')),
		).toBeUndefined();
	});

	it('finds raw HTML nested more than 100 deep across pieces, at the line, even 20,000 deep', () => {
		expect(htmlDepthProblem([{ html: '<div>'.repeat(MAX_NESTING), line: 1 }])).toBeUndefined();
		expect(
			htmlDepthProblem([
				{ html: '<div>'.repeat(60), line: 3 },
				{ html: `\n\n${'<div>'.repeat(60)}`, line: 7 },
			]),
		).toEqual({
			line: 9,
			message:
				'HTML elements are nested more than 100 levels deep here; no report needs that many: flatten the structure',
		});
		expect(scanBody(`${'<div>'.repeat(20_000)}x\n`, 'md').problems.map((p) => p.line)).toEqual([1]);
	});
});
