import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
	fieldDocs,
	fieldTable,
	replaceSection,
	sectionMarkers,
} from '../../../scripts/lib/field-reference.ts';
import { GUIDE, withFieldReference } from '../../../scripts/lib/field-docs.ts';

const root = new URL('../../..', import.meta.url).pathname;

const SOURCE = `
/** Shared by many. */
const aliases = z.array(z.string()).default([]);
export const thingSchema = z.strictObject({
	/** The name | shown. */
	name: z.string(),
	/**
	 * Which kind,
	 * over two lines.
	 */
	kind: z.enum(['a', 'b']).optional(),
	aliases,
});
`;
const thingSchema = z.strictObject({
	name: z.string(),
	kind: z.enum(['a', 'b']).optional(),
	aliases: z.array(z.string()).default([]),
});

describe('fieldDocs', () => {
	it('reads each field’s JSDoc, on one line, and a shorthand field’s from its constant', () => {
		expect(Object.fromEntries(fieldDocs(SOURCE, 'thingSchema'))).toEqual({
			name: 'The name | shown.',
			kind: 'Which kind, over two lines.',
			aliases: 'Shared by many.',
		});
	});

	it('fails on a schema that is not in the source', () => {
		expect(() => fieldDocs(SOURCE, 'otherSchema')).toThrow(/declares no schema otherSchema/);
	});
});

describe('fieldTable', () => {
	it('says which fields are required, escapes pipes and lists enum values the JSDoc omits', () => {
		expect(fieldTable(thingSchema, fieldDocs(SOURCE, 'thingSchema'), 'thingSchema')).toBe(
			[
				'| Field | Required | What it means |',
				'| --- | --- | --- |',
				'| `name` | yes | The name \\| shown. |',
				'| `kind` | no | Which kind, over two lines. One of: `a`, `b`. |',
				'| `aliases` | no | Shared by many. |',
			].join('\n'),
		);
	});

	it('refuses a field without JSDoc', () => {
		const docs = new Map([['name', 'x']]);
		expect(() => fieldTable(thingSchema, docs, 'thingSchema')).toThrow(
			'thingSchema.kind in src/lib/model/schema.ts has no JSDoc',
		);
	});
});

describe('replaceSection', () => {
	const { start, end } = sectionMarkers('x');
	it('replaces only what is between the markers', () => {
		expect(replaceSection(`a\n${start}\nold\n${end}\nb`, 'x', 'new')).toBe(
			`a\n${start}\n\nnew\n\n${end}\nb`,
		);
	});

	it('fails when the markers are missing', () => {
		expect(() => replaceSection('no markers', 'x', 'new')).toThrow(/no section/);
	});
});

describe(`the field reference in ${GUIDE}`, () => {
	it('is what npm run docs:fields makes from src/lib/model/schema.ts (run it if this fails)', async () => {
		const guide = readFileSync(join(root, GUIDE), 'utf8');
		expect(guide).toBe(await withFieldReference(root, guide));
	});

	it('would be caught stale: a changed field description changes the generated guide', async () => {
		const guide = readFileSync(join(root, GUIDE), 'utf8');
		const stale = guide.replace('The headline. Plain text', 'The headline. Any text');
		expect(stale).not.toBe(guide);
		expect(await withFieldReference(root, stale)).toBe(guide);
	});
});
