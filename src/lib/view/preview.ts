/**
 * What authors' previews say about unpublished work. Public builds never contain an unpublished
 * report, so these words only ever appear in `npm run dev` and `npm run preview:drafts`.
 */
import { MONTHS } from '../model/dates.ts';
import type { Visibility } from '../model/publish.ts';

/** An instant in UTC, unambiguous for every reader of a preview: "1 December 2026, 08:00 UTC". */
export function formatInstantUtc(date: Date): string {
	const hh = String(date.getUTCHours()).padStart(2, '0');
	const mm = String(date.getUTCMinutes()).padStart(2, '0');
	const month = MONTHS[date.getUTCMonth()]!;
	return `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

export interface UnpublishedNotice {
	/** One word for badges and the banner's heading: "Draft" or "Embargoed". */
	label: string;
	/** What it means, in a sentence. */
	text: string;
}

/** The banner text for a report that is not public, or undefined for a public one. */
export function unpublishedNotice(visibility: Visibility): UnpublishedNotice | undefined {
	switch (visibility.state) {
		case 'public':
			return undefined;
		case 'draft':
			return {
				label: 'Draft',
				text: 'Not published: its status is draft. Readers cannot see this report; only authors’ previews show it.',
			};
		case 'embargoed':
			return {
				label: 'Embargoed',
				text: `Not public until ${formatInstantUtc(visibility.until)}. Readers cannot see this report before then; only authors’ previews show it.`,
			};
	}
}

/** The strip at the top of every page of a preview build. */
export const PREVIEW_STRIP =
	'Preview build for authors: it includes drafts and embargoed reports. Do not publish or share it.';
