/**
 * The generated field reference of docs/authoring.md: the tables `scripts/lib/field-reference.ts`
 * makes from the schemas, put between their markers and formatted as Prettier formats the guide.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { fieldDocs, fieldTable, replaceSection, SCHEMA_SOURCE } from './field-reference.ts';
import * as schemas from '../../src/lib/model/schema.ts';

/** The guide the reference lives in, relative to the project root. */
export const GUIDE = 'docs/authoring.md';

/** Each generated section: its id in the guide and the schema it documents. */
const SECTIONS = [
	['report-fields', 'reportSchema'],
	['source-fields', 'sourceSchema'],
	['attachment-fields', 'attachmentSchema'],
	['correction-fields', 'correctionSchema'],
	['update-fields', 'updateSchema'],
	['withdrawn-fields', 'withdrawnSchema'],
	['series-fields', 'seriesSchema'],
	['archived-fields', 'archivedCopySchema'],
	['version-fields', 'versionSchema'],
	['group-fields', 'groupSchema'],
	['region-fields', 'regionSchema'],
	['topic-fields', 'topicSchema'],
	['author-fields', 'authorSchema'],
	['link-fields', 'profileLinkSchema'],
] as const;

/** The guide as it should be: `guide` with every generated section rewritten and formatted. */
export async function withFieldReference(root: string, guide: string): Promise<string> {
	const source = readFileSync(join(root, SCHEMA_SOURCE), 'utf8');
	let text = guide;
	for (const [id, name] of SECTIONS) {
		text = replaceSection(text, id, fieldTable(schemas[name], fieldDocs(source, name), name));
	}
	const path = join(root, GUIDE);
	const options = await prettier.resolveConfig(path);
	return prettier.format(text, { ...options, filepath: path });
}
