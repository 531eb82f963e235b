/** The document title: "Page · Site", or the site name alone on the home page. */
export function pageTitle(title: string | undefined, site: string): string {
	return title ? `${title} · ${site}` : site;
}
