/**
 * The social card: a 1200×630 PNG per report, shown by link previews (`og:image`). It is drawn at
 * build time from the report's title, type and date, in the site's look: paper ground, serif
 * title, the type as a small spaced label in the accent colour, a quiet rule above the date.
 *
 * This module is the card's design, as data: what it shows and how it is laid out.
 * `../node/card-render.ts` draws it.
 */
import { formatPartialDate, type PartialDate } from '../model/dates.ts';
import { REPORT_TYPE_INFO, type ReportType } from '../model/report-types.ts';

/**
 * The card design's version: cards are cached between builds under it (src/lib/node/card-pool.ts).
 * Raise it with any change to how a card looks, or the old cards stay.
 */
export const CARD_VERSION = 2;

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The colours of the light theme (src/styles/tokens.css). */
const PAPER = '#fbfaf7';
const INK = '#1c1d20';
const INK_2 = '#4d525b';
const RULE = '#dcd8d0';
const ACCENT = '#9e2a1f';
const PADDING = 80;

/** What a card shows. */
export interface CardInput {
	/** The report's title (or the site's name, on the site card). */
	title: string;
	/** The small label above the title: the report type. */
	label: string;
	/** The date line, as displayed: "May 2022". */
	date: string;
	/** The site's name, bottom right. */
	site: string;
}

/** What a report's card shows: its title, its type and its date as the site displays it. */
export function reportCardInput(
	report: { title: string; type: ReportType; published: PartialDate },
	site: string,
): CardInput {
	return {
		title: report.title,
		label: REPORT_TYPE_INFO[report.type].name,
		date: formatPartialDate(report.published),
		site,
	};
}

/** A satori element: the same shape as a React element, without React. */
export interface CardNode {
	type: string;
	props: { style?: Record<string, string | number>; children?: string | CardNode | CardNode[] };
}

const h = (
	type: string,
	style: Record<string, string | number>,
	children?: string | CardNode | CardNode[],
): CardNode => ({ type, props: { style, ...(children === undefined ? {} : { children }) } });

/** The title's size in pixels: long titles get smaller type so that 200 characters still fit. */
export function titleSize(title: string): number {
	const n = [...title].length;
	if (n <= 50) return 72;
	if (n <= 90) return 60;
	if (n <= 140) return 50;
	return 42;
}

/** The card's layout, as satori elements. */
export function cardElement(input: CardInput): CardNode {
	const inner = CARD_WIDTH - 2 * PADDING;
	return h(
		'div',
		{
			width: CARD_WIDTH,
			height: CARD_HEIGHT,
			display: 'flex',
			flexDirection: 'column',
			backgroundColor: PAPER,
			fontFamily: 'Source Serif 4',
			color: INK,
		},
		[
			h('div', { width: CARD_WIDTH, height: 14, backgroundColor: ACCENT }),
			h(
				'div',
				{
					display: 'flex',
					flexDirection: 'column',
					flexGrow: 1,
					width: CARD_WIDTH,
					padding: `56px ${PADDING}px 52px`,
				},
				[
					h(
						'div',
						{
							width: inner,
							fontSize: 26,
							fontWeight: 600,
							letterSpacing: 4,
							textTransform: 'uppercase',
							color: ACCENT,
						},
						input.label,
					),
					h(
						'div',
						{
							display: 'flex',
							flexGrow: 1,
							alignItems: 'center',
							width: inner,
							fontSize: titleSize(input.title),
							fontWeight: 600,
							lineHeight: 1.15,
						},
						input.title,
					),
					h(
						'div',
						{
							display: 'flex',
							justifyContent: 'space-between',
							width: inner,
							borderTop: `2px solid ${RULE}`,
							paddingTop: 22,
							fontSize: 28,
							color: INK_2,
						},
						[h('div', {}, input.date), h('div', { fontWeight: 600, color: INK }, input.site)],
					),
				],
			),
		],
	);
}
