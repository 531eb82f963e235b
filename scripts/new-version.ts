/**
 * `npm run new:version -- <slug>`: keeps the text of a published report as it is before you change
 * it, as `content/versions/<slug>/<n>.md` (or in `BRIEF_CONTENT_DIR`), so that the build publishes
 * it at `/reports/<slug>/v<n>/`, marked as superseded. Run it before each change of the text, then
 * change the report and add the correction or update that says what changed.
 *
 * When the report's file already differs from what git last committed, the committed text is the
 * one readers saw, so that is what it keeps (and it says so).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { contentDir, VERSIONS_FOLDER } from '../src/lib/model/collections.ts';
import { nextVersion, versionText } from './lib/version.ts';

const slug = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!slug) {
	console.error('Usage: npm run new:version -- <report slug>');
	process.exit(1);
}
const content = resolve(contentDir());
const file = ['md', 'mdx']
	.map((ext) => join(content, 'reports', `${slug}.${ext}`))
	.find((f) => existsSync(f));
if (!file) {
	console.error(`There is no report ${slug} in ${relative(process.cwd(), content)}/reports/.`);
	process.exit(1);
}
const working = readFileSync(file, 'utf8');
const committed = spawnSync('git', ['show', `HEAD:./${relative(process.cwd(), file)}`], {
	encoding: 'utf8',
});
const fromGit = committed.status === 0 && committed.stdout !== working;
const source = fromGit ? committed.stdout : working;

const dir = join(content, VERSIONS_FOLDER, slug);
mkdirSync(dir, { recursive: true });
const n = nextVersion(readdirSync(dir));
const out = join(dir, `${n}.md`);
writeFileSync(out, versionText(source), { flag: 'wx' });
console.log(
	`Kept version ${n} of ${slug} as ${relative(process.cwd(), out)}` +
		(fromGit ? ', from the last committed text (the file has changed since).' : '.'),
);
console.log(
	'Now change the report, and add a correction or update dated today that says what changed.',
);
