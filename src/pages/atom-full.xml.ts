/** `/atom-full.xml`: Atom 1.0 of the newest public reports, each in full. */
import { feedGet, getFullTextFeed } from '../data/feeds.ts';

export const GET = feedGet('atom', getFullTextFeed);
