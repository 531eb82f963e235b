/**
 * The archive's feeds, for the feed endpoints and the pages that announce them. The feeds
 * themselves are built in `src/lib/outputs/feeds.ts`; this module only picks the archive and the site.
 */
import { getArchive, getCacheKeys } from './archive.ts';
import { allFeeds, siteFeed, termFeed, type FeedSpec } from '../lib/outputs/feeds.ts';
import type { FeedFormat } from '../lib/routes.ts';
import { FEED_KINDS } from '../lib/model/kinds.ts';
import { SITE } from '../site.ts';

/** The feed of every public report. */
export async function getSiteFeed(): Promise<FeedSpec> {
	return siteFeed(await getArchive(), SITE);
}

/** Static paths for the endpoints of one format: one per term of each kind that has feeds. */
export function termFeedPaths(format: FeedFormat) {
	return async () => {
		const [archive, keys] = await Promise.all([getArchive(), getCacheKeys()]);
		return FEED_KINDS.flatMap((kind) =>
			archive[kind].map((term) => {
				const feed = termFeed(term, SITE);
				return {
					params: { kind, slug: term.slug },
					props: { feed },
					cacheKey: keys.termFeed(feed, format),
				};
			}),
		);
	};
}

/** Every feed, for tests and listings. */
export async function getAllFeeds(): Promise<FeedSpec[]> {
	return allFeeds(await getArchive(), SITE);
}
