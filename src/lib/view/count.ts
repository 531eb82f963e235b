/**
 * Counts as the site writes them, for pages and browser code alike. A module of its own: the
 * search page and the offline controls both load it, and a shared chunk of format.ts would bring
 * the search page code it never runs.
 */

/**
 * "1 report", "3 reports", "10,000 reports": the one way the site writes a count, on its pages and
 * in the search page alike.
 */
export function countLabel(n: number, singular: string, plural = `${singular}s`): string {
	return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : plural}`;
}
