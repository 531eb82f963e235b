/**
 * What a report page says about the report's record: the notices at its top (withdrawn,
 * superseded, corrected or updated, no longer updated), the byline's details (last updated, the
 * report's number, series and DOI, how long it is), the state a listing shows, and the words of
 * its versions. Pure: the layouts print what these return.
 */
import type { Report, ReportVersion } from '../archive/build-archive.ts';
import { isStale, type Change } from '../archive/record.ts';
import { formatPartialDate, type PartialDate } from '../model/dates.ts';
import { countLabel } from './count.ts';
import { formatLabel } from './format.ts';

/** How the publisher words the notice on old reports, and after how many years it shows. */
export interface StalenessPolicy {
	/** Years after the publication (or last change) before the notice shows. */
	afterYears: number;
	/**
	 * The notice, with `{when}` for the date: "in December 2020", "in 2020", "on 7 May 2022"; and
	 * `{type}` for the report type in lower case ("brief").
	 */
	text: string;
}

/** "in December 2020", "in 2020", "on 7 May 2022". */
export function whenPhrase(date: PartialDate): string {
	return `${date.precision === 'day' ? 'on' : 'in'} ${formatPartialDate(date)}`;
}

/** One notice at the top of a report. */
export interface ReportNotice {
	kind: 'withdrawn' | 'superseded' | 'changed' | 'stale';
	/** The id of the notice on the page, for links to it. */
	id?: string;
	/** Its first words, in bold: "Withdrawn on 10 January 2022." */
	lead: string;
	/** The rest of the sentence. */
	text: string;
	/** Where it leads: the replacing report, or the list of changes. */
	link?: { href: string; label: string };
}

/** The id of the list of corrections and updates at the end of a report. */
export const CHANGES_ID = 'Changes';
/** The id of the list of versions at the end of a report. */
export const VERSIONS_ID = 'Versions';

function changeCounts(changes: readonly Change[]): string {
	const corrections = changes.filter((c) => c.kind === 'correction').length;
	const updates = changes.length - corrections;
	return [
		corrections ? countLabel(corrections, 'correction') : '',
		updates ? countLabel(updates, 'update') : '',
	]
		.filter(Boolean)
		.join(' and ');
}

/**
 * The notices at the top of a report, most serious first: withdrawn; superseded; corrected or
 * updated (with the latest change's day); and, when none of these applies and the report is old
 * enough, the publisher's staleness notice.
 */
export function reportNotices(
	report: Pick<Report, 'standing' | 'changes' | 'published' | 'lastModified' | 'type'>,
	now: Date,
	policy: StalenessPolicy,
): ReportNotice[] {
	const notices: ReportNotice[] = [];
	const s = report.standing;
	if (s.state === 'withdrawn') {
		notices.push({
			kind: 'withdrawn',
			id: 'withdrawn',
			lead: `Withdrawn ${whenPhrase(s.date)}.`,
			text: `${s.reason} The report stays here as it was, for the record; do not rely on it.`,
		});
	} else if (s.state === 'superseded') {
		notices.push({
			kind: 'superseded',
			lead: 'Superseded.',
			text: `A later report replaces this one, which stays here as it was, for the record: `,
			link: { href: s.by.url, label: s.by.title },
		});
	}
	const last = report.changes.at(-1);
	if (last) {
		const corrected = report.changes.some((c) => c.kind === 'correction');
		const updated = report.changes.some((c) => c.kind === 'update');
		notices.push({
			kind: 'changed',
			lead: `${corrected && updated ? 'Corrected and updated' : corrected ? 'Corrected' : 'Updated'}.`,
			text: `This report has ${changeCounts(report.changes)} since it was published ${whenPhrase(report.published)}, the latest ${whenPhrase(last.date)}.`,
			link: { href: `#${CHANGES_ID}`, label: 'See what changed' },
		});
	}
	if (s.state === 'current' && isStale(report, now, policy.afterYears)) {
		notices.push({
			kind: 'stale',
			lead: 'Not updated.',
			text: policy.text
				.replaceAll('{when}', whenPhrase(report.published))
				.replaceAll('{type}', report.type.name.toLowerCase()),
		});
	}
	return notices;
}

/** The report's number, series and DOI as the byline prints them. */
export function identifiers(
	report: Pick<Report, 'number' | 'series' | 'doi' | 'type'>,
): { label: string; href?: string }[] {
	const out: { label: string; href?: string }[] = [];
	if (report.number !== undefined) out.push({ label: `${report.type.name} No. ${report.number}` });
	if (report.series) {
		const parts = [
			report.series.name,
			report.series.volume ? `vol. ${report.series.volume}` : '',
			report.series.issue ? `no. ${report.series.issue}` : '',
		].filter(Boolean);
		out.push({ label: parts.join(', ') });
	}
	if (report.doi) out.push({ label: `DOI ${report.doi}`, href: `https://doi.org/${report.doi}` });
	return out;
}

/**
 * How long the report is, as the byline says it: the reading time of the text on the page, or,
 * when the page only summarises a document, "Summary · full text PDF, 34 pages" (the page count
 * when known).
 */
export function lengthLabel(
	report: Pick<Report, 'attachments'>,
	minutesRead: number,
): { summary: boolean; text: string } {
	const full = report.attachments.find((a) => a.fullText);
	if (!full) return { summary: false, text: `${minutesRead} min read` };
	const what = `full text ${formatLabel(full.format)}`;
	return {
		summary: true,
		text: `Summary · ${full.pages !== undefined ? `${what}, ${countLabel(full.pages, 'page')}` : what}`,
	};
}

/** The word a listing shows beside a report that no longer stands, or was changed. */
export function stateLabel(report: Pick<Report, 'standing' | 'changes'>): string | undefined {
	if (report.standing.state === 'withdrawn') return 'Withdrawn';
	if (report.standing.state === 'superseded') return 'Superseded';
	if (report.changes.some((c) => c.kind === 'correction')) return 'Corrected';
	if (report.changes.length) return 'Updated';
	return undefined;
}

/** "Correction", "Update", "Withdrawal": on report pages, /corrections/ and its feeds alike. */
export function changeLabel(change: { kind: Change['kind'] | 'withdrawal' }): string {
	return CHANGE_LABELS[change.kind];
}

const CHANGE_LABELS = {
	correction: 'Correction',
	update: 'Update',
	withdrawal: 'Withdrawal',
} as const;

/** One line of the report's version list, oldest first, the current text last. */
export interface VersionLine {
	number: number;
	/** The version's page, or undefined for the current text (this page). */
	href: string | undefined;
	/** "Published December 2020", "Corrected 12 April 2022". */
	text: string;
	current: boolean;
}

/**
 * The report's versions, oldest first: each kept version with how it began (published, or the
 * change that made it), then the current text.
 */
export function versionLines(report: Pick<Report, 'versions' | 'published'>): VersionLine[] {
	if (report.versions.length === 0) return [];
	const began = (i: number): string => {
		if (i === 0) return `Published ${formatPartialDate(report.published)}`;
		const made = report.versions[i - 1]!.replacedBy;
		return `${made.some((c) => c.kind === 'correction') ? 'Corrected' : 'Updated'} ${formatPartialDate(made[0]!.date)}`;
	};
	return [
		...report.versions.map((v, i) => ({
			number: v.number,
			href: v.url,
			text: began(i),
			current: false,
		})),
		{
			number: report.versions.length + 1,
			href: undefined,
			text: began(report.versions.length),
			current: true,
		},
	];
}

/** What an earlier version's page says at its top. */
export function versionNotice(
	version: Pick<ReportVersion, 'number' | 'replaced' | 'replacedBy'>,
	report: Pick<Report, 'versions' | 'url'>,
): { lead: string; text: string } {
	const current = report.versions.length + 1;
	const how = version.replacedBy.some((c) => c.kind === 'correction') ? 'corrected' : 'updated';
	return {
		lead: `Superseded version.`,
		text: `This is version ${version.number} of ${current}, kept as it was. It was ${how} ${whenPhrase(version.replaced)}; the current version is on the report’s page.`,
	};
}
