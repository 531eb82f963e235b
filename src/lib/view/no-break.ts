/**
 * Names must not break at their hyphen: a line that ends "IS-" and a next that starts "K" reads
 * as two words. A run of letters joined by hyphens where one part is short ("IS-K", "ISIS-K",
 * "al-Qaida", "Tehrik-i-Taliban") is kept on one line; longer compounds ("large-scale",
 * "State-Khorasan") may still break, as any word may. Used by the report cards, report titles,
 * bylines and term links, and by the search page for titles and excerpts (browser-safe).
 */

export interface TextRun {
	text: string;
	/** True for a name to keep on one line. */
	keep: boolean;
}

/** The longest part that makes a hyphenated word a name to keep whole. */
const SHORT_PART = 3;
const HYPHENATED = /[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)+/gu;

/** Splits text into runs, the hyphenated names marked to be kept on one line. */
export function noBreakRuns(text: string): TextRun[] {
	if (!/[-‐]/.test(text)) return text ? [{ text, keep: false }] : [];
	const runs: TextRun[] = [];
	let at = 0;
	for (const match of text.matchAll(HYPHENATED)) {
		const parts = match[0].split(/[-‐]/);
		if (!parts.some((p) => p.length <= SHORT_PART)) continue;
		if (match.index > at) runs.push({ text: text.slice(at, match.index), keep: false });
		runs.push({ text: match[0], keep: true });
		at = match.index + match[0].length;
	}
	if (at < text.length) runs.push({ text: text.slice(at), keep: false });
	return runs;
}
