/** `/<groups|regions|topics|authors>/<slug>/feed.xml`: RSS 2.0 of the newest reports on one term. */
import { feedGet, termFeedPaths } from '../../../data/feeds.ts';

export const getStaticPaths = termFeedPaths;

export const GET = feedGet('rss');
