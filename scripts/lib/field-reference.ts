/**
 * The field reference in docs/authoring.md, generated from the content model so that it can never
 * drift from it: each field's meaning is its JSDoc in `./schema.ts`, whether it is required comes
 * from the Zod schema itself, and the allowed values of a fixed list from its enum.
 * `npm run docs:fields` writes it; `tests/unit/scripts/field-reference.test.ts` fails when the checked-in
 * reference is stale.
 */
import ts from 'typescript';
import { z } from 'astro/zod';

/** Where the content model is, relative to the project root. */
export const SCHEMA_SOURCE = 'src/lib/model/schema.ts';

/** The JSDoc text of a node, without `@tags`, on one line. */
function jsDocOf(node: ts.Node): string | undefined {
	const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
	const doc = docs?.at(-1);
	if (!doc?.comment) return undefined;
	const text =
		typeof doc.comment === 'string' ? doc.comment : ts.getTextOfJSDocComment(doc.comment);
	return text?.replace(/\s+/g, ' ').trim() || undefined;
}

/**
 * The JSDoc of each field of the object schema declared as `export const <name> = z.…({…})` in
 * the schema source. A shorthand field (`aliases,`) takes the JSDoc of the constant it names.
 */
export function fieldDocs(source: string, schemaName: string): Map<string, string> {
	const file = ts.createSourceFile('schema.ts', source, ts.ScriptTarget.Latest, true);
	const constants = new Map<string, ts.VariableDeclaration>();
	const statements = new Map<ts.VariableDeclaration, ts.VariableStatement>();
	for (const statement of file.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		for (const decl of statement.declarationList.declarations) {
			if (ts.isIdentifier(decl.name)) {
				constants.set(decl.name.text, decl);
				statements.set(decl, statement);
			}
		}
	}
	const decl = constants.get(schemaName);
	if (!decl?.initializer || !ts.isCallExpression(decl.initializer)) {
		throw new Error(`${SCHEMA_SOURCE} declares no schema ${schemaName} = z.…({ … })`);
	}
	const shape = decl.initializer.arguments[0];
	if (!shape || !ts.isObjectLiteralExpression(shape)) {
		throw new Error(`${schemaName} in ${SCHEMA_SOURCE} is not built from an object literal`);
	}
	const docs = new Map<string, string>();
	for (const property of shape.properties) {
		if (!property.name || !ts.isIdentifier(property.name)) continue;
		let doc = jsDocOf(property);
		if (!doc && ts.isShorthandPropertyAssignment(property)) {
			const target = constants.get(property.name.text);
			const statement = target && statements.get(target);
			doc = statement && jsDocOf(statement);
		}
		if (doc) docs.set(property.name.text, doc);
	}
	return docs;
}

/** Whether a field may be left out: its schema accepts a missing value (optional or defaulted). */
function isOptional(field: z.ZodType): boolean {
	return field.safeParse(undefined).success;
}

/** The allowed values of a field that is a fixed list (or a list of one), else undefined. */
function allowedValues(field: z.ZodType): readonly string[] | undefined {
	let inner: unknown = field;
	for (let i = 0; i < 5 && inner; i++) {
		if (inner instanceof z.ZodEnum) return inner.options.map(String);
		const def = (inner as { def?: { innerType?: unknown; element?: unknown } }).def;
		inner = def?.innerType ?? def?.element;
	}
	return undefined;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * A Markdown table of an object schema's fields: name, required, and what it means (its JSDoc,
 * then the allowed values when they are a fixed list the JSDoc does not spell out). Throws on a
 * field without JSDoc, so that no field reaches authors unexplained.
 */
export function fieldTable(
	schema: z.ZodObject,
	docs: ReadonlyMap<string, string>,
	schemaName: string,
): string {
	const rows = Object.entries(schema.shape).map(([name, field]) => {
		const doc = docs.get(name);
		if (!doc) {
			throw new Error(
				`${schemaName}.${name} in ${SCHEMA_SOURCE} has no JSDoc: write what it means to an author`,
			);
		}
		const allowed = allowedValues(field as z.ZodType);
		const listed = allowed?.every((v) => doc.includes(v));
		const meaning =
			allowed && !listed ? `${doc} One of: ${allowed.map((v) => `\`${v}\``).join(', ')}.` : doc;
		return `| \`${name}\` | ${isOptional(field as z.ZodType) ? 'no' : 'yes'} | ${cell(meaning)} |`;
	});
	return ['| Field | Required | What it means |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The markers around a generated section, so that the rest of the guide stays hand-written. */
export function sectionMarkers(id: string): { start: string; end: string } {
	return {
		start: `<!-- generated:${id} (npm run docs:fields; do not edit by hand) -->`,
		end: `<!-- /generated:${id} -->`,
	};
}

/** Replaces the text between a section's markers; throws when the markers are missing. */
export function replaceSection(document: string, id: string, content: string): string {
	const { start, end } = sectionMarkers(id);
	const from = document.indexOf(start);
	const to = document.indexOf(end);
	if (from < 0 || to < from) {
		throw new Error(`the document has no section between "${start}" and "${end}"`);
	}
	return `${document.slice(0, from + start.length)}\n\n${content}\n\n${document.slice(to)}`;
}
