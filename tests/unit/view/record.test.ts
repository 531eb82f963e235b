import { describe, expect, it } from 'vitest';
import {
	identifiers,
	lengthLabel,
	reportNotices,
	stateLabel,
	versionLines,
	versionNotice,
	whenPhrase,
} from '../../../src/lib/view/record.ts';
import { parsePartialDate, type PartialDate } from '../../../src/lib/model/dates.ts';
import { recordArchive } from '../../support/fixture-archive.ts';

const archive = recordArchive();
const get = (slug: string) => archive.bySlug.get(slug)!;
const date = (text: string) => parsePartialDate(text) as PartialDate;
const POLICY = {
	afterYears: 3,
	text: 'This {type} was published {when} and is not being updated.',
};
const NOW = new Date('2026-06-01T00:00:00Z');
const words = (slug: string) =>
	reportNotices(get(slug), NOW, POLICY).map(
		(n) => `${n.lead} ${n.text}${n.link ? `[${n.link.label} → ${n.link.href}]` : ''}`,
	);

describe('reportNotices', () => {
	it('says a withdrawn report is withdrawn, when and why, first', () => {
		expect(words('withdrawn-report')).toEqual([
			'Withdrawn on 10 January 2022. Its main source was found to be unreliable. The report stays here as it was, for the record; do not rely on it.',
		]);
	});

	it('links a superseded report to the report that replaces it', () => {
		expect(words('old-report')).toEqual([
			'Superseded. A later report replaces this one, which stays here as it was, for the record: [IS-K & the <Taliban>: a "day" report → /reports/day-report/]',
		]);
	});

	it('says how often a report was corrected and updated, and links to the changes', () => {
		expect(words('corrected-report')).toEqual([
			'Corrected and updated. This report has 1 correction and 1 update since it was published on 10 April 2022, the latest on 20 May 2022.[See what changed → #Changes]',
			// Counted from the last change (May 2022), three years have passed by June 2026.
			'Not updated. This brief was published on 10 April 2022 and is not being updated.',
		]);
	});

	it('gives the publisher’s staleness notice to an old report that still stands, in its words', () => {
		expect(words('year-report')).toEqual([
			'Not updated. This analysis was published in 2021 and is not being updated.',
		]);
		expect(reportNotices(get('year-report'), new Date('2024-06-01T00:00:00Z'), POLICY)).toEqual([]);
	});
});

describe('the byline', () => {
	it('gives the report number with its type, the series with volume and issue, and the DOI as a link', () => {
		expect(identifiers(get('corrected-report'))).toEqual([
			{ label: 'Brief No. 7' },
			{ label: 'Khorasan Papers, vol. 2, no. 3' },
			{ label: 'DOI 10.1234/brief.7', href: 'https://doi.org/10.1234/brief.7' },
		]);
		expect(identifiers(get('month-report'))).toEqual([]);
	});

	it('gives the reading time of the text on the page, or says the page is a summary of a document', () => {
		expect(lengthLabel(get('month-report'), 6)).toEqual({ summary: false, text: '6 min read' });
		expect(lengthLabel(get('day-report'), 1)).toEqual({
			summary: true,
			text: 'Summary · full text PDF',
		});
		const withPages = {
			attachments: get('day-report').attachments.map((a) => ({ ...a, pages: 34 })),
		};
		expect(lengthLabel(withPages, 1).text).toBe('Summary · full text PDF, 34 pages');
	});

	it('words dates with “in” for a month or year and “on” for a day', () => {
		expect(whenPhrase(date('2020-12'))).toBe('in December 2020');
		expect(whenPhrase(date('2022-05-07'))).toBe('on 7 May 2022');
	});
});

describe('listings and versions', () => {
	it('labels a report that no longer stands, or was changed', () => {
		expect(stateLabel(get('withdrawn-report'))).toBe('Withdrawn');
		expect(stateLabel(get('old-report'))).toBe('Superseded');
		expect(stateLabel(get('corrected-report'))).toBe('Corrected');
		expect(stateLabel(get('month-report'))).toBeUndefined();
	});

	it('lists the versions oldest first, each with how it began, the current text last', () => {
		expect(versionLines(get('corrected-report'))).toEqual([
			{
				number: 1,
				href: '/reports/corrected-report/v1/',
				text: 'Published 10 April 2022',
				current: false,
			},
			{
				number: 2,
				href: '/reports/corrected-report/v2/',
				text: 'Corrected 12 April 2022',
				current: false,
			},
			{ number: 3, href: undefined, text: 'Updated 20 May 2022', current: true },
		]);
		expect(versionLines(get('month-report'))).toEqual([]);
	});

	it('tells the reader of an earlier version what it is and when it was replaced', () => {
		const report = get('corrected-report');
		expect(versionNotice(report.versions[0]!, report)).toEqual({
			lead: 'Superseded version.',
			text: 'This is version 1 of 3, kept as it was. It was corrected on 12 April 2022; the current version is on the report’s page.',
		});
	});
});
