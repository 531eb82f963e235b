/** `/feed-full.xml`: RSS 2.0 of the newest public reports, each in full. */
import { feedGet, getFullTextFeed } from '../data/feeds.ts';

export const GET = feedGet('rss', getFullTextFeed);
