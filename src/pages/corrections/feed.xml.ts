/** `/corrections/feed.xml`: RSS 2.0 of every correction, update and withdrawal. */
import { feedGet, getCorrectionsFeed } from '../../data/feeds.ts';

export const GET = feedGet('rss', getCorrectionsFeed);
