/**
 * `npm run import -- wordpress <export.xml>`: brings a WordPress site's posts into the archive,
 * with their text, dates, authors, categories and old addresses. See docs/importing.md.
 *
 *   npm run import -- wordpress export.xml             # writes into content/
 *   npm run import -- wordpress export.xml --dry-run   # says what it would write
 *   npm run import -- wordpress export.xml --download  # also fetches the posts' images and PDFs
 *
 * Options: --content <dir> (default BRIEF_CONTENT_DIR or content/), --map <file> (default
 * <content>/import-map.yaml), --public <dir> (where --download saves, default public/),
 * --force (overwrite files edited since the import wrote them), --dry-run, --download.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContentFolder } from '../src/integrations/content-check.ts';
import { formatIssue } from '../src/lib/model/content-error.ts';
import { contentDir } from '../src/lib/model/collections.ts';
import { labelOf } from '../src/lib/node/folder.ts';
import {
	applyFiles,
	readState,
	renderState,
	STATE_FILE,
	type Decision,
} from './lib/import/apply.ts';
import { downloadMedia, type Fetched, type FetchFailure } from './lib/import/download.ts';
import { addTodoLabels, mapTemplate, readMap } from './lib/import/mapping.ts';
import { planImport } from './lib/import/plan.ts';
import { progressBar, summarize } from './lib/import/summary.ts';
import { parseWxr, WxrError } from './lib/import/wxr.ts';
import { loadTables } from './lib/scaffold-io.ts';

const USAGE =
	'usage: npm run import -- wordpress <export.xml> [--dry-run] [--download] [--force] [--content <dir>] [--map <file>] [--public <dir>]';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

const { values, positionals } = (() => {
	try {
		return parseArgs({
			allowPositionals: true,
			options: {
				'dry-run': { type: 'boolean', default: false },
				download: { type: 'boolean', default: false },
				force: { type: 'boolean', default: false },
				content: { type: 'string' },
				map: { type: 'string' },
				public: { type: 'string' },
			},
		});
	} catch (error) {
		return fail(`${(error as Error).message}\n${USAGE}`);
	}
})();

const [source, exportFile] = positionals;
if (source !== 'wordpress' || !exportFile || positionals.length > 2) fail(USAGE);

const root = process.cwd();
const content = resolve(values.content ?? contentDir());
const publicDir = resolve(values.public ?? 'public');
const mapFile = resolve(values.map ?? join(content, 'import-map.yaml'));
const dryRun = values['dry-run'];
const force = values.force;
const contentLabel = labelOf(content, root);

// The export.
let xml: string;
try {
	xml = readFileSync(exportFile, 'utf8');
} catch (error) {
	fail(
		`${exportFile}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
	);
}
let wxr;
try {
	wxr = parseWxr(xml);
} catch (error) {
	if (error instanceof WxrError)
		fail(`${exportFile}${error.line ? `:${error.line}` : ''}: ${error.message}`);
	throw error;
}

// What the archive knows, and what the editor has said.
if (!existsSync(content))
	fail(`${contentLabel}: no such folder; give the content folder with --content`);
const tables = loadTables(content);
const mapExists = existsSync(mapFile);
const mapText = mapExists
	? readFileSync(mapFile, 'utf8')
	: mapTemplate(wxr.title || 'The original publisher');
const mapShown = labelOf(mapFile, root);
const map = readMap(mapText, mapShown, tables);
if (map.problems.length) {
	fail(
		`${mapShown} has ${map.problems.length === 1 ? 'a mistake' : `${map.problems.length} mistakes`}; nothing was imported:\n${map.problems.map((p) => `  - ${p}`).join('\n')}`,
	);
}
const state = readState(content);

// Files downloaded by an earlier run are used again, so a rerun without --download changes nothing.
const local = new Map<string, { path: string; size: number }>();
for (const [key, entry] of Object.entries(state.files)) {
	if (!key.startsWith('public:') || !entry.url) continue;
	const rel = key.slice('public:'.length);
	const file = join(publicDir, rel);
	if (existsSync(file)) local.set(entry.url, { path: `/${rel}`, size: readFileSync(file).length });
}

const tty = process.stderr.isTTY;
const progress = (what: string) =>
	tty
		? (done: number, total: number) => {
				if (total >= 50 && (done === total || done % 25 === 0)) {
					process.stderr.write(`\r${progressBar(done, total, what)}${done === total ? '\n' : ''}`);
				}
			}
		: undefined;

let plan = planImport({ wxr, tables, map, media: local, progress: progress('items') });
const decisions: Decision[] = [];
const removed: string[] = [];
let download: { fetched: Fetched[]; failed: FetchFailure[] } | undefined;

if (values.download) {
	const wanted = [...plan.media.keys()].filter((url) => !local.has(url));
	download = await downloadMedia(wanted, { progress: progress('files') });
	const result = applyFiles(
		publicDir,
		download.fetched.map((f) => ({ path: f.path.slice(1), bytes: f.bytes, url: f.url })),
		state,
		{ force, dryRun, statePrefix: 'public:' },
	);
	decisions.push(...result.decisions);
	for (const f of download.fetched) {
		const decision = result.decisions.find((d) => d.path === `public:${f.path.slice(1)}`);
		// A file kept because someone put their own there is still the file at that path.
		if (decision) local.set(f.url, { path: f.path, size: f.bytes.length });
	}
	plan = planImport({ wxr, tables, map, media: local });
}

// The mapping file: labels no rule places are added as TODO, for the editor to decide.
const newMap = addTodoLabels(map, plan.unknownLabels) ?? (mapExists ? undefined : mapText);
const mapWritten = newMap !== undefined && newMap !== (mapExists ? mapText : undefined);
if (mapWritten && !dryRun) writeFileSync(mapFile, newMap);

const applied = applyFiles(
	content,
	plan.files.map((f) => ({ path: f.path, bytes: f.text, post: f.post })),
	state,
	{ force, dryRun },
);
decisions.push(...applied.decisions);
removed.push(...applied.removed);
const stateText = renderState(state);
const statePath = join(content, STATE_FILE);
if (!dryRun && (!existsSync(statePath) || readFileSync(statePath, 'utf8') !== stateText)) {
	writeFileSync(statePath, stateText);
}

const lines = summarize(plan, {
	source: exportFile,
	site: `${wxr.title} (${wxr.baseUrl})`,
	version: wxr.version,
	mapFile: mapShown,
	mapWritten,
	decisions,
	removed,
	dryRun,
	download,
	local: new Map([...local].map(([url, m]) => [url, m.path])),
	contentLabel,
});
console.log(lines.join('\n'));
if (dryRun) {
	console.log('What would be written:');
	for (const d of decisions) {
		if (d.action !== 'unchanged')
			console.log(
				`  ${d.action.padEnd(12)} ${d.path.startsWith('public:') ? `public/${d.path.slice(7)}` : `${contentLabel}/${d.path}`}`,
			);
	}
	process.exit(0);
}

// The result, checked as the build will check it.
const check = await checkContentFolder({ root, content, public: publicDir });
if (check.issues.length) {
	console.log(
		`Content checks: ${check.issues.length} ${check.issues.length === 1 ? 'problem' : 'problems'} in ${contentLabel}; the site will not build until they are fixed:`,
	);
	for (const issue of check.issues) console.log(`  - ${formatIssue(issue)}`);
	process.exitCode = 1;
} else {
	console.log(`Content checks: ${check.files} files checked in ${contentLabel}, no problems.`);
}
if (plan.items.some((i) => i.refused)) process.exitCode = 1;
