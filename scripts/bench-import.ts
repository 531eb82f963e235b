/**
 * What an import costs: generates a WordPress export of N posts (default 1,000; see
 * `scripts/lib/import/generate.ts`), then times `npm run import` on it into a scratch content
 * folder holding the archive's own terms, as an editor would run it: the first run (everything
 * written), and a rerun (nothing to write). Before that, the stages are timed in this process:
 * reading the XML, converting every post, the content checks. Prints figures; asserts nothing.
 *
 *   npm run bench:import [-- --n 1000]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContentFolder } from '../src/integrations/content-check.ts';
import { generateExport } from './lib/import/generate.ts';
import { mapTemplate, readMap } from './lib/import/mapping.ts';
import { planImport } from './lib/import/plan.ts';
import { parseWxr } from './lib/import/wxr.ts';
import { loadTables } from './lib/scaffold-io.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' } } });
const n = Number(values.n);
const root = process.cwd();
const scratch = mkdtempSync(join(tmpdir(), 'brief-bench-import-'));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
// The content checks keep a cache between runs; this one starts empty and is thrown away.
process.env.BRIEF_CACHE_DIR = join(scratch, 'cache');

try {
	const generated = generateExport(n);
	const exportFile = join(scratch, 'export.xml');
	writeFileSync(exportFile, generated.xml);
	const content = join(scratch, 'content');
	for (const kind of ['groups', 'regions', 'topics', 'authors']) {
		cpSync(join(root, 'content', kind), join(content, kind), { recursive: true });
	}
	console.log(
		`Import benchmark: ${n} posts (${generated.published} published), export ${(generated.xml.length / 1024 / 1024).toFixed(1)} MB`,
	);

	let t = performance.now();
	const wxr = parseWxr(generated.xml);
	const parse = performance.now() - t;
	const tables = loadTables(content);
	const map = readMap(mapTemplate('Generated Institute'), 'import-map.yaml', tables);
	t = performance.now();
	const plan = planImport({ wxr, tables, map });
	const convert = performance.now() - t;
	console.log(`  read and check the XML      ${seconds(parse)}`);
	console.log(
		`  convert ${plan.files.length} files            ${seconds(convert)} (${(convert / n).toFixed(1)} ms a post)`,
	);

	const command = (label: string) => {
		const started = performance.now();
		const result = spawnSync(
			process.execPath,
			['scripts/import.ts', 'wordpress', exportFile, '--content', content],
			{ cwd: root, encoding: 'utf8' },
		);
		const wall = performance.now() - started;
		const files = /^Files: (.*)$/m.exec(result.stdout)?.[1] ?? '?';
		console.log(`  ${label.padEnd(27)} ${seconds(wall)} (exit ${result.status}; ${files})`);
		return wall;
	};
	command('npm run import, first run');
	t = performance.now();
	const check = await checkContentFolder({ root, content });
	console.log(
		`  content checks again, alone ${seconds(performance.now() - t)} (${check.files} files, ${check.issues.length} issues; cache warm)`,
	);
	command('npm run import, rerun');
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
