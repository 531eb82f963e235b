/**
 * Dates with honest precision.
 *
 * A report is often known to have been published only in a given month or year. We keep exactly
 * what the author wrote (`2022`, `2022-05`, `2022-05-07`) and never pad it into an invented day.
 */

/** How much of a date is known. */
export type DatePrecision = 'year' | 'month' | 'day';

/** A calendar date known to year, month or day precision. */
export interface PartialDate {
	year: number;
	/** 1–12, present for month and day precision. */
	month?: number;
	/** 1–31, present for day precision. */
	day?: number;
	precision: DatePrecision;
	/** The canonical written form: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
	iso: string;
}

/** English month names, January first. */
export const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
] as const;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** What an author may write, explained in errors. */
export const PARTIAL_DATE_FORMS =
	'YYYY, YYYY-MM or YYYY-MM-DD (for example 2022, 2022-05 or 2022-05-07)';

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Parses a partial date as it arrives from YAML frontmatter: a string (`"2022-05"`), a number
 * (`2022`, which YAML reads as an integer) or a Date (YAML turns an unquoted `2022-05-07` into a
 * timestamp at UTC midnight, so its UTC fields are the date the author wrote).
 *
 * @returns the date, or an error message saying what is allowed.
 */
export function parsePartialDate(value: unknown): PartialDate | { error: string } {
	let text: string;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return { error: `not a date; use ${PARTIAL_DATE_FORMS}` };
		if (value.getTime() % 86_400_000 !== 0) {
			return { error: `a time of day is not allowed here; use ${PARTIAL_DATE_FORMS}` };
		}
		text = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
	} else if (typeof value === 'number' && Number.isInteger(value)) {
		text = String(value);
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		return { error: `expected a date written as ${PARTIAL_DATE_FORMS}` };
	}
	const m = PARTIAL_DATE.exec(text);
	if (!m) {
		const hint = dateFormHint(text);
		return {
			error: `"${text}" is not a date written as ${PARTIAL_DATE_FORMS}${hint ? `; ${hint}` : ''}`,
		};
	}
	const year = Number(m[1]);
	if (year < 1000) return { error: `year ${m[1]} is out of range` };
	if (m[2] === undefined) return { year, precision: 'year', iso: m[1]! };
	const month = Number(m[2]);
	if (month < 1 || month > 12) return { error: `"${text}" has month ${m[2]}; months run 01 to 12` };
	if (m[3] === undefined) return { year, month, precision: 'month', iso: `${m[1]}-${m[2]}` };
	const day = Number(m[3]);
	const last = daysInMonth(year, month);
	if (day < 1 || day > last) {
		return {
			error: `"${text}" has day ${m[3]}; ${MONTHS[month - 1]} ${year} has days 01 to ${last}`,
		};
	}
	return { year, month, day, precision: 'day', iso: text };
}

/** The ISO form of a year, month and day, if they make a real date. */
function isoDay(year: number, month: number, day: number): string | undefined {
	if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
		return undefined;
	}
	return `${year}-${pad(month)}-${pad(day)}`;
}

/** The month (1–12) a name or three-letter abbreviation stands for. */
function monthOf(name: string): number | undefined {
	const lower = name.toLowerCase().replace(/\.$/, '');
	const i = MONTHS.findIndex(
		(m) => m.toLowerCase() === lower || m.toLowerCase().slice(0, 3) === lower,
	);
	return i < 0 ? undefined : i + 1;
}

/**
 * How to write a date given in another common form, for error messages: `28/11/2026` and
 * `November 28, 2026` become `write "2026-11-28"`; a day and month that could be either way
 * round get both readings. Undefined when the text is no date form it knows.
 */
export function dateFormHint(text: string): string | undefined {
	const numeric = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
	if (numeric) {
		const [a, b, y] = numeric.slice(1).map(Number) as [number, number, number];
		const dayFirst = isoDay(y, b, a);
		const monthFirst = isoDay(y, a, b);
		if (dayFirst && monthFirst && dayFirst !== monthFirst) {
			return `write "${dayFirst}" if you meant ${a} ${MONTHS[b - 1]} ${y}, or "${monthFirst}" if you meant ${b} ${MONTHS[a - 1]} ${y}`;
		}
		const iso = dayFirst ?? monthFirst;
		return iso ? `write "${iso}"` : undefined;
	}
	const words = text.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
	const year = words.find((w) => /^\d{4}$/.test(w));
	const month = words.map(monthOf).find((n) => n !== undefined);
	const day = words.find((w) => /^\d{1,2}(st|nd|rd|th)?$/.test(w));
	if (!year || !month || words.length > 3) return undefined;
	if (!day) return words.length === 2 ? `write "${year}-${pad(month)}"` : undefined;
	const iso = isoDay(Number(year), month, parseInt(day, 10));
	return iso ? `write "${iso}"` : undefined;
}

/** Display form: "2022", "May 2022" or "7 May 2022". */
export function formatPartialDate(date: PartialDate): string {
	if (date.month === undefined) return String(date.year);
	const month = MONTHS[date.month - 1]!;
	if (date.day === undefined) return `${month} ${date.year}`;
	return `${date.day} ${month} ${date.year}`;
}

/**
 * Orders dates oldest first. A less precise date sorts as the start of its period, and before a
 * more precise date at the same start, so "2022" < "2022-01" < "2022-01-01" < "2022-01-02" and
 * "May 2022" sorts before "7 May 2022" but after "30 April 2022".
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
	return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}
