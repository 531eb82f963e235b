/** `/corrections/feed.json`: JSON Feed 1.1 of every correction, update and withdrawal. */
import { feedGet, getCorrectionsFeed } from '../../data/feeds.ts';

export const GET = feedGet('json', getCorrectionsFeed);
