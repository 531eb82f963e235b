/**
 * BibTeX for a report: a `@techreport` entry that classic BibTeX styles and biblatex both read.
 *
 * - `type` names the report type ("Brief"), so styles do not print their default "Technical
 *   report".
 * - The date keeps its precision: `year`, the month as BibTeX's month macro (`month = may`) only
 *   when known, and biblatex's `date` in ISO form (`2022`, `2022-05` or `2022-05-07`). No day is
 *   ever invented.
 * - A desk byline, and the publisher credited as group author of an unsigned report, is
 *   double-braced (`{{Rise to Peace Counter-Terrorism Research Fellow}}`), so BibTeX treats it as
 *   one institutional name rather than first and last names.
 * - The report number is `number`; a series goes in `series` (with `volume` and `issue`); the DOI
 *   in `doi`; the version cited in biblatex's `version`.
 * - The title is as published, with proper nouns and acronyms braced so that styles which
 *   lower-case titles keep them.
 */
import { bracedCore } from './title.ts';
import type { CitationName, CitationRecord } from './record.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Escapes the characters that are special in BibTeX field values. */
export function escapeBibtex(text: string): string {
	return text
		.replace(/\\/g, '\\textbackslash{}')
		.replace(/([{}&%$#_])/g, '\\$1')
		.replace(/~/g, '\\textasciitilde{}')
		.replace(/\^/g, '\\textasciicircum{}');
}

/** One name as BibTeX reads it: "Mohibi, Ahmad Shah", or a braced institutional name. */
function bibtexName(name: CitationName): string {
	if ('literal' in name) return `{${escapeBibtex(name.literal)}}`;
	const family = escapeBibtex(name.family);
	// Braced, so a multi-word family name ("van der Berg") stays whole.
	const familyPart = /\s/.test(name.family) ? `{${family}}` : family;
	return name.given ? `${familyPart}, ${escapeBibtex(name.given)}` : familyPart;
}

/** A URL as a BibTeX value: only the characters that would end the field are escaped. */
function bibtexUrl(url: string): string {
	return url.replace(/([{}%#])/g, '\\$1');
}

/** The BibTeX entry of a report, ending with a newline. */
export function toBibtex(record: CitationRecord): string {
	const title = record.title.words
		.map((w, i) => (record.title.protect[i] ? bracedCore(escapeBibtex(w)) : escapeBibtex(w)))
		.join(' ');
	const { year, month } = record.issued;
	const fields: [string, string][] = [];
	if (record.authors.length) {
		fields.push(['author', `{${record.authors.map(bibtexName).join(' and ')}}`]);
	}
	fields.push(['title', `{${title}}`]);
	fields.push(['type', `{${escapeBibtex(record.genre)}}`]);
	if (record.number !== undefined) fields.push(['number', `{${escapeBibtex(record.number)}}`]);
	if (record.series) {
		fields.push(['series', `{${escapeBibtex(record.series.name)}}`]);
		if (record.series.volume) fields.push(['volume', `{${escapeBibtex(record.series.volume)}}`]);
		if (record.series.issue) fields.push(['issue', `{${escapeBibtex(record.series.issue)}}`]);
	}
	fields.push(['institution', `{${escapeBibtex(record.publisher)}}`]);
	fields.push(['year', `{${year}}`]);
	if (month !== undefined) fields.push(['month', MONTHS[month - 1]!]);
	fields.push(['date', `{${record.issued.iso}}`]);
	if (record.version !== undefined) fields.push(['version', `{${record.version}}`]);
	if (record.doi) fields.push(['doi', `{${bibtexUrl(record.doi)}}`]);
	fields.push(['url', `{${bibtexUrl(record.url)}}`]);
	if (record.note) fields.push(['note', `{${escapeBibtex(record.note)}}`]);
	fields.push(['langid', `{${record.language === 'en' ? 'english' : record.language}}`]);
	const body = fields.map(([k, v]) => `\t${k} = ${v}`).join(',\n');
	return `@techreport{${record.id},\n${body}\n}\n`;
}
