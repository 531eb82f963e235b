/**
 * One content folder per authoring mistake under tests/fixtures/content-errors/, each checked the
 * way `npm run check:content` and the build check it, with the exact messages an author sees.
 * The build itself is run on a few of them in tests/integration/build.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { checkContentFolder } from '../../../src/integrations/content-check.ts';
import { formatIssue } from '../../../src/lib/model/content-error.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const root = new URL('../../..', import.meta.url).pathname;

/** The formatted messages for one fixture folder, and the folder's path as messages show it. */
async function messages(name: string): Promise<{ lines: string[]; dir: string }> {
	const dir = `tests/fixtures/content-errors/${name}`;
	const result = await checkContentFolder({ root, content: dir, now: NOW });
	return { lines: result.issues.map((i) => formatIssue(i)), dir };
}

describe('content errors: each fixture folder stops the build with exactly these messages', () => {
	it('malformed YAML: names the line and says the value with ": " needs quotes', async () => {
		const { lines, dir } = await messages('malformed-yaml');
		expect(lines).toEqual([
			`${dir}/reports/colon-in-title.md:2: frontmatter: the YAML cannot be read: the value of title contains ": ", so it must be in quotes: title: "IS-K: The Rise of a Rival"`,
		]);
	});

	it('a missing required field: names the field', async () => {
		const { lines, dir } = await messages('missing-field');
		expect(lines).toEqual([
			`${dir}/reports/no-title.md: title: is missing; this field is required`,
		]);
	});

	it('values outside a closed set: names the value, lists what is allowed and the nearest', async () => {
		const { lines, dir } = await messages('closed-set');
		expect(lines).toEqual([
			`${dir}/reports/wrong-type.md:4: type: "report" is not allowed here; use one of: brief, analysis, special-report, backgrounder (did you mean "special-report"?)`,
			`${dir}/reports/wrong-type.md:5: status: "publish" is not allowed here; use one of: draft, published (did you mean "published"?)`,
		]);
	});

	it('an unknown group: names the list item and suggests the nearest known group', async () => {
		const { lines, dir } = await messages('unknown-term');
		expect(lines).toEqual([
			`${dir}/reports/typo.md:8: groups[0]: unknown group "Talibn"; did you mean taliban (Taliban)? Known groups are listed in content/groups/`,
		]);
	});

	it('impossible dates, quoted or not: YAML’s silent roll-over of 2022-02-30 is caught', async () => {
		const { lines, dir } = await messages('impossible-date');
		expect(lines).toEqual([
			`${dir}/reports/february-30.md:6: published: "2022-02-30" has day 30; February 2022 has days 01 to 28`,
			`${dir}/reports/month-13.md:6: published: "2022-13-45" has month 13; months run 01 to 12`,
		]);
	});

	it('an embargo without a time-zone offset, quoted or a bare date, is refused', async () => {
		const { lines, dir } = await messages('embargo-without-offset');
		expect(lines).toEqual([
			`${dir}/reports/date-only.md:7: embargo: "2026-12-01" is not a date-time with a time-zone offset; write e.g. "2026-12-01T09:00:00+01:00" or "2026-12-01T08:00:00Z"`,
			`${dir}/reports/no-offset.md:7: embargo: "2026-12-01T09:00:00" is not a date-time with a time-zone offset; write e.g. "2026-12-01T09:00:00+01:00" or "2026-12-01T08:00:00Z"`,
		]);
	});

	it('two files with the same slug: names both and the address they share', async () => {
		const { lines, dir } = await messages('duplicate-slug');
		expect(lines).toEqual([
			`${dir}/reports/kabul-brief.mdx: file: this file has the same address as ${dir}/reports/kabul-brief.md (slugs ignore case and extension: both are /reports/kabul-brief/); rename one of them`,
		]);
	});

	it('a file name outside a-z, 0-9 and hyphens: suggests a valid name', async () => {
		const { lines, dir } = await messages('bad-slug');
		expect(lines).toEqual([
			`${dir}/reports/IS-K Report (2022).md: file: the file name "IS-K Report (2022)" is not a valid slug: a slug may use only lower-case a-z, digits 0-9 and single hyphens between words; rename the file to is-k-report-2022.md`,
		]);
	});

	it('a report file name of digits alone: the address is a year page’s; asks for a letter', async () => {
		const { lines, dir } = await messages('digits-only-slug');
		expect(lines).toEqual([
			`${dir}/reports/2022.md: file: the file name "2022" is digits alone, and /reports/<digits>/ is kept for the year pages (/reports/2022/ lists the reports of 2022); a report's file name may use digits, but not digits alone; rename the file, e.g. to report-2022.md`,
		]);
	});

	it('a link to a report that does not exist: suggests the nearest slug', async () => {
		const { lines, dir } = await messages('broken-report-link');
		expect(lines).toEqual([
			`${dir}/reports/source.md:9: body: link "/reports/is-k-recruitment/" leads nowhere: no report has the slug "is-k-recruitment"; did you mean "is-k-recruitment-drive"?`,
		]);
	});

	it('a link to a heading that does not exist: suggests the heading id that does', async () => {
		const { lines, dir } = await messages('broken-heading-link');
		expect(lines).toEqual([
			`${dir}/reports/source.md:9: body: link "/reports/target/#background" leads nowhere: the report target has no heading with the id "background"; did you mean "#background--context"?`,
		]);
	});

	it('relative links to a missing .md file or a missing heading in an existing one', async () => {
		const { lines, dir } = await messages('broken-relative-link');
		expect(lines).toEqual([
			`${dir}/reports/source.md:9: body: link "./other-brief.md" leads nowhere: there is no reports/other-brief.md in the content folder`,
			`${dir}/reports/source.md:9: body: link "./target.md#outlook" leads nowhere: the report target has no heading with the id "outlook"; did you mean "#the-outlook"?`,
		]);
	});

	it('a public report linking to a draft: the link would break and reveal the draft’s slug', async () => {
		const { lines, dir } = await messages('link-to-unpublished');
		expect(lines).toEqual([
			`${dir}/reports/source.md:9: body: link "/reports/follow-up/" leads to a report that is not public (a draft); a public page cannot link to it until it is published`,
		]);
	});

	it('a file that is not UTF-8: names the line, the column and the byte', async () => {
		const { lines, dir } = await messages('not-utf8');
		expect(lines).toEqual([
			`${dir}/reports/latin1.md:3: file: the file is not valid UTF-8: byte 0xE9 in column 13 is not a UTF-8 character (the file was probably saved as Latin-1 or Windows-1252); save it as UTF-8`,
		]);
	});

	it('a file that starts with a byte-order mark', async () => {
		const { lines, dir } = await messages('bom');
		expect(lines).toEqual([
			`${dir}/reports/bom.md:1: file: the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM (in most editors: "UTF-8", not "UTF-8 with BOM")`,
		]);
	});

	it('an empty file', async () => {
		const { lines, dir } = await messages('empty-file');
		expect(lines).toEqual([
			`${dir}/reports/empty.md: file: the file is empty; give it frontmatter and a body, or delete it (files whose names start with _ are ignored)`,
		]);
	});

	it('javascript: and data: links', async () => {
		const { lines, dir } = await messages('unsafe-link');
		expect(lines).toEqual([
			`${dir}/reports/unsafe.md:9: body: link "javascript:alert(1)" uses javascript:, which is not allowed: it runs code in readers’ browsers`,
			`${dir}/reports/unsafe.md:11: body: link "data:text/html;base64,PGgxPkhpPC9oMT4=" uses data:, which is not allowed: it embeds a file no one can review; put the file in public/ and link to its path`,
		]);
	});

	it('raw <script>, <iframe>, <object> and an on*= handler, one message each', async () => {
		const { lines, dir } = await messages('forbidden-html');
		const use = 'To embed rich content, use an MDX component';
		expect(lines).toEqual([
			`${dir}/reports/embeds.md:11: body: <script> is not allowed in a report: it would run code in readers’ browsers. ${use}`,
			`${dir}/reports/embeds.md:13: body: <iframe> is not allowed in a report: it loads another site into the page. ${use}`,
			`${dir}/reports/embeds.md:15: body: <object> is not allowed in a report: it loads a plug-in or another document into the page. ${use}`,
			`${dir}/reports/embeds.md:17: body: the onclick= attribute on <a> is not allowed: event handlers run code in readers’ browsers`,
		]);
	});

	it('an image without alt text', async () => {
		const { lines, dir } = await messages('image-without-alt');
		expect(lines).toEqual([
			`${dir}/reports/photo.md:11: body: image "./kabul.png" has no alt text; describe what it shows for readers who cannot see it: ![A map of …](./kabul.png)`,
		]);
	});

	it('an image file carrying GPS coordinates: names the tags, never the position', async () => {
		const { lines, dir } = await messages('image-with-gps');
		expect(lines).toEqual([
			`${dir}/reports/street.jpg: file: the image carries GPS location metadata (GPSLatitude, GPSLatitudeRef, GPSLongitude, GPSLongitudeRef), which can identify a source or the people in it; remove it before publishing, e.g. exiftool -gps:all= -xmp:all= street.jpg`,
		]);
		expect(lines.join('\n')).not.toMatch(/34\.5|69\.1/);
	});

	it('a title over 200 characters and a summary over 400', async () => {
		const { lines, dir } = await messages('too-long');
		expect(lines).toEqual([
			`${dir}/reports/long.md:2: title: "The Taliban and IS-K, The Taliban and IS-K, The Taliban and …" is 231 characters long; at most 200 are allowed`,
			`${dir}/reports/long.md:3: summary: "A sentence that goes on. A sentence that goes on. A sentence…" is 424 characters long; at most 400 are allowed`,
		]);
	});

	it('Markdown files the build would silently skip: in a subfolder, or a misspelt folder', async () => {
		const { lines, dir } = await messages('unread-file');
		expect(lines).toEqual([
			`${dir}/report/typo-folder.md: file: this file is not read by the build: report/ is not a collection (did you mean "reports"? the collections are reports, groups, regions, topics, authors)`,
			`${dir}/reports/2022/nested.md: file: this file is not read by the build: reports are .md or .mdx files directly in ${dir}/reports/`,
		]);
	});
});

describe('content errors: what a contributor could slip past the build (issue 14)', () => {
	it('URL fields: one rule for every URL in frontmatter, naming the field and the value', async () => {
		const { lines, dir } = await messages('frontmatter-urls');
		const allowed =
			'write a web address starting with https:// or http://, or a path on this site starting with /';
		expect(lines).toEqual([
			`${dir}/reports/bad-urls.md:9: source.url: "javascript:alert(document.domain)" uses javascript:, which is not allowed here; ${allowed}`,
			`${dir}/reports/bad-urls.md:12: attachments[0].url: "//attacker.example/report.pdf" starts with // or /\\, which browsers read as another site's address; ${allowed}`,
			`${dir}/reports/bad-urls.md:15: attachments[1].url: "data:text/csv,a,b" uses data:, which is not allowed here; ${allowed}`,
		]);
	});

	it('symbolic links, to a file outside the content folder or to a system file, are refused unread', async () => {
		const { lines, dir } = await messages('symlinks');
		const rest =
			'which the build would follow wherever it points; put the file itself here instead of a link to it';
		expect(lines).toEqual([
			`${dir}/reports/outside.md: file: this is a symbolic link (to ../../../outside-content/secret.md), ${rest}`,
			`${dir}/reports/passwd.md: file: this is a symbolic link (to /etc/passwd), ${rest}`,
		]);
	});

	it('ten thousand nested list markers (20 KB): refused at the line, before anything parses them', async () => {
		const { lines, dir } = await messages('deep-nesting');
		expect(lines).toEqual([
			`${dir}/reports/nested-lists.md:9: body: lists and quotes are nested more than 100 levels deep on this line; no report needs that many: flatten the structure`,
		]);
	});

	it('a title with a line break, which would reach the heading, the feeds and the citations', async () => {
		const { lines, dir } = await messages('title-line-break');
		expect(lines).toEqual([
			`${dir}/reports/two-lines.md:2: title: "IS-K and the Taliban:\\na second line\\n" contains a line break or a control character; write it on one line`,
		]);
	});

	it('a related report that is a draft, which the page would leave out without a word', async () => {
		const { lines, dir } = await messages('related-draft');
		expect(lines).toEqual([
			`${dir}/reports/source.md:7: related[0]: "follow-up" is a draft, so this public report would not show it; remove it until that report is published`,
		]);
	});

	it('a published report with no text, or only a comment', async () => {
		const { lines, dir } = await messages('empty-body');
		const message =
			'body: the report has no text to show: write it below the frontmatter (comments are not published; a report whose full text is a PDF still needs a paragraph saying what the PDF holds)';
		expect(lines).toEqual([
			`${dir}/reports/no-text.md: ${message}`,
			`${dir}/reports/only-a-comment.md: ${message}`,
		]);
	});

	it('frontmatter that opens and never closes is not "no frontmatter"', async () => {
		const { lines, dir } = await messages('unclosed-frontmatter');
		expect(lines).toEqual([
			`${dir}/reports/never-closed.md:1: frontmatter: the frontmatter opens here with --- and is never closed; add a line of three dashes (---) after its last field, before the text`,
		]);
	});
});

describe('content checks on good content', () => {
	it('find nothing wrong with the real content folder', async () => {
		const result = await checkContentFolder({ root, content: 'content', now: NOW });
		expect(result.issues.map((i) => formatIssue(i))).toEqual([]);
		expect(result.files).toBeGreaterThan(20);
	});

	it('find nothing wrong with the canary fixture set, and see its draft and embargoed report', async () => {
		const result = await checkContentFolder({ root, content: 'tests/fixtures/canary', now: NOW });
		expect(result.issues.map((i) => formatIssue(i))).toEqual([]);
		expect(result.reports.map((r) => [r.slug, r.visibility.state]).sort()).toEqual([
			['draft-report', 'draft'],
			['embargoed-report', 'embargoed'],
			['older-public-report', 'public'],
			['public-report', 'public'],
		]);
	});
});
