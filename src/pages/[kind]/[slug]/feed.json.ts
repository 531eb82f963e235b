/** `/<groups|regions|topics|authors>/<slug>/feed.json`: JSON Feed 1.1 of the newest reports on one term. */
import { feedGet, termFeedPaths } from '../../../data/feeds.ts';

export const getStaticPaths = termFeedPaths;

export const GET = feedGet('json');
