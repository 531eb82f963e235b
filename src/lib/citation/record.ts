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
import type { Report, ReportVersion } from '../archive/build-archive.ts';
import { credits, type Credit } from '../archive/credits.ts';
import type { PartialDate } from '../model/dates.ts';
import type { Series } from '../model/schema.ts';
import { citationTitle, shortTitle, type CitationTitle } from './title.ts';
import { absoluteUrl, reportPath, versionPath } from '../routes.ts';

/** A name as CSL has it: a person's family and given names, or an institutional byline. */
export type CitationName = { family: string; given?: string } | { literal: string };

/** Everything a citation of one report says, format-neutral. */
export interface CitationRecord {
	/** The report's slug: also the BibTeX key and the CSL id. */
	id: string;
	title: CitationTitle;
	/** The short title of Chicago's short notes, as published and in sentence case. */
	shortTitle: { published: string; sentence: string };
	/** The report type as a reader calls it: "Brief", "Special report". */
	genre: string;
	/**
	 * The credited authors (`../archive/credits.ts`): persons, desks, or for an unsigned report
	 * the publisher as a group author.
	 */
	authors: CitationName[];
	/** The report's number, when its publisher numbers them. */
	number: string | undefined;
	/** The series, with its volume and issue when known. */
	series: Series | undefined;
	/** The DOI, without the resolver. */
	doi: string | undefined;
	/**
	 * The version cited, when the report has more than one: its number (1 for the text as first
	 * published). Undefined for a report never changed.
	 */
	version: number | undefined;
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

/**
 * A credited name split for citation: a person by the `family` name the author file gives, else
 * the last word ("Ahmad Shah Mohibi" → Mohibi, Ahmad Shah). A desk byline, or the publisher
 * credited for an unsigned report, stays whole (a CSL literal), so no style inverts or
 * abbreviates it.
 */
export function citationName(credit: Pick<Credit, 'name' | 'kind' | 'family'>): CitationName {
	const name = credit.name.trim();
	if (credit.kind !== 'person') return { literal: name };
	const family = credit.family?.trim();
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
	| 'slug'
	| 'title'
	| 'published'
	| 'source'
	| 'titleSentenceCase'
	| 'titleShort'
	| 'number'
	| 'series'
	| 'doi'
> {
	type: { name: string };
	authors: Parameters<typeof credits>[0]['authors'];
	/** Earlier versions; only their count matters here. */
	versions: readonly unknown[];
}

/** The parts of an earlier version a citation of it takes instead of the report's. */
export type CitableVersion = Pick<
	ReportVersion,
	'number' | 'title' | 'titleSentenceCase' | 'titleShort' | 'published'
> & { authors: CitableReport['authors'] };

/**
 * The citation record of a report, or of one of its earlier versions: a version is cited with
 * its own title and byline as they were, its number, and its own permanent URL.
 */
export function citationRecord(
	report: CitableReport,
	ctx: CitationContext,
	version?: CitableVersion,
): CitationRecord {
	const source = report.source;
	const title = version?.title ?? report.title;
	const titleSentenceCase = version ? version.titleSentenceCase : report.titleSentenceCase;
	const short = shortTitle(
		title,
		ctx.properNouns,
		report.type.name,
		version ? version.titleShort : report.titleShort,
	);
	const versionNumber =
		version?.number ?? (report.versions.length > 0 ? report.versions.length + 1 : undefined);
	return {
		id: version ? `${report.slug}-v${version.number}` : report.slug,
		title: citationTitle(title, ctx.properNouns, titleSentenceCase),
		shortTitle: { published: short, sentence: citationTitle(short, ctx.properNouns).sentence },
		genre: report.type.name,
		authors: credits({ source, authors: version?.authors ?? report.authors }, ctx.archive).map(
			citationName,
		),
		number: report.number,
		series: report.series,
		// A DOI names the report, whose page is its current text; an earlier version is cited by
		// its own address instead.
		doi: version ? undefined : report.doi,
		version: versionNumber,
		issued: version?.published ?? report.published,
		publisher: source?.publisher ?? ctx.archive,
		originalUrl: source?.url,
		url: absoluteUrl(
			version ? versionPath(report.slug, version.number) : reportPath(report.slug),
			ctx.site,
		),
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
	'title-short'?: string;
	author?: CitationName[];
	issued: { 'date-parts': [number[]] };
	publisher: string;
	/** The report type, given with a report number ("Brief No. 12"). */
	genre?: string;
	number?: string;
	'collection-title'?: string;
	volume?: string;
	issue?: string;
	DOI?: string;
	version?: string;
	/** Only in the item Chicago formats (`../citation/styles.ts`): "version 2". */
	edition?: string;
	'collection-number'?: string;
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
		...(record.shortTitle.sentence !== record.title.sentence
			? { 'title-short': record.shortTitle.sentence }
			: {}),
		...(record.authors.length ? { author: record.authors } : {}),
		issued: cslDateParts(record.issued),
		publisher: record.publisher,
		...(record.number !== undefined ? { genre: record.genre, number: record.number } : {}),
		...(record.series ? { 'collection-title': record.series.name } : {}),
		...(record.series?.volume !== undefined ? { volume: record.series.volume } : {}),
		...(record.series?.issue !== undefined ? { issue: record.series.issue } : {}),
		...(record.doi ? { DOI: record.doi } : {}),
		...(record.version !== undefined ? { version: String(record.version) } : {}),
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
