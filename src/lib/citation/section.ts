/**
 * Citing one section of a report. The reference stays that of the whole report (a reference list
 * cites works, not their parts); the section is named the way APA 7 points into a work without
 * page numbers ("Regional Instability section", §8.13), and the URL is the section's own
 * permanent link.
 *
 * The page carries one template per report; the copy control fills it in the browser with the
 * heading's text and URL, so each heading's HTML grows by nothing.
 */

const SECTION = '{section}';
const URL = '{url}';

/**
 * The section-citation template of a report, from its APA reference and permanent URL: the
 * reference with its URL replaced by "“{section}” section. {url}".
 */
export function sectionCitationTemplate(apaText: string, reportUrl: string): string {
	const before = apaText.endsWith(reportUrl)
		? apaText.slice(0, -reportUrl.length).trimEnd()
		: apaText;
	return `${before} “${SECTION}” section. ${URL}`;
}

/** The citation of one section, from the template (filled in one pass: a title may contain "{url}"). */
export function sectionCitation(
	template: string,
	sectionTitle: string,
	sectionUrl: string,
): string {
	return template.replace(/\{section\}|\{url\}/g, (slot) =>
		slot === SECTION ? sectionTitle.trim() : sectionUrl,
	);
}

/** The absolute URL of a section: the report's permanent URL and the heading's id. */
export function sectionUrl(reportUrl: string, id: string): string {
	return `${reportUrl.replace(/#.*$/, '')}#${encodeURIComponent(id)}`;
}
