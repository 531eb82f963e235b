/**
 * The publish rule, in one place. Every output (pages, listings, counts, related lists, feeds,
 * sitemap, JSON, search index) decides what is public through `isPublic`.
 */

export interface PublishFields {
	status: 'draft' | 'published';
	embargo?: Date | undefined;
}

/**
 * A report is public only when its status is `published` and any embargo has passed at `now`
 * (the build time). An embargo exactly at `now` has passed.
 */
export function isPublic(report: PublishFields, now: Date): boolean {
	if (report.status !== 'published') return false;
	if (report.embargo && report.embargo.getTime() > now.getTime()) return false;
	return true;
}
