/**
 * The record of a report after publication: its corrections and updates, its earlier versions,
 * and whether it still stands (current, superseded by another report, or withdrawn). Pure rules,
 * used once per build by `buildArchive` and by the pages and outputs that show them.
 *
 * Earlier versions are kept snapshots (`content/versions/<slug>/<n>.md`), not git history: the
 * build is a function of the content folder alone, whatever the clone's depth, and a version
 * once published cannot be lost by rewriting history (see docs/authoring.md, "Versions").
 */
import { comparePartialDates, type PartialDate } from '../model/dates.ts';
import type { ContentIssue } from '../model/content-error.ts';
import type { Correction, Update } from '../model/schema.ts';

/** One change after publication: a correction or an update, dated to the day. */
export type Change = ({ kind: 'correction' } & Correction) | ({ kind: 'update' } & Update);

/** The corrections and updates a report (or a version of it) lists, oldest first. */
export function changesOf(fields: {
	corrections: readonly Correction[];
	updates: readonly Update[];
}): Change[] {
	return [
		...fields.corrections.map((c) => ({ kind: 'correction' as const, ...c })),
		...fields.updates.map((u) => ({ kind: 'update' as const, ...u })),
	].sort((a, b) => comparePartialDates(a.date, b.date));
}

/** Two changes are the same when their kind, day and words are. */
function sameChange(a: Change, b: Change): boolean {
	if (a.kind !== b.kind || a.date.iso !== b.date.iso) return false;
	return a.kind === 'correction' && b.kind === 'correction'
		? a.was === b.was && a.now === b.now
		: a.kind === 'update' && b.kind === 'update' && a.note === b.note;
}

/** The changes `after` lists that `before` does not: what made the later version. */
export function newChanges(before: readonly Change[], after: readonly Change[]): Change[] {
	return after.filter((c) => !before.some((b) => sameChange(b, c)));
}

/** The latest of some partial dates, or undefined when there are none. */
export function latestDate(dates: readonly (PartialDate | undefined)[]): PartialDate | undefined {
	let latest: PartialDate | undefined;
	for (const d of dates) if (d && (!latest || comparePartialDates(d, latest) > 0)) latest = d;
	return latest;
}

/** A kept earlier version, as its file gives it. */
export interface VersionSnapshot<A = unknown> {
	/** 1 for the text as first published, then 2, 3, … */
	number: number;
	/** Its file, for messages. */
	file: string;
	/** The changes it listed. */
	changes: Change[];
	/** Everything else the file gives, carried through. */
	data: A;
}

/** A kept earlier version, placed in the report's history. */
export interface PlacedVersion<A = unknown> extends VersionSnapshot<A> {
	/** The day the next version replaced it. */
	replaced: PartialDate;
	/** The changes the next version made: why this one was replaced. */
	replacedBy: Change[];
}

/**
 * Places a report's kept versions in its history, oldest first, and checks them: they are
 * numbered 1, 2, 3 … without a gap; each next version (the current report after the last) lists
 * at least one correction or update the one before does not, all made on one day, which is the
 * day the earlier version was replaced; and a report that lists a correction or update keeps the
 * version before it. Problems are pushed to `issues`, and the versions that can be placed are
 * returned.
 */
export function placeVersions<A>(
	report: { file: string; changes: readonly Change[] },
	snapshots: readonly VersionSnapshot<A>[],
	issues: ContentIssue[],
): PlacedVersion<A>[] {
	const sorted = [...snapshots].sort((a, b) => a.number - b.number);
	sorted.forEach((v, i) => {
		if (v.number !== i + 1) {
			issues.push({
				file: v.file,
				field: 'file',
				message: `versions are numbered 1, 2, 3 … without a gap; this should be version ${i + 1}`,
			});
		}
	});
	const placed: PlacedVersion<A>[] = [];
	sorted.forEach((version, i) => {
		const next = sorted[i + 1];
		const nextChanges = next ? next.changes : report.changes;
		const nextFile = next ? next.file : report.file;
		const made = newChanges(version.changes, nextChanges);
		if (made.length === 0) {
			issues.push({
				file: nextFile,
				field: 'corrections',
				message: `the text changed after version ${version.number} (${version.file}), but no correction or update says how: add one, dated the day of the change`,
			});
			return;
		}
		const days = [...new Set(made.map((c) => c.date.iso))];
		if (days.length > 1) {
			issues.push({
				file: nextFile,
				field: 'corrections',
				message: `the changes after version ${version.number} are dated ${days.join(' and ')}: each day's change keeps the version before it (run npm run new:version before each change)`,
			});
		}
		placed.push({ ...version, replaced: made[0]!.date, replacedBy: made });
	});
	const lastKept = sorted.at(-1);
	const unkept = newChanges(lastKept?.changes ?? [], report.changes);
	if (!lastKept && unkept.length > 0) {
		issues.push({
			file: report.file,
			field: unkept[0]!.kind === 'correction' ? 'corrections' : 'updates',
			message: `the report lists a ${unkept[0]!.kind} but keeps no earlier version: keep the text as it was before the change in content/versions/<slug>/1.md (npm run new:version -- <slug>)`,
		});
	}
	return placed;
}

/** Whether a report still stands, and if not, what took its place. */
export type Standing<R> =
	| { state: 'current' }
	| { state: 'superseded'; by: R }
	| { state: 'withdrawn'; date: PartialDate; reason: string };

/**
 * A report's standing: withdrawn when it says so (whatever else it says), superseded when its
 * `supersededBy` names a report in the build (a replacement not yet public does not supersede it
 * yet), else current.
 */
export function standing<R>(
	fields: { withdrawn?: { date: PartialDate; reason: string } | undefined },
	successor: R | undefined,
): Standing<R> {
	if (fields.withdrawn) return { state: 'withdrawn', ...fields.withdrawn };
	if (successor) return { state: 'superseded', by: successor };
	return { state: 'current' };
}

/**
 * The end of the period a partial date names, as an instant: 2022 → the end of 31 December 2022
 * (UTC); 2022-05 → the end of 31 May; a day → the end of that day.
 */
export function endOfPeriod(date: PartialDate): Date {
	if (date.month === undefined) return new Date(Date.UTC(date.year + 1, 0, 1) - 1);
	if (date.day === undefined) return new Date(Date.UTC(date.year, date.month, 1) - 1);
	return new Date(Date.UTC(date.year, date.month - 1, date.day + 1) - 1);
}

/**
 * Whether a report is old enough for the staleness notice: the latest of its publication and its
 * last change ended more than `afterYears` years before `now`. A date known only to the year
 * counts from the end of that year, so no report is called stale early.
 */
export function isStale(
	report: { published: PartialDate; lastModified: PartialDate | undefined },
	now: Date,
	afterYears: number,
): boolean {
	const since = endOfPeriod(report.lastModified ?? report.published);
	const limit = new Date(since);
	limit.setUTCFullYear(limit.getUTCFullYear() + afterYears);
	return now.getTime() > limit.getTime();
}
