/**
 * Runs a content schema and words its issues for authors: each names the field, the bad value,
 * and what is allowed or the nearest allowed value. Zod's defaults ("Invalid option: expected
 * one of …") say what was expected but not what was found, and never suggest a correction.
 */
import type { z } from 'astro/zod';
import { didYouMean } from '../model/nearest.ts';

/** An issue with one field of the frontmatter. */
export interface FieldIssue {
	/** `groups[0]`, `source.url`, `title`. */
	field: string;
	/** The line of the field in the file, where known. */
	line: number | undefined;
	message: string;
}

/** Where fields are in the file. */
export interface FieldLines {
	lineOf(path: readonly PropertyKey[]): number | undefined;
	keyLineOf(path: readonly PropertyKey[], key: string): number | undefined;
}

/** `attachments[0].url` from `['attachments', 0, 'url']`. */
export function fieldName(path: readonly PropertyKey[]): string {
	return path
		.map((part, i) =>
			typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
		)
		.join('');
}

const LONGEST_QUOTE = 60;

/** A value as an author wrote it: strings quoted (long ones cut), lists and mappings described. */
export function describeValue(value: unknown): string {
	if (typeof value === 'string') {
		const cut = value.length > LONGEST_QUOTE ? `${value.slice(0, LONGEST_QUOTE)}…` : value;
		return JSON.stringify(cut);
	}
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
	}
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'an empty value';
	if (typeof value === 'object') return 'a mapping of fields';
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
		return String(value);
	}
	return typeof value;
}

const EXPECTED: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'a mapping of fields (indented below the field name)',
	date: 'a date',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
	let value = input;
	for (const part of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[part];
	}
	return value;
}

interface SchemaDef {
	type: string;
	shape?: Record<string, unknown>;
	innerType?: { def: SchemaDef };
	element?: { def: SchemaDef };
	in?: { def: SchemaDef };
}

/** The field names of the object schema at `path`, looking through optional, default, list, transform. */
function fieldsAt(schema: { def: SchemaDef }, path: readonly PropertyKey[]): string[] {
	let def: SchemaDef | undefined = schema.def;
	const unwrap = () => {
		while (def && def.type !== 'object') {
			const next: { def: SchemaDef } | undefined = def.innerType ?? def.element ?? def.in;
			if (!next) return;
			def = next.def;
		}
	};
	unwrap();
	for (const part of path) {
		if (typeof part === 'number') continue;
		const child = def?.shape?.[String(part)] as { def: SchemaDef } | undefined;
		def = child?.def;
		unwrap();
	}
	return def?.shape ? Object.keys(def.shape) : [];
}

/** Zod's issue as it reaches the error map: with the value it rejected. */
interface RawIssue {
	code: string;
	input?: unknown;
	expected?: string;
	values?: readonly unknown[];
	origin?: string;
	maximum?: number | bigint;
	minimum?: number | bigint;
	inclusive?: boolean;
	format?: string;
}

/** Messages for Zod's built-in checks; custom messages written in the schema take precedence. */
function errorMap(issue: RawIssue): string | undefined {
	const { input } = issue;
	switch (issue.code) {
		case 'invalid_type':
			if (input === undefined) return 'is missing; this field is required';
			return `should be ${EXPECTED[issue.expected ?? ''] ?? issue.expected}, not ${describeValue(input)}`;
		case 'invalid_value': {
			const allowed = (issue.values ?? []).map(String);
			const hint = typeof input === 'string' ? ` (${didYouMean(input, allowed)})` : '';
			return `is not allowed here; use one of: ${allowed.join(', ')}${hint}`;
		}
		case 'too_big':
			if (issue.origin === 'string' && typeof input === 'string') {
				return `is ${input.length} characters long; at most ${issue.maximum} are allowed`;
			}
			if (issue.origin === 'array' && Array.isArray(input)) {
				return `has ${input.length} items; at most ${issue.maximum} are allowed`;
			}
			return `is too large; at most ${issue.maximum} is allowed`;
		case 'too_small':
			if (issue.origin === 'string') return 'is empty; write the text or leave the field out';
			if (issue.origin === 'array') return `needs at least ${issue.minimum} items`;
			return `is too small; it must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
		case 'invalid_format':
			if (issue.format === 'url') return 'is not a full web address; write it as https://…';
			return 'is not in the required form';
		default:
			return undefined;
	}
}

/**
 * Checks `input` against `schema`. Returns the parsed data when it passes, and otherwise one issue
 * per problem, with the line of the field, the value found and what is allowed.
 *
 * @param noun What the file is, for unknown fields: "a report", "a group".
 */
export function checkFields<S extends z.ZodType>(
	schema: S,
	input: unknown,
	lines: FieldLines,
	noun: string,
): { data: z.output<S> | undefined; issues: FieldIssue[] } {
	const result = schema.safeParse(input, { error: (iss) => errorMap(iss) });
	if (result.success) return { data: result.data, issues: [] };
	const issues: FieldIssue[] = [];
	for (const issue of result.error.issues) {
		const path = issue.path;
		if (issue.code === 'unrecognized_keys') {
			const allowed = fieldsAt(schema, path);
			for (const key of issue.keys) {
				const hint = didYouMean(key, allowed, { always: false });
				issues.push({
					field: fieldName([...path, key]),
					line: lines.keyLineOf(path, key),
					message: `is not a field of ${noun}${hint ? ` (${hint})` : ''}; its fields are ${allowed.join(', ')}`,
				});
			}
			continue;
		}
		const value = valueAt(input, path);
		const shown = value === undefined ? '' : describeValue(value);
		const quoted = shown && !issue.message.includes(shown) ? `${shown} ` : '';
		issues.push({
			field: fieldName(path),
			line: value === undefined ? undefined : lines.lineOf(path),
			message: `${quoted}${issue.message}`,
		});
	}
	return { data: undefined, issues };
}
