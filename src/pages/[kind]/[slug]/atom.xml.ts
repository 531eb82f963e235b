/** `/<groups|regions|topics|authors>/<slug>/atom.xml`: Atom 1.0 of the newest reports on one term. */
import { feedGet, termFeedPaths } from '../../../data/feeds.ts';

export const getStaticPaths = termFeedPaths;

export const GET = feedGet('atom');
