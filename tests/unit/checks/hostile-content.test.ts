/**
 * The hostile fixture (tests/fixtures/hostile): one file per attack a contributor could try, the
 * attacks of issue 14 and more of our own, each with the exact messages the content checks give
 * (as `npm run check:content` and the build print them, without the folder's name). Two files
 * hold what a report may contain (every component, the HTML the sanitizer keeps) and must pass.
 * The same folder is built with the checks turned off, to test the sanitizer on its own
 * (tests/integration/hostile-output.test.ts, tests/e2e/hostile-content.spec.ts).
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContentFolder } from '../../../src/integrations/content-check.ts';
import { formatIssue } from '../../../src/lib/model/content-error.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const root = new URL('../../..', import.meta.url).pathname;
const DIR = 'tests/fixtures/hostile';

/** Each file's messages, after `tests/fixtures/hostile/<file>`. */
const EXPECTED: Record<string, string[]> = {
	'groups/hostile-group.md': [
		':5: body: the onerror= attribute on <img> is not allowed: event handlers run code in readers’ browsers',
		':5: body: <img src="x"> has no alt text; add alt="…" describing what it shows',
		':5: body: image "x" not found: there is no tests/fixtures/hostile/groups/x',
		':7: body: <script> is not allowed in a group’s profile: it would run code in readers’ browsers',
	],
	'reports/base-href.md': [
		':9: body: <base> is not allowed in a report: it changes where every link on the page points. To embed rich content, use an MDX component',
		':11: body: relative link "other-page/" will not work on the site; link to a page by its path (/reports/<slug>/) or to another report\'s file (./<slug>.md)',
	],
	'reports/comment-ends-early.md': [
		':9: body: the onerror= attribute on <img> is not allowed: event handlers run code in readers’ browsers',
		':9: body: <img src="x"> has no alt text; add alt="…" describing what it shows',
		':9: body: image "x" not found: there is no tests/fixtures/hostile/reports/x',
		':11: body: the onerror= attribute on <img> is not allowed: event handlers run code in readers’ browsers',
		':11: body: <img src="x"> has no alt text; add alt="…" describing what it shows',
		':11: body: image "x" not found: there is no tests/fixtures/hostile/reports/x',
	],
	'reports/data-urls.md': [
		':9: body: image "data:image/svg+xml,%3Csvg%20onload=alert(1)%3E" uses data:, which is not allowed: it embeds a file no one can review; put the file in public/ and link to its path',
		':11: body: <a href="data:text/html,<script>alert(1)</script>"> uses data:, which is not allowed: it embeds a file no one can review; put the file in public/ and link to its path',
	],
	'reports/details-ontoggle.md': [
		':9: body: the ontoggle= attribute on <details> is not allowed: event handlers run code in readers’ browsers',
	],
	'reports/entity-schemes.md': [
		':9: body: <a href="javascript:alert(1)"> uses javascript:, which is not allowed: it runs code in readers’ browsers',
		':9: body: <a href="jav\\tascript:alert(2)"> uses javascript:, which is not allowed: it runs code in readers’ browsers',
		':9: body: <a href="javascript:alert(3)"> uses javascript:, which is not allowed: it runs code in readers’ browsers',
		':9: body: <a href=" javascript:alert(4)"> uses javascript:, which is not allowed: it runs code in readers’ browsers',
		':11: body: link "javascript:alert(5)" uses javascript:, which is not allowed: it runs code in readers’ browsers',
	],
	'reports/form-action.md': [
		':9: body: <form> is not allowed in a report: it would send readers’ input somewhere. To embed rich content, use an MDX component',
		':9: body: <input> is not allowed in a report: it belongs to forms, which would send readers’ input somewhere. To embed rich content, use an MDX component',
		':9: body: <button> is not allowed in a report: it belongs to forms, which would send readers’ input somewhere. To embed rich content, use an MDX component',
	],
	'reports/frames-and-plugins.md': [
		':9: body: <iframe> is not allowed in a report: it loads another site into the page. To embed rich content, use an MDX component',
		':11: body: <object> is not allowed in a report: it loads a plug-in or another document into the page. To embed rich content, use an MDX component',
		':13: body: <embed> is not allowed in a report: it loads a plug-in or another document into the page. To embed rich content, use an MDX component',
	],
	'reports/inline-style.md': [
		':9: body: the style= attribute on <p> is not allowed: the site’s Content Security Policy blocks inline styles, and a style can make text look like the site’s own or load other sites; the site’s own styles apply to what Markdown writes',
	],
	'reports/invented-attributes.md': [
		':9: body: the id= attribute on <div> is not allowed in a report: the build gives every heading its id (the permanent section links), and an id of your own could take a heading’s or the page’s; link to a heading instead',
		':9: body: the class= attribute on <div> is not allowed in a report: the site’s styles belong to its own markup; write the text in Markdown or use an MDX component',
		':11: body: the data-pagefind-filter= attribute on <span> is not allowed in a report, so it would be removed from the page; <span> may carry dir, lang, title',
	],
	'reports/link-definition.md': [
		':9: body: link "javascript:alert(2)" uses javascript:, which is not allowed: it runs code in readers’ browsers',
		':11: body: link "javascript:alert(1)" uses javascript:, which is not allowed: it runs code in readers’ browsers',
	],
	'reports/math-mxss.md': [
		':9: body: <math> is not allowed in a report: MathML is read differently by browsers and by checks, which can hide code. To embed rich content, use an MDX component',
	],
	'reports/mdx-component-attributes.mdx': [
		':9: body: <Quote url="javascript:alert(1)"> uses javascript:, which is not allowed: it runs code in readers’ browsers',
		':11: body: <Figure src="//attacker.example/pixel.png"> loads a file from another site, which would see every reader’s visit; save the file in public/ and use its path',
		':13: body: <Callout> has no attribute onClick; its attributes are type, title, date',
		':13: body: <Callout title={globalThis.name}> is not allowed: a report cannot run code, on the build machine or in readers’ browsers; write the value out, as title="…"',
	],
	'reports/mdx-dynamic-tag.mdx': [
		":9: body: export is not allowed in MDX (export const S = 'script';): a report cannot run code, on the build machine or in readers’ browsers; write the value where it is used, or ask a maintainer for a component",
		':11: body: <S> is not one of the archive’s components (Callout, Figure, Judgment, KeyJudgments, Quote); a report cannot define or import components of its own: ask a maintainer for a new one',
	],
	'reports/mdx-environment.mdx': [
		':9: body: the expression {process.env.HOME} is not allowed in MDX: a report cannot run code, on the build machine or in readers’ browsers; write the text itself (a brace is written \\{), or ask a maintainer for a component',
	],
	'reports/mdx-fragment-set-html.mdx': [
		':9: body: <Fragment> is not one of the archive’s components (Callout, Figure, Judgment, KeyJudgments, Quote); a report cannot define or import components of its own: ask a maintainer for a new one',
	],
	'reports/mdx-jsx-in-attribute.mdx': [
		':9: body: <Callout title={<img src="x" onerror="alert(1)" />}> is not allowed: a report cannot run code, on the build machine or in readers’ browsers; write the value out, as title="…"',
		':11: body: <Quote url={<script>alert(2)</script>}> is not allowed: a report cannot run code, on the build machine or in readers’ browsers; write the value out, as url="…"',
	],
	'reports/mdx-namespace-tags.mdx': [
		':9: body: <svg:script> is not one of the archive’s components (Callout, Figure, Judgment, KeyJudgments, Quote); a report cannot define or import components of its own: ask a maintainer for a new one',
		':11: body: <x.y> is not one of the archive’s components (Callout, Figure, Judgment, KeyJudgments, Quote); a report cannot define or import components of its own: ask a maintainer for a new one',
	],
	'reports/mdx-reads-files.mdx': [
		":11: body: import is not allowed in MDX (import fs from 'node:fs';): a report cannot run code, on the build machine or in readers’ browsers. The archive’s components (Callout, Figure, Judgment, KeyJudgments, Quote) need no import; for anything else, ask a maintainer for a component",
		":12: body: export is not allowed in MDX (export const pw = fs.readFileSync('/etc/passwd', '…): a report cannot run code, on the build machine or in readers’ browsers; write the value where it is used, or ask a maintainer for a component",
		':14: body: the expression {pw} is not allowed in MDX: a report cannot run code, on the build machine or in readers’ browsers; write the text itself (a brace is written \\{), or ask a maintainer for a component',
	],
	'reports/mdx-runs-commands.mdx': [
		":9: body: export is not allowed in MDX (export const id = (await import('node:child_proces…): a report cannot run code, on the build machine or in readers’ browsers; write the value where it is used, or ask a maintainer for a component",
		':11: body: the expression {id} is not allowed in MDX: a report cannot run code, on the build machine or in readers’ browsers; write the text itself (a brace is written \\{), or ask a maintainer for a component',
		":11: body: the expression {(await import('node:child_process')).exe…} is not allowed in MDX: a report cannot run code, on the build machine or in readers’ browsers; write the text itself (a brace is written \\{), or ask a maintainer for a component",
	],
	'reports/mdx-script-expression.mdx': [
		':9: body: the expression {<script>alert(1)</script>} is not allowed in MDX: a report cannot run code, on the build machine or in readers’ browsers; write the text itself (a brace is written \\{), or ask a maintainer for a component',
	],
	'reports/mdx-set-html.mdx': [
		':9: body: set:html on <div> is not allowed: it puts content on the page that no check has read; write the content in Markdown',
	],
	'reports/mdx-spread-href.mdx': [
		':9: body: the spread attribute {...{href: \'javascript:alert(1)\'}} on <a> is not allowed: write each attribute out, as name="value"',
	],
	'reports/mdx-spread-onerror.mdx': [
		':9: body: the spread attribute {...{onerror: \'alert(1)\'}} on <img> is not allowed: write each attribute out, as name="value"',
	],
	'reports/meta-refresh.md': [
		':9: body: <meta> is not allowed in a report: it can redirect the page or change how it is read. To embed rich content, use an MDX component',
	],
	'reports/noembed-split.md': [
		':9: body: <noembed> is not allowed in a report: its content is read as text by browsers and as markup by other parsers, which can hide code. To embed rich content, use an MDX component',
		':9: body: the onerror= attribute on <img> is not allowed: event handlers run code in readers’ browsers',
		':9: body: <img src="x"> has no alt text; add alt="…" describing what it shows',
		':9: body: image "x" not found: there is no tests/fixtures/hostile/reports/x',
	],
	'reports/noscript-split.md': [
		':9: body: <noscript> is not allowed in a report: its content is read differently with and without scripts, which can hide code. To embed rich content, use an MDX component',
	],
	'reports/remote-images.md': [
		':9: body: image "//attacker.example/p.gif" is loaded from another site, which would see every reader’s visit; save the image next to the report (or in public/) and use its path',
		':11: body: <img src="/\\\\attacker.example/p.gif"> loads a file from another site, which would see every reader’s visit; save the file in public/ and use its path',
		':13: body: <img srcset="https://attacker.example/p.gif"> loads a file from another site, which would see every reader’s visit; save the file in public/ and use its path',
	],
	'reports/style-element.md': [
		':9: body: <style> is not allowed in a report: it restyles the whole site and can load resources from other sites. To embed rich content, use an MDX component',
	],
	'reports/svg-script.md': [
		':9: body: <svg> is not allowed in a report: SVG can carry scripts and load other sites; save the image as a file and use ![description](/images/file.svg). To embed rich content, use an MDX component',
		':11: body: <svg> is not allowed in a report: SVG can carry scripts and load other sites; save the image as a file and use ![description](/images/file.svg). To embed rich content, use an MDX component',
		':13: body: <svg> is not allowed in a report: SVG can carry scripts and load other sites; save the image as a file and use ![description](/images/file.svg). To embed rich content, use an MDX component',
	],
	'reports/template-content.md': [
		':9: body: <template> is not allowed in a report: its content is hidden from readers and can hide code. To embed rich content, use an MDX component',
	],
	'reports/textarea-split.md': [
		':9: body: <textarea> is not allowed in a report: its content is read as text by browsers and as markup by other parsers, which can hide code. To embed rich content, use an MDX component',
		':9: body: the onerror= attribute on <img> is not allowed: event handlers run code in readers’ browsers',
		':9: body: <img src="x"> has no alt text; add alt="…" describing what it shows',
		':9: body: image "x" not found: there is no tests/fixtures/hostile/reports/x',
	],
};

/** The files that show what a report may contain: no message at all. */
const ALLOWED = ['reports/allowed-components.mdx', 'reports/allowed-markup.md'];

let byFile: Map<string, string[]>;
beforeAll(async () => {
	const result = await checkContentFolder({ root, content: DIR, now: NOW });
	byFile = new Map();
	for (const issue of result.issues) {
		const line = formatIssue(issue);
		const file = issue.file.slice(DIR.length + 1);
		byFile.set(file, [...(byFile.get(file) ?? []), line.slice(DIR.length + 1 + file.length)]);
	}
});

describe('hostile content: every attack stops the build with exactly these messages', () => {
	for (const [file, messages] of Object.entries(EXPECTED)) {
		it(`${file}`, () => {
			expect(byFile.get(file)).toEqual(messages);
		});
	}

	it('covers every hostile file in the folder, and nothing else gets a message', () => {
		const files = ['reports', 'groups'].flatMap((folder) =>
			readdirSync(`${root}${DIR}/${folder}`).map((name) => `${folder}/${name}`),
		);
		expect(files.filter((f) => !ALLOWED.includes(f)).sort()).toEqual(Object.keys(EXPECTED).sort());
		expect([...byFile.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	it('lets through what a report may contain: the components and the HTML the sanitizer keeps', () => {
		for (const file of ALLOWED) expect(byFile.get(file), file).toBeUndefined();
	});
});
