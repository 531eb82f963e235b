import { describe, expect, it } from 'vitest';
import {
	explainYamlError,
	readFrontmatter,
	type Frontmatter,
} from '../../../src/lib/checks/frontmatter.ts';

function read(text: string): Frontmatter {
	const result = readFrontmatter(text);
	if ('problem' in result) throw new Error(result.problem.message);
	return result;
}

function problem(text: string) {
	const result = readFrontmatter(text);
	if (!('problem' in result)) throw new Error('expected a problem');
	return result.problem;
}

describe('readFrontmatter', () => {
	const text =
		'---\ntitle: "A report"\npublished: 2022-02-30\ngroups:\n  - is-k\n  - taliban\n---\n\nBody\n';

	it('gives the values as Astro reads them: an unquoted date rolled over by YAML', () => {
		const fm = read(text);
		expect(fm.data.title).toBe('A report');
		expect(fm.data.published).toEqual(new Date('2022-03-02T00:00:00Z'));
	});

	it('keeps the source text of an unquoted value, and nothing for a quoted one', () => {
		const fm = read(text);
		expect(fm.plainText('published')).toBe('2022-02-30');
		expect(fm.plainText('title')).toBeUndefined();
		expect(fm.plainText('missing')).toBeUndefined();
	});

	it('finds the file line of a field and of an item in a list', () => {
		const fm = read(text);
		expect(fm.lineOf(['title'])).toBe(2);
		expect(fm.lineOf(['groups', 1])).toBe(6);
		expect(fm.lineOf(['nothing'])).toBeUndefined();
		expect(fm.keyLineOf([], 'groups')).toBe(4);
	});

	it('gives the body and how many lines come before it', () => {
		const fm = read(text);
		expect(fm.body).toBe('\n\nBody\n');
		expect(fm.bodyLineOffset + 3).toBe(9); // "Body" is body line 3 and file line 9
	});

	it('counts lines from the opening dashes when blank lines come first', () => {
		expect(read('\n\n---\ntitle: x\n---\n').lineOf(['title'])).toBe(4);
	});

	it('refuses a file without frontmatter, TOML frontmatter and frontmatter that is not fields', () => {
		expect(problem('Just text.\n').message).toMatch(/^the file has no frontmatter/);
		expect(problem('+++\ntitle = "x"\n+++\n').message).toMatch(/^TOML frontmatter/);
		expect(problem('---\n- a\n- b\n---\n')).toMatchObject({ line: 2 });
	});

	it('turns js-yaml’s errors into the author’s words at the right line', () => {
		expect(problem('---\ntype: brief\ntitle: "unclosed\nsummary: x\n---\n')).toEqual({
			line: 3,
			message:
				'the YAML cannot be read: a quote (") opens in `title: "unclosed` and never closes; close it, or put text that contains " in the other kind of quotes',
		});
		expect(problem('---\ntitle: a\ntitle: b\n---\n')).toEqual({
			line: 3,
			message: 'the YAML cannot be read: the field title is written twice; keep one',
		});
	});
});

describe('explainYamlError', () => {
	it('falls back to the parser’s reason with the line’s text', () => {
		expect(explainYamlError(['', 'title: [a, b', 'summary: x'], 2, 'missed comma')).toEqual({
			line: 2,
			message:
				'the YAML cannot be read: missed comma at `summary: x`; check the quotes, colons and indentation on this line and the ones above it',
		});
	});

	it('suggests quotes when a plain value contains ": "', () => {
		expect(
			explainYamlError(['', 'summary: Why: because'], 1, 'bad indentation of a mapping entry'),
		).toEqual({
			line: 1,
			message:
				'the YAML cannot be read: the value of summary contains ": ", so it must be in quotes: summary: "Why: because"',
		});
	});
});
