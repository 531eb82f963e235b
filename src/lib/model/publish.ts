/**
 * The publish rule, in one place. Every output (pages, listings, counts, related lists, feeds,
 * sitemap, JSON, search index) decides what is public through `isPublic`, by way of
 * `buildArchive`, which applies it once per build.
 *
 * Authors' previews (`npm run dev`, `npm run preview:drafts`) widen the rule through
 * `isIncluded` in preview mode: every report is shown there, marked with its `visibility`. They
 * never build into `dist/`.
 */

export interface PublishFields {
	status: 'draft' | 'published';
	embargo?: Date | undefined;
}

/** Whether a report is public at a given moment, and if not, why not. */
export type Visibility =
	{ state: 'public' } | { state: 'draft' } | { state: 'embargoed'; until: Date };

/**
 * `publish` builds the public site: only public reports exist in it. `preview` builds an author's
 * preview: every report, unpublished ones marked, every page `noindex`.
 */
export type PublishMode = 'publish' | 'preview';

/**
 * Why a report is or is not public at `now` (the build time): a draft never is; a published
 * report is once any embargo has passed. An embargo exactly at `now` has passed. An invalid `now`
 * keeps every embargoed report private: the rule fails closed.
 */
export function visibility(report: PublishFields, now: Date): Visibility {
	if (report.status !== 'published') return { state: 'draft' };
	const embargo = report.embargo;
	if (embargo && !(embargo.getTime() <= now.getTime()))
		return { state: 'embargoed', until: embargo };
	return { state: 'public' };
}

/**
 * A report is public only when its status is `published` and any embargo has passed at `now`
 * (the build time).
 */
export function isPublic(report: PublishFields, now: Date): boolean {
	return visibility(report, now).state === 'public';
}

/**
 * Whether a build in `mode` includes a report: a public build only what `isPublic` allows, an
 * author's preview every report.
 */
export function isIncluded(report: PublishFields, now: Date, mode: PublishMode): boolean {
	return mode === 'preview' || isPublic(report, now);
}

/**
 * The build's "now", against which embargoes are checked: `BRIEF_BUILD_TIME` (an ISO date-time
 * with an offset, for tests and scheduled builds) or the current time. Throws on a value that is
 * not a date-time with an offset, rather than guessing.
 */
export function resolveBuildTime(value: string | undefined, current = new Date()): Date {
	if (value === undefined || value.trim() === '') return current;
	const text = value.trim();
	const date = new Date(text);
	if (!/(?:Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(date.getTime())) {
		throw new Error(
			`BRIEF_BUILD_TIME="${value}" is not a date-time with a time-zone offset; write e.g. 2026-06-01T00:00:00Z`,
		);
	}
	return date;
}

/**
 * The publish mode of a build: `preview` under `astro dev` or when `BRIEF_PREVIEW` is set (by
 * `npm run preview:drafts`), `publish` otherwise.
 */
export function resolvePublishMode(previewFlag: string | undefined, dev: boolean): PublishMode {
	return dev || (previewFlag !== undefined && previewFlag !== '' && previewFlag !== '0')
		? 'preview'
		: 'publish';
}
