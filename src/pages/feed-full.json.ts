/** `/feed-full.json`: JSON Feed 1.1 of the newest public reports, each in full. */
import { feedGet, getFullTextFeed } from '../data/feeds.ts';

export const GET = feedGet('json', getFullTextFeed);
