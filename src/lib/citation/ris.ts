/**
 * RIS for a report (`TY  - RPRT`), as reference managers (Zotero, EndNote, Mendeley) import it.
 *
 * - Lines are `XX  - value`, ended by CR LF as the RIS specification asks; the record ends with
 *   `ER  - `. Values are never wrapped (a wrapped URL breaks).
 * - `PY` is the year; `DA` carries the month or day only when known (`2022/05//`), never a padded
 *   day.
 * - A desk byline, and the publisher credited as group author of an unsigned report, is written
 *   with a trailing comma (`AU  - Rise to Peace Counter-Terrorism Research Fellow,`), RIS's
 *   convention for an institutional author.
 * - The report number is `SN`, the series `T2` (with `VL` and `IS`), the DOI `DO`, the short title
 *   `ST` and the version cited `ET`, as Zotero's RIS translator reads a report.
 */
import type { CitationName, CitationRecord } from './record.ts';

/** One name as RIS writes it: "Mohibi, Ahmad Shah", or "Institution Name,". */
function risName(name: CitationName): string {
	if ('literal' in name) return `${name.literal},`;
	return name.given ? `${name.family}, ${name.given}` : name.family;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The RIS record of a report, lines ended by CR LF. */
export function toRis(record: CitationRecord): string {
	const { year, month, day } = record.issued;
	const lines: [string, string][] = [['TY', 'RPRT']];
	lines.push(['TI', record.title.published]);
	if (record.shortTitle.published !== record.title.published) {
		lines.push(['ST', record.shortTitle.published]);
	}
	for (const author of record.authors) lines.push(['AU', risName(author)]);
	lines.push(['PY', String(year)]);
	if (month !== undefined) {
		lines.push(['DA', `${year}/${pad(month)}/${day !== undefined ? pad(day) : ''}/`]);
	}
	lines.push(['PB', record.publisher]);
	lines.push(['M3', record.genre]);
	if (record.number !== undefined) lines.push(['SN', record.number]);
	if (record.series) {
		lines.push(['T2', record.series.name]);
		if (record.series.volume) lines.push(['VL', record.series.volume]);
		if (record.series.issue) lines.push(['IS', record.series.issue]);
	}
	if (record.version !== undefined) lines.push(['ET', `Version ${record.version}`]);
	if (record.doi) lines.push(['DO', record.doi]);
	lines.push(['UR', record.url]);
	if (record.archive) lines.push(['DB', record.archive]);
	if (record.note) lines.push(['N1', record.note]);
	lines.push(['LA', record.language]);
	lines.push(['ID', record.id]);
	const oneLine = (v: string) => v.replace(/\s*[\r\n]+\s*/g, ' ');
	return [...lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}`), 'ER  - ', ''].join('\r\n');
}
