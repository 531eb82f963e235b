import { describe, expect, it } from 'vitest';
import {
	changesOf,
	endOfPeriod,
	isStale,
	latestDate,
	newChanges,
	placeVersions,
	standing,
} from '../../../src/lib/archive/record.ts';
import { ContentError, type ContentIssue } from '../../../src/lib/model/content-error.ts';
import { parsePartialDate, type PartialDate } from '../../../src/lib/model/dates.ts';
import {
	fixtureArchive,
	recordArchive,
	RECORD_REPORTS,
	RECORD_VERSIONS,
	REPORTS,
	reportEntry,
	versionEntry,
} from '../../support/fixture-archive.ts';

const date = (text: string) => parsePartialDate(text) as PartialDate;
const correction = (d: string, was = 'x', now = 'y') => ({
	kind: 'correction' as const,
	date: date(d),
	was,
	now,
});
const update = (d: string, note = 'z') => ({ kind: 'update' as const, date: date(d), note });

describe('changesOf and newChanges', () => {
	it('lists corrections and updates together, oldest first', () => {
		const changes = changesOf({
			corrections: [{ date: date('2024-03-02'), was: 'a', now: 'b' }],
			updates: [{ date: date('2024-01-10'), note: 'n' }],
		});
		expect(changes.map((c) => `${c.kind} ${c.date.iso}`)).toEqual([
			'update 2024-01-10',
			'correction 2024-03-02',
		]);
	});

	it('finds the changes a later version lists that an earlier one does not', () => {
		const before = [correction('2024-03-02')];
		const after = [correction('2024-03-02'), update('2024-05-01')];
		expect(newChanges(before, after)).toEqual([update('2024-05-01')]);
		// The same day but other words is another change.
		expect(newChanges(before, [correction('2024-03-02', 'x', 'other')])).toHaveLength(1);
	});

	it('takes the latest of some dates at their precision', () => {
		expect(latestDate([date('2022'), date('2022-05-07'), undefined])?.iso).toBe('2022-05-07');
		expect(latestDate([])).toBeUndefined();
	});
});

describe('placeVersions', () => {
	const snapshot = (n: number, changes: ReturnType<typeof correction>[] = []) => ({
		number: n,
		file: `content/versions/r/${n}.md`,
		changes,
		data: n,
	});

	it('dates each kept version by the day the next one replaced it, and says what changed', () => {
		const issues: ContentIssue[] = [];
		const placed = placeVersions(
			{ file: 'content/reports/r.md', changes: [correction('2024-03-02'), update('2024-05-01')] },
			[snapshot(2, [correction('2024-03-02')]), snapshot(1)],
			issues,
		);
		expect(issues).toEqual([]);
		expect(placed.map((p) => [p.number, p.replaced.iso, p.replacedBy.map((c) => c.kind)])).toEqual([
			[1, '2024-03-02', ['correction']],
			[2, '2024-05-01', ['update']],
		]);
	});

	it('refuses a gap in the numbering', () => {
		const issues: ContentIssue[] = [];
		placeVersions(
			{ file: 'content/reports/r.md', changes: [correction('2024-03-02')] },
			[snapshot(2)],
			issues,
		);
		expect(issues.map((i) => i.message)).toContain(
			'versions are numbered 1, 2, 3 … without a gap; this should be version 1',
		);
	});

	it('refuses a change of text that no correction or update explains', () => {
		const issues: ContentIssue[] = [];
		const placed = placeVersions(
			{ file: 'content/reports/r.md', changes: [] },
			[snapshot(1)],
			issues,
		);
		expect(placed).toEqual([]);
		expect(issues).toEqual([
			{
				file: 'content/reports/r.md',
				field: 'corrections',
				message:
					'the text changed after version 1 (content/versions/r/1.md), but no correction or update says how: add one, dated the day of the change',
			},
		]);
	});

	it('refuses changes on two days after one version: each change keeps the version before it', () => {
		const issues: ContentIssue[] = [];
		placeVersions(
			{ file: 'content/reports/r.md', changes: [correction('2024-03-02'), update('2024-05-01')] },
			[snapshot(1)],
			issues,
		);
		expect(issues[0]?.message).toContain('are dated 2024-03-02 and 2024-05-01');
	});

	it('refuses a correction on a report that keeps no earlier version', () => {
		const issues: ContentIssue[] = [];
		placeVersions(
			{ file: 'content/reports/r.md', changes: [correction('2024-03-02')] },
			[],
			issues,
		);
		expect(issues[0]).toMatchObject({ file: 'content/reports/r.md', field: 'corrections' });
		expect(issues[0]?.message).toContain('keeps no earlier version');
	});
});

describe('standing', () => {
	it('is withdrawn when withdrawn, superseded when a successor is in the build, else current', () => {
		const withdrawn = { date: date('2022-01-10'), reason: 'R.' };
		expect(standing({ withdrawn }, 'next')).toEqual({ state: 'withdrawn', ...withdrawn });
		expect(standing({}, 'next')).toEqual({ state: 'superseded', by: 'next' });
		expect(standing({}, undefined)).toEqual({ state: 'current' });
	});
});

describe('staleness', () => {
	it('counts from the end of the period a date names', () => {
		expect(endOfPeriod(date('2022')).toISOString()).toBe('2022-12-31T23:59:59.999Z');
		expect(endOfPeriod(date('2022-02')).toISOString()).toBe('2022-02-28T23:59:59.999Z');
		expect(endOfPeriod(date('2022-05-07')).toISOString()).toBe('2022-05-07T23:59:59.999Z');
	});

	it('calls a report stale only once the whole period plus the age has passed', () => {
		const report = { published: date('2022'), lastModified: undefined };
		expect(isStale(report, new Date('2025-12-31T12:00:00Z'), 3)).toBe(false);
		expect(isStale(report, new Date('2026-01-01T00:00:00Z'), 3)).toBe(true);
	});

	it('counts from the last correction or update when there is one', () => {
		const report = { published: date('2019-05'), lastModified: date('2024-03-02') };
		expect(isStale(report, new Date('2026-06-01T00:00:00Z'), 3)).toBe(false);
	});
});

describe('buildArchive: the record of a report', () => {
	const archive = recordArchive();
	const get = (slug: string) => archive.bySlug.get(slug)!;

	it('places the kept versions of a corrected report, each at its own address', () => {
		const r = get('corrected-report');
		expect(r.versions.map((v) => [v.number, v.url, v.replaced.iso])).toEqual([
			[1, '/reports/corrected-report/v1/', '2022-04-12'],
			[2, '/reports/corrected-report/v2/', '2022-05-20'],
		]);
		expect(r.lastModified?.iso).toBe('2022-05-20');
		expect(r.changes.map((c) => c.kind)).toEqual(['correction', 'update']);
		expect(r.versions[0]!.authors.map((a) => a.slug)).toEqual(['jane-analyst']);
	});

	it('marks a superseded report and lists it on its successor', () => {
		expect(get('old-report').standing).toMatchObject({
			state: 'superseded',
			by: { slug: 'day-report' },
		});
		expect(get('day-report').supersedes.map((r) => r.slug)).toEqual(['old-report']);
	});

	it('marks a withdrawn report with its day and reason', () => {
		const s = get('withdrawn-report').standing;
		expect(s).toMatchObject({
			state: 'withdrawn',
			reason: 'Its main source was found to be unreliable.',
		});
		expect(s.state === 'withdrawn' ? s.date.iso : undefined).toBe('2022-01-10');
	});

	it('never suggests a superseded or withdrawn report as related', () => {
		for (const report of archive.reports) {
			expect(report.related.map((r) => r.standing.state)).not.toContain('superseded');
			expect(report.related.map((r) => r.standing.state)).not.toContain('withdrawn');
		}
	});

	it('does not supersede a report by one that is not public yet', () => {
		const archive = fixtureArchive([
			...REPORTS,
			reportEntry('old', { supersededBy: 'draft-report' }),
		]);
		expect(archive.bySlug.get('old')!.standing).toEqual({ state: 'current' });
	});

	it('refuses supersededBy naming no report, or leading back to the report', () => {
		const build = (reports: ReturnType<typeof reportEntry>[]) => {
			try {
				fixtureArchive([...REPORTS, ...reports]);
				return [];
			} catch (error) {
				return (error as ContentError).issues.map((i) => `${i.field}: ${i.message}`);
			}
		};
		expect(build([reportEntry('a', { supersededBy: 'day-reprt' })])).toEqual([
			'supersededBy: no report has the slug "day-reprt"; did you mean "day-report", "draft-report" or "year-report"?',
		]);
		expect(
			build([reportEntry('a', { supersededBy: 'b' }), reportEntry('b', { supersededBy: 'a' })]),
		).toEqual([
			'supersededBy: following supersededBy from a leads back to a; a report cannot replace itself',
			'supersededBy: following supersededBy from b leads back to b; a report cannot replace itself',
		]);
	});

	it('refuses a kept version of a report that does not exist', () => {
		expect(() =>
			fixtureArchive(
				[...REPORTS, ...RECORD_REPORTS],
				[...RECORD_VERSIONS, versionEntry('nope', 1)],
			),
		).toThrow(
			'no report has the slug "nope"; a kept version lives in the folder named after its report',
		);
	});

	it('needs the day a public report entered the archive when its date has no day', () => {
		expect(() => fixtureArchive([...REPORTS, reportEntry('no-day', { added: undefined })])).toThrow(
			'a public report needs the day it entered the archive',
		);
		// A day-precise publication date is that day.
		const archive = fixtureArchive([
			...REPORTS,
			reportEntry('day', { published: '2023-02-03', added: undefined }),
		]);
		expect(archive.bySlug.get('day')!.added?.iso).toBe('2023-02-03');
	});
});
