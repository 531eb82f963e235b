/**
 * The one place a build's publish mode is decided, for every integration that needs it:
 * `preview` under `astro dev` or when `BRIEF_PREVIEW` is set (by `npm run preview:drafts`),
 * `publish` otherwise (the rule itself is `resolvePublishMode` in src/lib/model/publish.ts). The
 * content-check integration hands the result to the pages as a constant (src/data/archive.ts);
 * the social cards draw the cards of the same reports, and the search index begun early in a build
 * from nothing expects their pages.
 */
import { resolve } from 'node:path';
import { readableReports } from '../lib/checks/entries.ts';
import { contentDir } from '../lib/model/collections.ts';
import {
	isIncluded,
	resolveBuildTime,
	resolvePublishMode,
	type PublishMode,
} from '../lib/model/publish.ts';
import type { ReportData } from '../lib/model/schema.ts';
import { readFolder } from '../lib/node/folder.ts';
import { contentEntryCache } from './content-check.ts';

/** The publish mode of the Astro command being run (`build`, `dev`, …). */
export function publishModeOf(command: string): PublishMode {
	return resolvePublishMode(process.env.BRIEF_PREVIEW, command === 'dev');
}

/**
 * The reports a build in `mode` includes, read from their frontmatter as the content checks left
 * it (without waiting for Astro), before Astro starts.
 */
export function includedReports(
	root: string,
	mode: PublishMode,
	now = resolveBuildTime(process.env.BRIEF_BUILD_TIME),
): { slug: string; data: ReportData }[] {
	return readableReports(
		readFolder(resolve(root, contentDir()), root),
		now,
		contentEntryCache(root),
	)
		.filter((r) => isIncluded(r.data, now, mode))
		.map(({ slug, data }) => ({ slug, data }));
}
