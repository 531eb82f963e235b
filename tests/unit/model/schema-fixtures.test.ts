/**
 * The fixture reports under tests/fixtures/, read and parsed the way Astro reads a content entry:
 * frontmatter through Astro's own `parseFrontmatter` (js-yaml, which turns an unquoted 2022-05-07
 * into a Date and an unquoted 2022 into a number), then the real report schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { buildArchive, type RawEntry } from '../../../src/lib/archive/build-archive.ts';
import { ContentError } from '../../../src/lib/model/content-error.ts';
import { isPublic } from '../../../src/lib/model/publish.ts';
import {
	groupSchema,
	regionSchema,
	reportSchema,
	topicSchema,
	type GroupData,
	type RegionData,
	type ReportData,
	type TopicData,
} from '../../../src/lib/model/schema.ts';

const NOW = new Date('2026-06-01T00:00:00Z');

/** A fixture's path relative to the project root, as Astro gives it in `entry.filePath`. */
const fixturePath = (name: string) => `tests/fixtures/${name}`;

function frontmatterOf(name: string): Record<string, unknown> {
	const source = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
	return parseFrontmatter(source).frontmatter as Record<string, unknown>;
}

/** The schema issues of a fixture, as path and message only. */
function issuesOf(name: string) {
	const result = reportSchema.safeParse(frontmatterOf(name));
	expect(result.success, `${name} should fail the schema`).toBe(false);
	return (result.error?.issues ?? []).map(({ path, message }) => ({ path, message }));
}

function validEntry(name: string): RawEntry<ReportData> {
	const result = reportSchema.safeParse(frontmatterOf(name));
	if (!result.success) throw new Error(`${name} should pass the schema: ${result.error.message}`);
	const id = name.replace(/^.*\//, '').replace(/\.md$/, '');
	return { id, filePath: fixturePath(name), data: result.data };
}

const TAXONOMY = {
	groups: [
		{
			id: 'is-k',
			filePath: 'content/groups/is-k.md',
			data: groupSchema.parse({
				name: 'Islamic State Khorasan Province',
				aliases: ['ISKP', 'IS-K'],
			}),
		},
		{
			id: 'taliban',
			filePath: 'content/groups/taliban.md',
			data: groupSchema.parse({ name: 'Taliban' }),
		},
	] satisfies RawEntry<GroupData>[],
	regions: [
		{
			id: 'afghanistan',
			filePath: 'content/regions/afghanistan.md',
			data: regionSchema.parse({ name: 'Afghanistan', kind: 'country' }),
		},
		{
			id: 'kunduz',
			filePath: 'content/regions/kunduz.md',
			data: regionSchema.parse({
				name: 'Kunduz',
				kind: 'province',
				parent: 'afghanistan',
				aliases: ['Kundoz'],
			}),
		},
	] satisfies RawEntry<RegionData>[],
	topics: [
		{
			id: 'recruitment',
			filePath: 'content/topics/recruitment.md',
			data: topicSchema.parse({ name: 'Recruitment' }),
		},
	] satisfies RawEntry<TopicData>[],
	authors: [],
};

describe('bad report fixtures fail the schema with one exact issue each', () => {
	it('missing-title.md: title is required', () => {
		expect(issuesOf('bad-reports/missing-title.md')).toEqual([
			{ path: ['title'], message: 'Invalid input: expected string, received undefined' },
		]);
	});

	it('bad-date.md: "2022-13-45" is rejected at published for its month', () => {
		expect(issuesOf('bad-reports/bad-date.md')).toEqual([
			{ path: ['published'], message: '"2022-13-45" has month 13; months run 01 to 12' },
		]);
	});

	it('bad-type.md: type must be one of the four report types', () => {
		expect(issuesOf('bad-reports/bad-type.md')).toEqual([
			{
				path: ['type'],
				message:
					'Invalid option: expected one of "brief"|"analysis"|"special-report"|"backgrounder"',
			},
		]);
	});

	it('unknown-field.md: an unknown field is rejected by name, not ignored', () => {
		expect(issuesOf('bad-reports/unknown-field.md')).toEqual([
			{ path: [], message: 'Unrecognized key: "tags"' },
		]);
	});
});

describe('unknown-group.md', () => {
	it('passes the schema, which accepts any group spelling', () => {
		expect(validEntry('bad-reports/unknown-group.md').data.groups).toEqual(['Talibaan']);
	});

	it('makes buildArchive throw a ContentError naming the fixture, groups[0], the value and a suggestion', () => {
		let error: unknown;
		try {
			buildArchive({ reports: [validEntry('bad-reports/unknown-group.md')], ...TAXONOMY }, NOW);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ContentError);
		const { issues, message } = error as ContentError;
		expect(issues).toEqual([
			{
				file: 'tests/fixtures/bad-reports/unknown-group.md',
				field: 'groups[0]',
				message:
					'unknown group "Talibaan"; did you mean taliban (Taliban)? Known groups are listed in content/groups/',
			},
		]);
		expect(message).toContain(
			'tests/fixtures/bad-reports/unknown-group.md: groups[0]: unknown group "Talibaan"',
		);
	});
});

describe('good report fixtures', () => {
	it('minimal.md passes with its unquoted year read as a year-precision date and every list empty', () => {
		const { data } = validEntry('good-reports/minimal.md');
		expect(data.published).toStrictEqual({ year: 2022, precision: 'year', iso: '2022' });
		expect(data).toMatchObject({
			authors: [],
			groups: [],
			regions: [],
			topics: [],
			attachments: [],
			aliases: [],
			related: [],
		});
		expect(data.embargo).toBeUndefined();
		expect(isPublic(data, NOW)).toBe(true);
	});

	it('draft.md passes, with its unquoted 2022-05-07 (a YAML Date) read as that day, and is not public', () => {
		const frontmatter = frontmatterOf('good-reports/draft.md');
		expect(frontmatter.published).toBeInstanceOf(Date);
		const { data } = validEntry('good-reports/draft.md');
		expect(data.published.iso).toBe('2022-05-07');
		expect(data.published.precision).toBe('day');
		expect(data.status).toBe('draft');
		expect(isPublic(data, NOW)).toBe(false);
	});

	it('the archive resolves the draft’s aliases but publishes only minimal.md', () => {
		const archive = buildArchive(
			{
				reports: [validEntry('good-reports/draft.md'), validEntry('good-reports/minimal.md')],
				...TAXONOMY,
			},
			NOW,
		);
		expect(archive.reports.map((r) => r.slug)).toEqual(['minimal']);
		expect(archive.bySlug.has('draft')).toBe(false);
		expect(archive.groups.every((g) => g.reports.length === 0)).toBe(true);
		expect(archive.regions.every((r) => r.reports.length === 0)).toBe(true);
	});
});
