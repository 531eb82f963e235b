/**
 * What the import tests share: the archive's own terms (content/), read into alias tables, and
 * the WordPress fixture with its mapping file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMap, type ImportMap, type Tables } from '../../../../scripts/lib/import/mapping.ts';
import { parseWxr, type WxrExport } from '../../../../scripts/lib/import/wxr.ts';
import { loadTables } from '../../../../scripts/lib/scaffold-io.ts';

export const ROOT = new URL('../../../..', import.meta.url).pathname;
export const FIXTURE = join(ROOT, 'tests/fixtures/wordpress/rise-to-peace.xml');
export const FIXTURE_MAP = join(ROOT, 'tests/fixtures/wordpress/import-map.yaml');

/** The alias tables of the archive's real groups, regions, topics and authors. */
export const tables = (): Tables => loadTables(join(ROOT, 'content'));

export const fixture = (): WxrExport => parseWxr(readFileSync(FIXTURE, 'utf8'));

export const fixtureMap = (t: Tables = tables()): ImportMap =>
	readMap(readFileSync(FIXTURE_MAP, 'utf8'), 'import-map.yaml', t);

/** A mapping file from text. */
export const mapOf = (text: string, t: Tables = tables()): ImportMap =>
	readMap(text, 'import-map.yaml', t);
