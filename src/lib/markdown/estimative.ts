/**
 * Estimative language as the US intelligence community standardises it (ICD 203, Analytic
 * Standards, 2015): seven terms of likelihood, each a band of probability, and three levels of
 * analytic confidence. A key judgment states both, in these words only, so that "likely" means
 * the same in every report.
 */

/** One term of likelihood and the probability band it stands for, in per cent. */
export interface Likelihood {
	/** How it is written in a report and shown to readers: "very likely". */
	term: string;
	/** The band, e.g. [80, 95]. */
	range: readonly [number, number];
}

/** The seven terms of likelihood of ICD 203, least likely first. */
export const LIKELIHOODS: readonly Likelihood[] = [
	{ term: 'almost no chance', range: [1, 5] },
	{ term: 'very unlikely', range: [5, 20] },
	{ term: 'unlikely', range: [20, 45] },
	{ term: 'roughly even chance', range: [45, 55] },
	{ term: 'likely', range: [55, 80] },
	{ term: 'very likely', range: [80, 95] },
	{ term: 'almost certain', range: [95, 99] },
];

/** The three levels of analytic confidence of ICD 203. */
export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

const key = (value: string) =>
	value
		.toLowerCase()
		.replace(/[^a-z]+/g, ' ')
		.trim();

/**
 * The likelihood an author wrote (any case; hyphens or spaces: "Very-likely"), or an error that
 * lists the allowed terms.
 */
export function parseLikelihood(value: unknown): Likelihood | { error: string } {
	const found =
		typeof value === 'string' ? LIKELIHOODS.find((l) => l.term === key(value)) : undefined;
	if (found) return found;
	return {
		error: `likelihood ${JSON.stringify(value ?? '')} is not one of the terms of ICD 203: ${LIKELIHOODS.map((l) => `"${l.term}"`).join(', ')}`,
	};
}

/** The confidence level an author wrote (any case), or an error that lists the allowed ones. */
export function parseConfidence(value: unknown): ConfidenceLevel | { error: string } {
	const found =
		typeof value === 'string'
			? CONFIDENCE_LEVELS.find((level) => level === key(value).replace(/ confidence$/, ''))
			: undefined;
	if (found) return found;
	return {
		error: `confidence ${JSON.stringify(value ?? '')} is not one of the levels of ICD 203: ${CONFIDENCE_LEVELS.map((c) => `"${c}"`).join(', ')}`,
	};
}

/** "55–80%": how a likelihood's band is shown next to its term. */
export function formatRange(likelihood: Likelihood): string {
	return `${likelihood.range[0]}–${likelihood.range[1]}%`;
}

/** A word with its first letter in upper case: "Very likely". */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
