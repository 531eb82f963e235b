/**
 * Who a report is credited to, decided once for every output: the byline, the citation tags, the
 * JSON-LD, the JSON index, the feeds and every citation format (CSL-JSON, APA, Chicago, BibTeX,
 * RIS) take their names from `credits`.
 *
 * A byline can be a named person, a desk (an institutional or anonymous byline such as "Research
 * Fellow"), or missing. A desk is credited as the institutional name it is, as printed. An
 * unsigned report is credited to the organisation that published it, as a group author: that is
 * how APA 7 (§9.11, group authors) and the Chicago Manual of Style (17th ed., 14.84, an
 * organisation as author) cite a report an organisation issues under no personal name, and how
 * think-tank reports without a byline are cited in practice. Nothing is invented: no personal
 * name is made up for a desk or an unsigned report, and the page still says "Unsigned".
 */
import type { Report } from './build-archive.ts';

/** One credited author. */
export interface Credit {
	/** The name as credited: "Jane Analyst", "Counter-Terrorism Research Fellow", "Rise to Peace". */
	name: string;
	/**
	 * `person` for a named individual; `desk` for an institutional or anonymous byline;
	 * `organisation` when the report is unsigned and its publisher is credited as the group author.
	 */
	kind: 'person' | 'desk' | 'organisation';
	/** The author's page on this site (persons and desks). */
	url?: string;
	/** The organisation the author wrote for, when the byline names one. */
	affiliation?: string;
	/** A person's family name as written in `name`, when it is not the last word. */
	family?: string;
}

type Creditable = Pick<Report, 'source'> & {
	authors: readonly {
		name: string;
		url: string;
		data: {
			kind: 'person' | 'desk';
			affiliation?: string | undefined;
			family?: string | undefined;
		};
	}[];
};

/** The organisation that first published a report: the provenance's publisher, else this site's. */
export function originalPublisher(report: Pick<Report, 'source'>, sitePublisher: string): string {
	return report.source?.publisher ?? sitePublisher;
}

/** The report's credited authors, in byline order; an unsigned report credits its publisher. */
export function credits(report: Creditable, sitePublisher: string): Credit[] {
	if (report.authors.length === 0) {
		return [{ name: originalPublisher(report, sitePublisher), kind: 'organisation' }];
	}
	return report.authors.map((author) => ({
		name: author.name,
		kind: author.data.kind,
		url: author.url,
		...(author.data.affiliation ? { affiliation: author.data.affiliation } : {}),
		...(author.data.family ? { family: author.data.family } : {}),
	}));
}

/** Whether the report is unsigned, so that its publisher stands as the group author. */
export function isUnsigned(report: { authors: readonly unknown[] }): boolean {
	return report.authors.length === 0;
}
