/**
 * The citation record of a report: one plain description of what a reader cites, from which every
 * format is made (CSL-JSON and, through the CSL processor, APA and Chicago; BibTeX; RIS).
 *
 * The archive republishes reports first published elsewhere. A careful citation of an archived
 * copy names the work as its original publisher issued it (author, date, title, publisher) and
 * points to the copy the reader consulted, the archive's permanent URL, naming the archive that
 * holds it (both APA and Chicago cite the version consulted). The original URL from the
 * provenance goes into the note of the machine-readable formats. See docs/citations.md.
 */
import type { Report } from '../archive/build-archive.ts';
import type { PartialDate } from '../model/dates.ts';
import { citationTitle, type CitationTitle } from './title.ts';
import { absoluteUrl, reportPath } from '../routes.ts';

/** A name as CSL has it: a person's family and given names, or an institutional byline. */
export type CitationName = { family: string; given?: string } | { literal: string };

/** Everything a citation of one report says, format-neutral. */
export interface CitationRecord {
	/** The report's slug: also the BibTeX key and the CSL id. */
	id: string;
	title: CitationTitle;
	/** The report type as a reader calls it: "Brief", "Special report". */
	genre: string;
	/** Empty for an unsigned report. */
	authors: CitationName[];
	/** Publication date, at the precision known. */
	issued: PartialDate;
	/** The original publisher (or this archive, for a report first published here). */
	publisher: string;
	/** Where the report was first published, when known. */
	originalUrl: string | undefined;
	/** The archive's permanent URL of the report: the copy a reader consulted. */
	url: string;
	/** The archive holding the copy, when the report was first published elsewhere. */
	archive: string | undefined;
	/** A sentence on the provenance for the notes of BibTeX, RIS and CSL-JSON. */
	note: string | undefined;
	language: string;
}

/** What a citation needs to know about the site. */
export interface CitationContext {
	/** The site's public URL. */
	site: string;
	/** The archive's name, as the holder of archived copies and publisher of its own reports. */
	archive: string;
	/** Names that keep their capitals in sentence case (see `properNouns`). */
	properNouns: readonly string[];
	/** The site language, e.g. `en`. */
	language: string;
}

/** Authors as the archive knows them: a name, a kind and an optional family name. */
export interface NamedAuthor {
	name: string;
	data: { kind: 'person' | 'desk'; family?: string | undefined };
}

/**
 * A person's name split for citation: the `family` name the author file gives, else the last
 * word ("Ahmad Shah Mohibi" → Mohibi, Ahmad Shah). A desk byline stays whole (a CSL literal), so
 * no style inverts or abbreviates it.
 */
export function citationName(author: NamedAuthor): CitationName {
	const name = author.name.trim();
	if (author.data.kind === 'desk') return { literal: name };
	const family = author.data.family?.trim();
	if (family && name.includes(family)) {
		const given = name.replace(family, '').replace(/\s+/g, ' ').trim();
		return given ? { family, given } : { family };
	}
	const words = name.split(/\s+/);
	if (words.length === 1) return { family: name };
	return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
}

/**
 * The names that keep their capitals in a sentence-case title: every group's and place's name,
 * short name and aliases.
 */
export function properNouns(
	terms: readonly {
		name: string;
		aliases: readonly string[];
		/** A group's data carries its `shortName`. */
		data: object;
	}[],
): string[] {
	const names = new Set<string>();
	for (const t of terms) {
		names.add(t.name);
		const short = (t.data as { shortName?: unknown }).shortName;
		if (typeof short === 'string') names.add(short);
		for (const a of t.aliases) names.add(a);
	}
	return [...names];
}

/** What a citation needs of a report (a `Report` has it all). */
export interface CitableReport extends Pick<
	Report,
	'slug' | 'title' | 'published' | 'source' | 'titleSentenceCase'
> {
	type: { name: string };
	authors: readonly NamedAuthor[];
}

/** The citation record of a report. */
export function citationRecord(report: CitableReport, ctx: CitationContext): CitationRecord {
	const source = report.source;
	return {
		id: report.slug,
		title: citationTitle(report.title, ctx.properNouns, report.titleSentenceCase),
		genre: report.type.name,
		authors: report.authors.map(citationName),
		issued: report.published,
		publisher: source?.publisher ?? ctx.archive,
		originalUrl: source?.url,
		url: absoluteUrl(reportPath(report.slug), ctx.site),
		archive: source ? ctx.archive : undefined,
		note: source
			? `Originally published by ${source.publisher}${source.url ? ` (${source.url})` : ''}; archived copy in ${ctx.archive}.`
			: undefined,
		language: ctx.language,
	};
}

/** CSL date parts at the precision known: [[2022]], [[2022, 5]] or [[2022, 5, 7]]. */
export function cslDateParts(date: PartialDate): { 'date-parts': [number[]] } {
	const parts = [date.year];
	if (date.month !== undefined) parts.push(date.month);
	if (date.month !== undefined && date.day !== undefined) parts.push(date.day);
	return { 'date-parts': [parts] };
}

/** A CSL-JSON item (the subset this archive fills). */
export interface CslItem {
	id: string;
	type: 'report';
	title: string;
	author?: CitationName[];
	issued: { 'date-parts': [number[]] };
	publisher: string;
	URL: string;
	archive?: string;
	note?: string;
	language: string;
}

/**
 * The CSL-JSON item. The title is in sentence case, as CSL expects: styles that want headline
 * capitals (Chicago) convert it; none can reliably go the other way.
 */
export function toCslItem(record: CitationRecord): CslItem {
	return {
		id: record.id,
		type: 'report',
		title: record.title.sentence,
		...(record.authors.length ? { author: record.authors } : {}),
		issued: cslDateParts(record.issued),
		publisher: record.publisher,
		URL: record.url,
		...(record.archive ? { archive: record.archive } : {}),
		...(record.note ? { note: record.note } : {}),
		language: record.language,
	};
}

/**
 * The downloadable CSL-JSON file: an array of one item, as Zotero, pandoc and citeproc read it,
 * indented, with the date parts kept on one line (`"date-parts": [[2022,5]]`).
 */
export function toCslJson(record: CitationRecord): string {
	const json = JSON.stringify(
		[toCslItem(record)],
		(key, value: unknown) => (key === 'date-parts' ? `@@${JSON.stringify(value)}@@` : value),
		2,
	);
	return `${json.replace(/"@@(\[[\d,[\]]*\])@@"/g, '$1')}\n`;
}
