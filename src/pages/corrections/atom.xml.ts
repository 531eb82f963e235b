/** `/corrections/atom.xml`: Atom 1.0 of every correction, update and withdrawal. */
import { feedGet, getCorrectionsFeed } from '../../data/feeds.ts';

export const GET = feedGet('atom', getCorrectionsFeed);
