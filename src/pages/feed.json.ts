/** `/feed.json`: JSON Feed 1.1 of the newest public reports. */
import { feedGet, getSiteFeed } from '../data/feeds.ts';

export const GET = feedGet('json', getSiteFeed);
