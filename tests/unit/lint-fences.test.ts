/**
 * The import fences of eslint.fences.js, shown to fail on deliberate bad imports and to let the
 * good ones through. Only the fences are linted here (not the whole config), on code given as
 * text under the path it would have.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { fences } from '../../eslint.fences.js';

const eslint = new ESLint({
	cwd: new URL('../..', import.meta.url).pathname,
	overrideConfigFile: true,
	overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...fences],
});

/** The fence messages a file at `path` containing `code` gets. */
async function fenceErrors(path: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(`${code}\n`, { filePath: path });
	return result!.messages.map((m) => m.message);
}

describe('the import fences (npm run lint)', () => {
	it.each([
		['src/scripts/x.ts', "import { readFileSync } from 'node:fs';", 'browser'],
		['src/scripts/x.ts', "import { fileCache } from '../lib/node/file-cache.ts';", 'src/lib/node/'],
		[
			'src/scripts/x.ts',
			"import { buildArchive } from '../lib/archive/build-archive.ts';",
			'browser',
		],
		[
			'src/components/Search.astro/0_0.ts',
			"import { toBibtex } from '../lib/citation/bibtex.ts';",
			'browser',
		],
		['src/lib/search/x.ts', "import { computeRelated } from '../archive/related.ts';", 'browser'],
		['src/lib/search/x.ts', "import { hashOf } from '../hash.ts';", 'browser'],
		['src/lib/routes.ts', "import { feedPath } from './outputs/feeds.ts';", 'browser'],
		['src/lib/citation/section.ts', "import { citationRecord } from './record.ts';", 'browser'],
		['src/lib/outputs/x.ts', "import { readFileSync } from 'node:fs';", 'touches the machine'],
		['src/lib/checks/x.ts', "import { spawn } from 'node:child_process';", 'touches the machine'],
		['src/lib/archive/x.ts', "import { readFolder } from '../node/folder.ts';", 'src/lib/node/'],
		['src/lib/archive/x.ts', "import { getCollection } from 'astro:content';", 'astro:'],
		['src/lib/outputs/x.ts', "import Card from '../../components/ReportCard.astro';", 'components'],
		['src/lib/outputs/x.ts', "import { getArchive } from '../../data/archive.ts';", 'src/data'],
		[
			'src/lib/node/x.ts',
			"import { contentCheck } from '../../integrations/content-check.ts';",
			'integrations',
		],
		[
			'src/lib/checks/x.ts',
			"import { scaffold } from '../../../scripts/lib/scaffold.ts';",
			'scripts/',
		],
	])('refuses in %s: %s', async (path, code, words) => {
		const errors = await fenceErrors(path, code);
		expect(errors.length).toBeGreaterThan(0);
		expect(errors.join('\n')).toContain(words);
	});

	it.each([
		['src/scripts/x.ts', "import { parseExcerpt } from '../lib/search/excerpt.ts';"],
		['src/scripts/x.ts', "import { sectionUrl } from '../lib/citation/section.ts';"],
		['src/scripts/x.ts', "import type { Report } from '../lib/archive/build-archive.ts';"],
		['src/lib/search/x.ts', "import { formatPartialDate } from '../model/dates.ts';"],
		['src/lib/search/x.ts', "import type { Archive } from '../archive/build-archive.ts';"],
		['src/lib/search/x.ts', "import { searchHref } from './state.ts';"],
		['src/lib/routes.ts', "import type { ReportType } from './model/report-types.ts';"],
		['src/lib/outputs/x.ts', "import { posix } from 'node:path';"],
		['src/lib/outputs/x.ts', "import { hashOf } from '../hash.ts';"],
		['src/lib/node/x.ts', "import { readFileSync } from 'node:fs';"],
		['src/integrations/x.ts', "import { readFolder } from '../lib/node/folder.ts';"],
	])('allows in %s: %s', async (path, code) => {
		expect(await fenceErrors(path, code)).toEqual([]);
	});
});
