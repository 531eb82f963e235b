import { describe, expect, it } from 'vitest';
import {
	dateFormHint,
	comparePartialDates,
	formatPartialDate,
	parsePartialDate,
	PARTIAL_DATE_FORMS,
	type PartialDate,
} from '../../../src/lib/model/dates.ts';

/** The parsed date, failing the test with the parser's message if it was rejected. */
function date(value: unknown): PartialDate {
	const result = parsePartialDate(value);
	if ('error' in result)
		throw new Error(`expected ${String(value)} to parse, got: ${result.error}`);
	return result;
}

/** The parser's error message, failing the test if the value was accepted. */
function rejection(value: unknown): string {
	const result = parsePartialDate(value);
	if (!('error' in result))
		throw new Error(`expected ${String(value)} to be rejected, got ${result.iso}`);
	return result.error;
}

describe('parsePartialDate', () => {
	it('reads the string "2022" as a year-precision date with no month or day', () => {
		expect(date('2022')).toStrictEqual({ year: 2022, precision: 'year', iso: '2022' });
	});

	it('reads the number 2022 (what YAML gives for an unquoted year) as the same year', () => {
		expect(date(2022)).toStrictEqual({ year: 2022, precision: 'year', iso: '2022' });
	});

	it('reads "2022-05" as a month-precision date without inventing a day', () => {
		expect(date('2022-05')).toStrictEqual({
			year: 2022,
			month: 5,
			precision: 'month',
			iso: '2022-05',
		});
	});

	it('reads "2022-05-07" as a day-precision date', () => {
		expect(date('2022-05-07')).toStrictEqual({
			year: 2022,
			month: 5,
			day: 7,
			precision: 'day',
			iso: '2022-05-07',
		});
	});

	it('reads a Date at UTC midnight (YAML for an unquoted 2022-05-07) as that calendar day', () => {
		expect(date(new Date(Date.UTC(2022, 4, 7)))).toStrictEqual({
			year: 2022,
			month: 5,
			day: 7,
			precision: 'day',
			iso: '2022-05-07',
		});
	});

	it('ignores surrounding whitespace in a string', () => {
		expect(date(' 2022-05 \n').iso).toBe('2022-05');
	});

	it('accepts 29 February in a leap year', () => {
		expect(date('2024-02-29').iso).toBe('2024-02-29');
	});

	it('rejects month 13 and says months run 01 to 12', () => {
		expect(rejection('2022-13')).toBe('"2022-13" has month 13; months run 01 to 12');
	});

	it('rejects month 00', () => {
		expect(rejection('2022-00')).toBe('"2022-00" has month 00; months run 01 to 12');
	});

	it('reports the impossible month of "2022-13-45" before its impossible day', () => {
		expect(rejection('2022-13-45')).toBe('"2022-13-45" has month 13; months run 01 to 12');
	});

	it('rejects 30 February and names the days February of that year has', () => {
		expect(rejection('2022-02-30')).toBe(
			'"2022-02-30" has day 30; February 2022 has days 01 to 28',
		);
	});

	it('rejects 29 February outside a leap year', () => {
		expect(rejection('2023-02-29')).toBe(
			'"2023-02-29" has day 29; February 2023 has days 01 to 28',
		);
	});

	it('rejects 31 April, naming April’s 30 days', () => {
		expect(rejection('2022-04-31')).toBe('"2022-04-31" has day 31; April 2022 has days 01 to 30');
	});

	it('rejects day 00', () => {
		expect(rejection('2022-05-00')).toBe('"2022-05-00" has day 00; May 2022 has days 01 to 31');
	});

	it('rejects "May 2022", lists the forms an author may write and says how to write it', () => {
		expect(rejection('May 2022')).toBe(
			`"May 2022" is not a date written as ${PARTIAL_DATE_FORMS}; write "2022-05"`,
		);
		expect(PARTIAL_DATE_FORMS).toContain('YYYY, YYYY-MM or YYYY-MM-DD');
	});

	it('rejects single-digit months and days such as "2022-5-7"', () => {
		expect(rejection('2022-5-7')).toContain('is not a date written as');
	});

	it('rejects a Date with a time of day', () => {
		expect(rejection(new Date('2022-05-07T10:30:00Z'))).toBe(
			`a time of day is not allowed here; use ${PARTIAL_DATE_FORMS}`,
		);
	});

	it('rejects a Date that is midnight in another time zone but not at UTC', () => {
		expect(rejection(new Date('2022-05-07T00:00:00+02:00'))).toContain(
			'a time of day is not allowed',
		);
	});

	// Fails against src/lib/model/dates.ts as written: the time-of-day check adds hours, minutes and
	// seconds but ignores milliseconds, so 00:00:00.500 UTC is accepted as a plain day.
	it('rejects a Date whose only time of day is a fraction of a second', () => {
		expect(rejection(new Date('2022-05-07T00:00:00.500Z'))).toContain(
			'a time of day is not allowed',
		);
	});

	it('rejects an invalid Date', () => {
		expect(rejection(new Date('not a date'))).toBe(`not a date; use ${PARTIAL_DATE_FORMS}`);
	});

	it('rejects a number that is not a whole year', () => {
		expect(rejection(2022.5)).toBe(`expected a date written as ${PARTIAL_DATE_FORMS}`);
	});

	it('rejects values that are neither string, number nor Date', () => {
		expect(rejection(null)).toBe(`expected a date written as ${PARTIAL_DATE_FORMS}`);
		expect(rejection(true)).toBe(`expected a date written as ${PARTIAL_DATE_FORMS}`);
	});

	it('rejects a year before 1000', () => {
		expect(rejection('0999')).toBe('year 0999 is out of range');
	});
});

describe('formatPartialDate', () => {
	it('shows a year-precision date as the year alone', () => {
		expect(formatPartialDate(date('2022'))).toBe('2022');
	});

	it('shows a month-precision date as month name and year', () => {
		expect(formatPartialDate(date('2022-05'))).toBe('May 2022');
	});

	it('shows a day-precision date as day, month name and year, without a leading zero', () => {
		expect(formatPartialDate(date('2022-05-07'))).toBe('7 May 2022');
		expect(formatPartialDate(date('2021-12-25'))).toBe('25 December 2021');
	});
});

describe('comparePartialDates', () => {
	const sortIsos = (isos: string[]) =>
		isos
			.map(date)
			.sort(comparePartialDates)
			.map((d) => d.iso);

	it('sorts a less precise date before a more precise one at the same start: 2022 < 2022-01 < 2022-01-01', () => {
		expect(sortIsos(['2022-01-01', '2022', '2022-01-02', '2022-01'])).toEqual([
			'2022',
			'2022-01',
			'2022-01-01',
			'2022-01-02',
		]);
	});

	it('sorts a month after the last day of the previous month and before a day in it', () => {
		expect(sortIsos(['2022-05-07', '2022-05', '2022-04-30'])).toEqual([
			'2022-04-30',
			'2022-05',
			'2022-05-07',
		]);
	});

	it('sorts across years by year first', () => {
		expect(sortIsos(['2023', '2021-12-31', '2022-06'])).toEqual(['2021-12-31', '2022-06', '2023']);
	});

	it('treats the same date written the same way as equal, and is antisymmetric', () => {
		expect(comparePartialDates(date('2022-05'), date('2022-05'))).toBe(0);
		expect(comparePartialDates(date('2022'), date('2022-05'))).toBeLessThan(0);
		expect(comparePartialDates(date('2022-05'), date('2022'))).toBeGreaterThan(0);
	});
});

describe('dateFormHint', () => {
	it('turns common date forms into the one the archive reads', () => {
		expect(dateFormHint('28/11/2026')).toBe('write "2026-11-28"');
		expect(dateFormHint('11/28/2026')).toBe('write "2026-11-28"');
		expect(dateFormHint('28.11.2026')).toBe('write "2026-11-28"');
		expect(dateFormHint('November 28, 2026')).toBe('write "2026-11-28"');
		expect(dateFormHint('28 Nov 2026')).toBe('write "2026-11-28"');
		expect(dateFormHint('November 2026')).toBe('write "2026-11"');
	});

	it('gives both readings when day and month could be either way round', () => {
		expect(dateFormHint('04/05/2026')).toBe(
			'write "2026-05-04" if you meant 4 May 2026, or "2026-04-05" if you meant 5 April 2026',
		);
	});

	it('says nothing for text that is no date, or an impossible one', () => {
		expect(dateFormHint('soon')).toBeUndefined();
		expect(dateFormHint('31/02/2026')).toBeUndefined();
	});

	it('is part of the error for a date in another form', () => {
		expect(parsePartialDate('28/11/2026')).toEqual({
			error:
				'"28/11/2026" is not a date written as YYYY, YYYY-MM or YYYY-MM-DD (for example 2022, 2022-05 or 2022-05-07); write "2026-11-28"',
		});
	});
});
