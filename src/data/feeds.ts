/**
 * The archive's feeds, for the feed endpoints and the pages that announce them. The feeds
 * themselves are built in `src/lib/outputs/feeds.ts`; this module only picks the archive and the site.
 */
import { getArchive } from './archive.ts';
import { allFeeds, siteFeed, termFeed, type FeedSpec } from '../lib/outputs/feeds.ts';
import { FEED_KINDS } from '../lib/model/kinds.ts';
import { SITE } from '../site.ts';

/** The feed of every public report. */
export async function getSiteFeed(): Promise<FeedSpec> {
	return siteFeed(await getArchive(), SITE);
}

/** Static paths for the endpoints of one format: one per term of each kind that has feeds. */
export async function termFeedPaths() {
	const archive = await getArchive();
	return FEED_KINDS.flatMap((kind) =>
		archive[kind].map((term) => ({
			params: { kind, slug: term.slug },
			props: { feed: termFeed(term, SITE) },
		})),
	);
}

/** Every feed, for tests and listings. */
export async function getAllFeeds(): Promise<FeedSpec[]> {
	return allFeeds(await getArchive(), SITE);
}
