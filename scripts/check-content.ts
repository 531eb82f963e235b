/**
 * `npm run check:content`: every check the build runs on the content folder, without rendering a
 * page. Exits 1 and lists every mistake (file:line: field: message) when there are any. Fast
 * enough for an editor's pre-commit hook.
 *
 *   npm run check:content                        # content/
 *   BRIEF_CONTENT_DIR=path/to/folder npm run check:content
 */
import { checkContentFolder } from '../src/integrations/content-check.ts';
import { formatIssue } from '../src/lib/model/content-error.ts';

const started = performance.now();
const result = await checkContentFolder();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const n = result.issues.length;
if (n > 0) {
	console.error(`${n} content ${n === 1 ? 'error' : 'errors'} in ${result.files} files:`);
	for (const issue of result.issues) console.error(`  - ${formatIssue(issue)}`);
	process.exitCode = 1;
} else {
	console.log(`${result.files} content files checked in ${seconds} s: no problems`);
}
