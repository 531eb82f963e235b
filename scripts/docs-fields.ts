/**
 * `npm run docs:fields`: rewrites the field reference in docs/authoring.md from the schemas in
 * src/lib/model/schema.ts (each field's JSDoc). Run it after changing a field; a unit test fails while
 * the checked-in reference is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDE, withFieldReference } from './lib/field-docs.ts';

const root = process.cwd();
const path = join(root, GUIDE);
const before = readFileSync(path, 'utf8');
const after = await withFieldReference(root, before);
if (after === before) console.log(`${GUIDE}: the field reference is up to date`);
else {
	writeFileSync(path, after);
	console.log(`${GUIDE}: the field reference was rewritten from src/lib/model/schema.ts`);
}
