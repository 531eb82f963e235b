/** `/feed.xml`: RSS 2.0 of the newest public reports. */
import { feedGet, getSiteFeed } from '../data/feeds.ts';

export const GET = feedGet('rss', getSiteFeed);
