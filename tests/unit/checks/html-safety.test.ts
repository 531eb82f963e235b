import { describe, expect, it } from 'vitest';
import {
	attributeProblem,
	elementProblem,
	forbiddenScheme,
	isRemote,
} from '../../../src/lib/checks/html-safety.ts';

describe('forbiddenScheme', () => {
	it('finds javascript:, vbscript: and data: in any case', () => {
		expect(forbiddenScheme('javascript:alert(1)')).toBe('javascript:');
		expect(forbiddenScheme('JavaScript:alert(1)')).toBe('javascript:');
		expect(forbiddenScheme('vbscript:x')).toBe('vbscript:');
		expect(forbiddenScheme('data:text/html,hi')).toBe('data:');
	});

	it('sees through the spaces, tabs and control characters browsers ignore in a scheme', () => {
		expect(forbiddenScheme(' java\tscript:alert(1)')).toBe('javascript:');
		expect(forbiddenScheme('\u0001javascript:x')).toBe('javascript:');
	});

	it('lets ordinary links through', () => {
		for (const url of [
			'https://example.org/',
			'/reports/a/',
			'#x',
			'mailto:a@b.c',
			'data-sheet.pdf',
		]) {
			expect(forbiddenScheme(url), url).toBeUndefined();
		}
	});
});

describe('isRemote', () => {
	it('knows URLs that load from another site, protocol-relative ones included', () => {
		expect(isRemote('https://x.example/a.png')).toBe(true);
		expect(isRemote('//x.example/a.png')).toBe(true);
		expect(isRemote('/images/a.png')).toBe(false);
		expect(isRemote('./a.png')).toBe(false);
	});
});

describe('elementProblem', () => {
	it('refuses scripts, frames, plug-ins and page-wide elements, with the reason', () => {
		expect(elementProblem('SCRIPT')).toBe(
			'<script> is not allowed in a report: it would run code in readers’ browsers. To embed rich content, use an MDX component',
		);
		for (const tag of ['iframe', 'object', 'embed', 'base', 'meta', 'link', 'style', 'form']) {
			expect(elementProblem(tag), tag).toContain(`<${tag}> is not allowed`);
		}
	});

	it('allows ordinary markup', () => {
		for (const tag of ['a', 'img', 'figure', 'table', 'sup', 'abbr']) {
			expect(elementProblem(tag), tag).toBeUndefined();
		}
	});
});

describe('attributeProblem', () => {
	it('refuses event handler attributes', () => {
		expect(attributeProblem('img', 'onerror', 'x()')).toBe(
			'the onerror= attribute on <img> is not allowed: event handlers run code in readers’ browsers',
		);
	});

	it('refuses forbidden schemes in any URL attribute, each candidate of a srcset included', () => {
		expect(attributeProblem('a', 'href', 'javascript:x')).toContain('uses javascript:');
		expect(attributeProblem('form', 'action', 'javascript:x')).toContain('uses javascript:');
		expect(attributeProblem('img', 'srcset', '/a.png 1x, data:image/png;base64,AA 2x')).toContain(
			'uses data:',
		);
	});

	it('refuses resources loaded from another site, but not links to one', () => {
		expect(attributeProblem('img', 'src', 'https://tracker.example/p.gif')).toContain(
			'loads a file from another site',
		);
		expect(attributeProblem('a', 'href', 'https://example.org/')).toBeUndefined();
	});

	it('leaves other attributes alone, even when their text looks like a scheme', () => {
		expect(attributeProblem('img', 'alt', 'data: the numbers')).toBeUndefined();
		expect(attributeProblem('a', 'title', 'javascript: a history')).toBeUndefined();
	});
});
