/**
 * Who is credited for a report in machine-readable outputs (feeds, citation tags, JSON-LD, the
 * JSON index), decided once.
 *
 * A byline can be a named person, a desk (an institutional or anonymous byline such as "Research
 * Fellow"), or missing. A desk is not a person, so outputs that expect personal names credit it
 * as an organisation; an unsigned report is credited to the organisation that published it, as
 * style guides do for works with no individual author. Nothing is invented: no personal name is
 * made up for a desk or an unsigned report.
 */
import type { Report } from './build-archive.ts';

/** One credited author. */
export interface Credit {
	/** The byline as printed: "Jane Analyst", "Counter-Terrorism Research Fellow", "Rise to Peace". */
	name: string;
	/**
	 * `person` for a named individual; `desk` for an institutional or anonymous byline;
	 * `organisation` when the report is unsigned and the publisher stands in for the author.
	 */
	kind: 'person' | 'desk' | 'organisation';
	/** The author's page on this site (persons and desks). */
	url?: string;
	/** The organisation the author wrote for, when the byline names one. */
	affiliation?: string;
}

type Creditable = Pick<Report, 'authors' | 'source'>;

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
	}));
}

/**
 * The name a citation index should file a credit under: a person's name as printed; for a desk,
 * the organisation it writes for (a job title is not an author name), or the desk's name when it
 * names none; for an unsigned report, the publisher.
 */
export function citationName(credit: Credit): string {
	return credit.kind === 'desk' ? (credit.affiliation ?? credit.name) : credit.name;
}
