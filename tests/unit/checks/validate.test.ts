import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/model/content-error.ts';
import type { Folder } from '../../../src/lib/checks/entries.ts';
import { validateContent } from '../../../src/lib/checks/validate.ts';
import { exifSegment, jpeg, KABUL } from '../../support/images.ts';

const NOW = new Date('2026-06-01T00:00:00Z');

function folder(label: string, files: Record<string, string | Uint8Array>): Folder {
	const bytes = (v: string | Uint8Array) =>
		typeof v === 'string' ? new TextEncoder().encode(v) : v;
	return {
		label,
		paths: Object.keys(files).sort(),
		read: (path) => bytes(files[path] ?? ''),
	};
}

const report = (fields = '', body = 'Body.\n') =>
	`---\ntitle: A report\nsummary: One sentence.\ntype: brief\nstatus: published\npublished: "2022-05-07"\n${fields}---\n\n${body}`;

/** Headings are all a test needs from rendering: `## Text` gives the id `text`. */
const anchors = (body: string) =>
	Promise.resolve(
		new Set([...body.matchAll(/^##+ (.*)$/gm)].map((m) => m[1]!.toLowerCase().replace(/ /g, '-'))),
	);

async function validate(files: Record<string, string | Uint8Array>, publicFiles = {}) {
	const result = await validateContent({
		content: folder('content', files),
		public: folder('public', publicFiles),
		now: NOW,
		siteUrl: 'https://archive.example.org',
		anchors,
	});
	return { ...result, lines: result.issues.map((i) => formatIssue(i)) };
}

describe('validateContent: symbolic links', () => {
	it('refuses a symbolic link in the content folder or in public/, naming where it points', async () => {
		const linked = (label: string, links: { path: string; target: string }[]): Folder => ({
			...folder(label, label === 'content' ? { 'reports/a.md': report() } : {}),
			symlinks: links,
		});
		const result = await validateContent({
			content: linked('content', [{ path: 'reports/b.md', target: '/etc/passwd' }]),
			public: linked('public', [{ path: 'images', target: '../../secrets' }]),
			now: NOW,
			siteUrl: 'https://archive.example.org',
			anchors,
		});
		const rest =
			'which the build would follow wherever it points; put the file itself here instead of a link to it';
		expect(result.issues.map((i) => formatIssue(i))).toEqual([
			`content/reports/b.md: file: this is a symbolic link (to /etc/passwd), ${rest}`,
			`public/images: file: this is a symbolic link (to ../../secrets), ${rest}`,
		]);
	});
});

describe('validateContent', () => {
	it('passes good content and says how many files it checked', async () => {
		const { lines, files } = await validate({
			'groups/taliban.md': '---\nname: Taliban\n---\n',
			'reports/a.md': report('groups: [taliban]\n', 'See [b](./b.md#outlook).\n'),
			'reports/b.md': report('', '## Outlook\n'),
		});
		expect(lines).toEqual([]);
		expect(files).toBe(3);
	});

	it('reports every error of every file at once, sorted by file and line', async () => {
		const { lines } = await validate({
			'reports/b.md': report('groups: [nobody]\n', '[x](/reports/none/)\n'),
			'reports/a.md': report('type: nonsense\n').replace('type: brief\n', ''),
			'reports/c.md': '',
			'groups/taliban.md': '---\nname: Taliban\nkind: group\n---\n',
		});
		expect(lines).toEqual([
			'content/groups/taliban.md:3: kind: is not a field of a group; its fields are name, shortName, aliases',
			'content/reports/a.md:6: type: "nonsense" is not allowed here; use one of: brief, analysis, special-report, backgrounder (did you mean "backgrounder"?)',
			'content/reports/b.md:7: groups[0]: unknown group "nobody"; content/groups/ has no entries yet; add content/groups/<slug>.md first',
			'content/reports/b.md:10: body: link "/reports/none/" leads nowhere: no report has the slug "none"',
			'content/reports/c.md: file: the file is empty; give it frontmatter and a body, or delete it (files whose names start with _ are ignored)',
		]);
	});

	it('still checks the body of a report whose fields are wrong', async () => {
		const { lines } = await validate({
			'reports/a.md': report('', '<script>x()</script>\n').replace('title: A report\n', ''),
		});
		expect(lines).toEqual([
			'content/reports/a.md: title: is missing; this field is required',
			'content/reports/a.md:8: body: <script> is not allowed in a report: it would run code in readers’ browsers. To embed rich content, use an MDX component',
		]);
	});

	it('lists each report read with its visibility at build time', async () => {
		const { reports } = await validate({
			'reports/a.md': report(),
			'reports/b.md': report().replace('published\n', 'draft\n'),
			'reports/c.md': report('embargo: "2030-01-01T00:00:00Z"\n'),
		});
		expect(reports.map((r) => [r.slug, r.visibility.state])).toEqual([
			['a', 'public'],
			['b', 'draft'],
			['c', 'embargoed'],
		]);
	});

	it('refuses images with location metadata in public/ and next to reports', async () => {
		const located = jpeg([exifSegment(KABUL)]);
		const { lines } = await validate(
			{ 'reports/a.md': report('', '![A street](./street.jpg)\n'), 'reports/street.jpg': located },
			{ 'images/photo.jpg': located, 'images/clean.jpg': jpeg([exifSegment()]) },
		);
		expect(lines.map((l) => l.replace(/ \(GPS.*$/, ''))).toEqual([
			'content/reports/street.jpg: file: the image carries GPS location metadata',
			'public/images/photo.jpg: file: the image carries GPS location metadata',
		]);
	});

	it('refuses images that do not exist, next to the report or in public/', async () => {
		const { lines } = await validate(
			{ 'reports/a.md': report('', '![A map](./map.png)\n\n![A chart](/images/chart.png)\n') },
			{ 'images/other.png': new Uint8Array() },
		);
		expect(lines.filter((l) => l.includes('not found'))).toEqual([
			'content/reports/a.md:9: body: image "./map.png" not found: there is no content/reports/map.png',
			'content/reports/a.md:11: body: image "/images/chart.png" not found: there is no public/images/chart.png',
		]);
	});

	it('reports two terms claiming one alias as an issue instead of throwing', async () => {
		const { lines } = await validate({
			'groups/a.md': '---\nname: A\naliases: [Same]\n---\n',
			'groups/b.md': '---\nname: B\naliases: [Same]\n---\n',
		});
		expect(lines).toEqual([
			'content/groups: aliases: "Same" names both a and b; an alias must belong to one term',
		]);
	});

	it('checks links in taxonomy profiles, which are public pages', async () => {
		const { lines } = await validate({
			'groups/taliban.md': '---\nname: Taliban\n---\n\nSee [the draft](/reports/b/).\n',
			'reports/b.md': report().replace('published\n', 'draft\n'),
		});
		expect(lines).toEqual([
			'content/groups/taliban.md:5: body: link "/reports/b/" leads to a report that is not public (a draft); a public page cannot link to it until it is published',
		]);
	});
});
