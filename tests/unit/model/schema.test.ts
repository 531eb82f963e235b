import { describe, expect, it } from 'vitest';
import {
	attachmentSchema,
	authorSchema,
	groupSchema,
	instantSchema,
	partialDateSchema,
	regionSchema,
	reportSchema,
	sourceSchema,
	versionSchema,
} from '../../../src/lib/model/schema.ts';

const MINIMAL = {
	title: 'T',
	summary: 'S',
	type: 'brief',
	status: 'published',
	published: '2022',
} as const;

/** Path and message of each issue, or [] when the value passes. */
function issues(
	schema: {
		safeParse(v: unknown): {
			error?: { issues: { path: PropertyKey[]; message: string }[] } | undefined;
		};
	},
	value: unknown,
) {
	return (schema.safeParse(value).error?.issues ?? []).map(({ path, message }) => ({
		path,
		message,
	}));
}

describe('partialDateSchema', () => {
	it('turns what YAML gives (string, number or Date) into a PartialDate', () => {
		expect(partialDateSchema.parse('2022-05').precision).toBe('month');
		expect(partialDateSchema.parse(2022).precision).toBe('year');
		expect(partialDateSchema.parse(new Date(Date.UTC(2022, 4, 7))).iso).toBe('2022-05-07');
	});

	it('reports the date parser’s message as the issue', () => {
		expect(issues(partialDateSchema, '2022-02-30')).toEqual([
			{ path: [], message: '"2022-02-30" has day 30; February 2022 has days 01 to 28' },
		]);
	});
});

describe('instantSchema', () => {
	it('reads a quoted date-time with an offset as that instant', () => {
		expect(instantSchema.parse('2026-12-01T09:00:00+01:00').toISOString()).toBe(
			'2026-12-01T08:00:00.000Z',
		);
		expect(instantSchema.parse('2026-12-01T08:00Z').toISOString()).toBe('2026-12-01T08:00:00.000Z');
	});

	it('passes through a Date (YAML’s reading of an unquoted date-time)', () => {
		const date = new Date('2026-12-01T08:00:00Z');
		expect(instantSchema.parse(date)).toBe(date);
	});

	it('rejects a date-time without an offset, because its instant would depend on the build machine', () => {
		expect(issues(instantSchema, '2026-12-01T09:00:00')).toEqual([
			{
				path: [],
				message:
					'"2026-12-01T09:00:00" is not a date-time with a time-zone offset; write e.g. "2026-12-01T09:00:00+01:00" or "2026-12-01T08:00:00Z"',
			},
		]);
	});

	it('rejects a date alone and free text', () => {
		expect(issues(instantSchema, '2026-12-01')).toHaveLength(1);
		expect(issues(instantSchema, 'next Tuesday')).toHaveLength(1);
	});

	it('rejects a date-time with an impossible month', () => {
		expect(issues(instantSchema, '2026-13-01T09:00:00Z')).toHaveLength(1);
	});

	// Fails against src/lib/model/schema.ts as written: the format check passes and V8's Date.parse rolls
	// 30 February over to 2 March instead of returning NaN, so the embargo silently moves.
	it('rejects a date-time on a day that does not exist, such as 30 February', () => {
		expect(issues(instantSchema, '2026-02-30T09:00:00Z')).toHaveLength(1);
	});
});

describe('reportSchema', () => {
	it('fills every list with [] when it is left out', () => {
		expect(reportSchema.parse(MINIMAL)).toMatchObject({
			authors: [],
			groups: [],
			regions: [],
			topics: [],
			attachments: [],
			aliases: [],
			related: [],
		});
	});

	it('trims the title and rejects one longer than 200 characters', () => {
		expect(reportSchema.parse({ ...MINIMAL, title: '  Kunduz  ' }).title).toBe('Kunduz');
		expect(issues(reportSchema, { ...MINIMAL, title: 'x'.repeat(201) }).map((i) => i.path)).toEqual(
			[['title']],
		);
		expect(issues(reportSchema, { ...MINIMAL, title: 'x'.repeat(200) })).toEqual([]);
	});

	it('rejects a blank title and a summary over 400 characters', () => {
		expect(issues(reportSchema, { ...MINIMAL, title: '   ' }).map((i) => i.path)).toEqual([
			['title'],
		]);
		expect(
			issues(reportSchema, { ...MINIMAL, summary: 'x'.repeat(401) }).map((i) => i.path),
		).toEqual([['summary']]);
	});

	it('rejects a status other than draft or published', () => {
		expect(issues(reportSchema, { ...MINIMAL, status: 'embargoed' })).toEqual([
			{ path: ['status'], message: 'Invalid option: expected one of "draft"|"published"' },
		]);
	});

	it('points at the bad entry of a list', () => {
		expect(
			issues(reportSchema, { ...MINIMAL, groups: ['taliban', ' '] }).map((i) => i.path),
		).toEqual([['groups', 1]]);
	});

	it('rejects an unquoted-style embargo string without an offset at embargo', () => {
		expect(
			issues(reportSchema, { ...MINIMAL, embargo: '2026-12-01 09:00' }).map((i) => i.path),
		).toEqual([['embargo']]);
	});

	it('validates an updated date like the published one', () => {
		expect(reportSchema.parse({ ...MINIMAL, updated: '2023-01' }).updated?.iso).toBe('2023-01');
		expect(
			issues(reportSchema, { ...MINIMAL, updated: 'January 2023' }).map((i) => i.path),
		).toEqual([['updated']]);
	});

	it('accepts only site paths as old URLs (aliases)', () => {
		expect(reportSchema.parse({ ...MINIMAL, aliases: ['/2022/05/old-slug/'] }).aliases).toEqual([
			'/2022/05/old-slug/',
		]);
		expect(issues(reportSchema, { ...MINIMAL, aliases: ['old-slug'] })).toEqual([
			{ path: ['aliases', 0], message: 'must be a path starting with / and without spaces' },
		]);
		expect(issues(reportSchema, { ...MINIMAL, aliases: ['/old slug/'] })).toHaveLength(1);
	});
});

describe('attachmentSchema', () => {
	it('accepts an https URL or a site path, and defaults fullText to false', () => {
		expect(
			attachmentSchema.parse({ title: 'Full report (PDF)', url: '/files/r.pdf', format: 'pdf' }),
		).toEqual({
			title: 'Full report (PDF)',
			url: '/files/r.pdf',
			format: 'pdf',
			fullText: false,
		});
		expect(
			attachmentSchema.parse({ title: 'Data', url: 'https://example.org/d.csv', format: 'csv' })
				.url,
		).toBe('https://example.org/d.csv');
	});

	it('rejects a relative URL, saying what it must start with', () => {
		expect(issues(attachmentSchema, { title: 'PDF', url: 'files/r.pdf', format: 'pdf' })).toEqual([
			{
				path: ['url'],
				message:
					'is neither a web address nor a path on this site; write a web address starting with https:// or http://, or a path on this site starting with /',
			},
		]);
	});

	it('rejects a URL starting with // or /\\, which leads to another site, and any other scheme', () => {
		const allowed =
			'write a web address starting with https:// or http://, or a path on this site starting with /';
		const message = (url: string) =>
			issues(attachmentSchema, { title: 'PDF', url, format: 'pdf' }).map((i) => i.message);
		expect(message('//evil.example/r.pdf')).toEqual([
			`starts with // or /\\, which browsers read as another site's address; ${allowed}`,
		]);
		expect(message('/\\evil.example/r.pdf')).toEqual([
			`starts with // or /\\, which browsers read as another site's address; ${allowed}`,
		]);
		expect(message('javascript:alert(1)')).toEqual([
			`uses javascript:, which is not allowed here; ${allowed}`,
		]);
		expect(message('JaVa\tScRiPt:alert(1)')).toEqual([
			`contains a space or a control character; ${allowed}`,
		]);
		expect(message('data:application/pdf;base64,AAAA')).toEqual([
			`uses data:, which is not allowed here; ${allowed}`,
		]);
		expect(message('https://')).toEqual([`is not a complete web address; ${allowed}`]);
		expect(message('https://example.org/r.pdf')).toEqual([]);
		expect(message('/files/r.pdf')).toEqual([]);
	});

	it('rejects an unknown format and a size that is not a positive whole number', () => {
		expect(
			issues(attachmentSchema, { title: 'PDF', url: '/r.pdf', format: 'pages' }).map((i) => i.path),
		).toEqual([['format']]);
		expect(
			issues(attachmentSchema, { title: 'PDF', url: '/r.pdf', format: 'pdf', size: 0 }).map(
				(i) => i.path,
			),
		).toEqual([['size']]);
		expect(
			issues(attachmentSchema, { title: 'PDF', url: '/r.pdf', format: 'pdf', size: 1.5 }).map(
				(i) => i.path,
			),
		).toEqual([['size']]);
	});

	it('reports a bad attachment at its position in the report', () => {
		const bad = { ...MINIMAL, attachments: [{ title: 'PDF', url: 'r.pdf', format: 'pdf' }] };
		expect(issues(reportSchema, bad).map((i) => i.path)).toEqual([['attachments', 0, 'url']]);
	});

	it('keeps a file here only as a document of its declared format, never a page or an image that could run script', () => {
		const kept = (file: string, format: string) => ({
			...MINIMAL,
			attachments: [{ title: 'File', file, format }],
		});
		expect(issues(reportSchema, kept('files/report.pdf', 'pdf'))).toEqual([]);
		expect(issues(reportSchema, kept('files/Data.CSV', 'csv'))).toEqual([]);
		for (const [file, format] of [
			['files/evil.html', 'other'],
			['files/x.svg', 'pdf'],
			['files/report.pdf.html', 'pdf'],
			['files/notes.txt', 'other'],
		] as const) {
			const found = issues(reportSchema, kept(file, format));
			expect(
				found.map((i) => i.path),
				file,
			).toEqual([['attachments', 0, 'file']]);
			expect(found[0]!.message).toBe(
				`a file kept here must be a document whose extension is its format (pdf, docx, xlsx, csv, json, zip); "${file}" with format "${format}" is not: link to anything else by its url instead`,
			);
		}
	});
});

describe('sourceSchema', () => {
	it('requires a publisher and a valid URL when one is given', () => {
		expect(
			sourceSchema.parse({ publisher: 'Rise to Peace', url: 'https://www.risetopeace.org/' })
				.publisher,
		).toBe('Rise to Peace');
		expect(
			issues(sourceSchema, { url: 'https://www.risetopeace.org/' }).map((i) => i.path),
		).toEqual([['publisher']]);
		expect(issues(sourceSchema, { publisher: 'X', url: 'not a url' }).map((i) => i.path)).toEqual([
			['url'],
		]);
	});
});

describe('taxonomy schemas', () => {
	it('default aliases to [] and reject unknown fields', () => {
		expect(groupSchema.parse({ name: 'Taliban' }).aliases).toEqual([]);
		expect(issues(groupSchema, { name: 'Taliban', slug: 'taliban' })).toEqual([
			{ path: [], message: 'Unrecognized key: "slug"' },
		]);
	});

	it('require a region kind of country, province or city', () => {
		expect(
			regionSchema.parse({ name: 'Kunduz', kind: 'province', parent: 'afghanistan' }).parent,
		).toBe('afghanistan');
		expect(issues(regionSchema, { name: 'Kunduz', kind: 'district' }).map((i) => i.path)).toEqual([
			['kind'],
		]);
	});

	it('require an author kind of person or desk', () => {
		expect(authorSchema.parse({ name: 'Research Desk', kind: 'desk' }).kind).toBe('desk');
		expect(issues(authorSchema, { name: 'A. Writer', kind: 'staff' }).map((i) => i.path)).toEqual([
			['kind'],
		]);
	});
});

describe('one line where a name or number goes into headings and citations', () => {
	const lineBreak = 'contains a line break or a control character; write it on one line';

	it('refuses a line break in a report number or a series volume or issue, and keeps numbers as text', () => {
		expect(issues(reportSchema, { ...MINIMAL, number: 'a\nb' })).toEqual([
			{ path: ['number'], message: lineBreak },
		]);
		expect(
			issues(reportSchema, { ...MINIMAL, series: { name: 'Briefs', volume: 2, issue: 'x\ny' } }),
		).toEqual([{ path: ['series', 'issue'], message: lineBreak }]);
		expect(reportSchema.parse({ ...MINIMAL, number: 12 }).number).toBe('12');
	});

	it('refuses a line break in a kept version’s title, as in the report’s', () => {
		const version = { title: 'Two\nlines', summary: 'S.', authors: [], published: '2022-05-07' };
		expect(issues(versionSchema, version)).toEqual([{ path: ['title'], message: lineBreak }]);
	});
});
