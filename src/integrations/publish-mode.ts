/**
 * The one place a build's publish mode is decided, for every integration that needs it:
 * `preview` under `astro dev` or when `BRIEF_PREVIEW` is set (by `npm run preview:drafts`),
 * `publish` otherwise (the rule itself is `resolvePublishMode` in src/lib/model/publish.ts). The
 * content-check integration hands the result to the pages as a constant (src/data/archive.ts);
 * the social cards draw the cards of the same reports.
 */
import { resolvePublishMode, type PublishMode } from '../lib/model/publish.ts';

/** The publish mode of the Astro command being run (`build`, `dev`, …). */
export function publishModeOf(command: string): PublishMode {
	return resolvePublishMode(process.env.BRIEF_PREVIEW, command === 'dev');
}
