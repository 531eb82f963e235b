/**
 * A content file's frontmatter, read as Astro reads it (`parseFrontmatter`, which uses js-yaml),
 * so the schema sees exactly the values the build will see, plus what only the source text can
 * tell: the line of every field, and the text of unquoted values (YAML turns an unquoted
 * `2022-02-30` into 2 March without a word; the source still says `2022-02-30`).
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/** A frontmatter problem that stops the file from being read any further. */
export interface FrontmatterProblem {
	line?: number | undefined;
	message: string;
}

export interface Frontmatter {
	/** The fields as the build sees them. */
	data: Record<string, unknown>;
	/** The line in the file (from 1) of the value at a path such as `['groups', 0]`. */
	lineOf(path: readonly PropertyKey[]): number | undefined;
	/** The line of a key of the mapping at `path` (for an unknown field). */
	keyLineOf(path: readonly PropertyKey[], key: string): number | undefined;
	/** The source text of a top-level field written without quotes, or undefined. */
	plainText(field: string): string | undefined;
	/** The Markdown body after the frontmatter. */
	body: string;
	/** Lines before the body's first line: a body line (from 1) plus this is the file line. */
	bodyLineOffset: number;
}

const countLines = (text: string) => text.split('\n').length - 1;

interface YamlException extends Error {
	reason?: string;
	mark?: { line: number };
}

const HOW =
	'frontmatter is YAML between two lines of three dashes (---), one "field: value" per line';

/** A line of the frontmatter with an unquoted value that contains ": ", such as `title: IS-K: why`. */
const UNQUOTED_COLON = /^\s*([\w-]+):\s+([^'"\s[{|>&*!#][^#]*?:\s.*)$/;

/**
 * Says in an author's words why js-yaml refused the frontmatter, at the line where the mistake is
 * (which for an unclosed quote is where it opened, not where YAML gave up).
 *
 * @param lines The frontmatter's lines; line 0 is the opening `---` line.
 * @param at The line js-yaml reported, counted the same way.
 */
export function explainYamlError(
	lines: readonly string[],
	at: number,
	reason: string,
): { line: number; message: string } {
	const text = (i: number) => `\`${(lines[i] ?? '').trim()}\``;
	if (/within a (double|single) quoted scalar/.test(reason)) {
		const quote = reason.includes('double') ? '"' : "'";
		const open = lines.findIndex((l) => (l.replace(/\\./g, '').split(quote).length - 1) % 2 === 1);
		const line = open >= 0 ? open : at;
		return {
			line,
			message: `the YAML cannot be read: a quote (${quote}) opens in ${text(line)} and never closes; close it, or put text that contains ${quote} in the other kind of quotes`,
		};
	}
	for (let i = at; i >= Math.max(0, at - 1); i--) {
		const m = UNQUOTED_COLON.exec(lines[i] ?? '');
		if (m) {
			return {
				line: i,
				message: `the YAML cannot be read: the value of ${m[1]} contains ": ", so it must be in quotes: ${m[1]}: ${JSON.stringify(m[2]!.trim())}`,
			};
		}
	}
	if (reason.startsWith('duplicated mapping key')) {
		const key = /^\s*([^:]+):/.exec(lines[at] ?? '')?.[1]?.trim() ?? '';
		return {
			line: at,
			message: `the YAML cannot be read: the field ${key} is written twice; keep one`,
		};
	}
	return {
		line: at,
		message: `the YAML cannot be read: ${reason} at ${text(at)}; check the quotes, colons and indentation on this line and the ones above it`,
	};
}

/** Reads the frontmatter of a file's text, or says why it cannot be read. */
export function readFrontmatter(text: string): Frontmatter | { problem: FrontmatterProblem } {
	if (/^\s*\+\+\+/.test(text)) {
		return { problem: { line: 1, message: `TOML frontmatter (+++) is not supported; ${HOW}` } };
	}
	let parsed: ReturnType<typeof parseFrontmatter>;
	try {
		parsed = parseFrontmatter(text);
	} catch (error) {
		const e = error as YamlException;
		const raw = /^\s*---([\s\S]*?\n)---/.exec(text);
		if (!raw || !e.mark) {
			return { problem: { message: `the YAML cannot be read: ${e.reason ?? e.message}` } };
		}
		const dashLine = countLines(text.slice(0, raw.index + raw[0].indexOf('---'))) + 1;
		const explained = explainYamlError(raw[1]!.split('\n'), e.mark.line, e.reason ?? e.message);
		return { problem: { line: dashLine + explained.line, message: explained.message } };
	}
	const { rawFrontmatter: raw, frontmatter } = parsed;
	const block = `---${raw}---`;
	const start = raw ? text.indexOf(block) : -1;
	if (start < 0) {
		// `---` on the first line and never again: the whole file would be read as frontmatter.
		const open = /^(\s*)---[ \t]*\r?\n/.exec(text);
		if (open && !/\n---[ \t]*(?:\r?\n|$)/.test(text.slice(open[0].length - 1))) {
			return {
				problem: {
					line: countLines(open[1]!) + 1,
					message: `the frontmatter opens here with --- and is never closed; add a line of three dashes (---) after its last field, before the text`,
				},
			};
		}
		return { problem: { line: 1, message: `the file has no frontmatter; ${HOW}` } };
	}
	const dashLine = countLines(text.slice(0, start)) + 1;
	const lineCounter = new LineCounter();
	const doc: Document = parseDocument(raw, { lineCounter });
	if (doc.contents !== null && !isMap(doc.contents)) {
		return {
			problem: {
				line: dashLine + 1,
				message: `the frontmatter is not a list of fields; ${HOW}`,
			},
		};
	}
	const toFileLine = (offset: number) => dashLine + lineCounter.linePos(offset).line - 1;

	return {
		data: frontmatter as Record<string, unknown>,
		lineOf(path) {
			const node: unknown = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
			const range = (node as { range?: [number, number, number] } | undefined)?.range;
			return range ? toFileLine(range[0]) : undefined;
		},
		keyLineOf(path, key) {
			const map: unknown = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
			if (!isMap(map)) return undefined;
			const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
			const range = isScalar(pair?.key) ? pair.key.range : undefined;
			return range ? toFileLine(range[0]) : undefined;
		},
		plainText(field) {
			const node = doc.get(field, true);
			if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return undefined;
			return raw.slice(node.range[0], node.range[1]);
		},
		body: text.slice(start + block.length),
		bodyLineOffset: countLines(text.slice(0, start + block.length)),
	};
}
