/**
 * `npm run build`: builds the site into a temporary folder, checks that no unpublished report
 * left a trace in it, and only then puts it in place of `dist/`. A build that fails at any step,
 * content checks, rendering, the search index or the leak check, leaves the last good `dist/`
 * exactly as it was.
 *
 *   node scripts/build.ts                       # the public site, into dist/
 *   node scripts/build.ts --preview             # an author's preview with drafts, into dist-preview/
 *   node scripts/build.ts --outDir path/to/out  # elsewhere (tests)
 *
 * Content comes from `BRIEF_CONTENT_DIR` (default `content/`); `BRIEF_BUILD_TIME` sets the
 * moment embargoes are checked against.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFolder } from '../src/lib/node/folder.ts';
import { contentDir } from '../src/lib/model/collections.ts';
import { scanOutput } from '../src/lib/node/output-scan.ts';
import { resolveBuildTime } from '../src/lib/model/publish.ts';
import { reportVisibility } from '../src/lib/checks/entries.ts';
import { reportPath } from '../src/lib/routes.ts';
import { replaceDirectory } from './lib/replace-dir.ts';

const { values } = parseArgs({
	options: { preview: { type: 'boolean', default: false }, outDir: { type: 'string' } },
});
const preview = values.preview;
const root = process.cwd();
const out = resolve(values.outDir ?? (preview ? 'dist-preview' : 'dist'));
const rel = relative(root, out);
const shown = rel && !rel.startsWith('..') ? rel : out;

function fail(message: string, tmp?: string): never {
	if (tmp) rmSync(tmp, { recursive: true, force: true });
	console.error(`\n${message}\n${shown}/ was left as it was.`);
	process.exit(1);
}

if (preview && out === resolve('dist')) {
	fail('A preview build contains drafts and embargoed reports: it never goes into dist/.');
}

// Next to the target, so that putting it in place is a rename on the same file system.
const tmp = join(dirname(out), `.tmp-${basename(out)}-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });

const env = { ...process.env };
if (preview) env.BRIEF_PREVIEW = '1';
else delete env.BRIEF_PREVIEW;
// Fixed once for the whole build: the content checks, the pages and the leak check below all
// judge embargoes against the same moment.
const now = resolveBuildTime(env.BRIEF_BUILD_TIME);
env.BRIEF_BUILD_TIME = now.toISOString();

const astro = join(
	dirname(createRequire(import.meta.url).resolve('astro/package.json')),
	'bin/astro.mjs',
);
const built = spawnSync(process.execPath, [astro, 'build', '--outDir', tmp], {
	stdio: 'inherit',
	env,
});
if (built.status !== 0 || !existsSync(join(tmp, 'index.html'))) {
	fail(`The build failed (exit code ${built.status ?? built.signal}).`, tmp);
}

if (!preview) {
	// The publish rule is applied by buildArchive; this checks its result, whatever route or
	// integration produced the files: no unpublished report's address appears anywhere.
	const hidden = reportVisibility(readFolder(resolve(contentDir()), root), now).filter(
		(r) => r.visibility.state !== 'public',
	);
	const findings = scanOutput(
		tmp,
		hidden.map((r) => reportPath(r.slug)),
	);
	if (findings.length > 0) {
		const lines = findings.map(
			(f) => `  - ${f.file}: its ${f.in} contains ${f.needle}, which is not public`,
		);
		fail(
			`The output mentions unpublished reports; nothing was published:\n${lines.join('\n')}`,
			tmp,
		);
	}
}

replaceDirectory(tmp, out);
console.log(`\n${preview ? 'Preview (drafts included, noindex)' : 'Site'} built into ${shown}/`);
