/**
 * The social card: a 1200×630 PNG per report, shown by link previews (`og:image`). It is drawn at
 * build time from the report's title, type and date, in the site's look: paper ground, serif
 * title, the type as a small spaced label in the accent colour, a quiet rule above the date.
 *
 * satori lays the card out as SVG, resvg turns it into PNG. The font is Source Serif 4 from
 * @fontsource/source-serif-4, read from node_modules: nothing is downloaded while building.
 * satori reads WOFF but not WOFF2, so the WOFF files are used.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import { formatPartialDate, type PartialDate } from './dates.ts';
import { REPORT_TYPE_INFO, type ReportType } from './report-types.ts';

/**
 * The card design's version: cards are cached between builds under it (src/lib/card-pool.ts).
 * Raise it with any change to how a card looks, or the old cards stay.
 */
export const CARD_VERSION = 1;

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

let fonts: Font[] | undefined;

/** Source Serif 4, regular and semibold, Latin and Latin Extended, read once per build. */
export function cardFonts(): Font[] {
	if (fonts) return fonts;
	const require = createRequire(import.meta.url);
	const file = (subset: string, weight: 400 | 600): Font => ({
		name: 'Source Serif 4',
		weight,
		style: 'normal',
		data: readFileSync(
			require.resolve(
				`@fontsource/source-serif-4/files/source-serif-4-${subset}-${weight}-normal.woff`,
			),
		),
	});
	fonts = [file('latin', 400), file('latin', 600), file('latin-ext', 400), file('latin-ext', 600)];
	return fonts;
}

/** Draws a card and returns the PNG. */
export async function renderCard(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
	const svg = await satori(cardElement(input), {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts: cardFonts(),
	});
	return new Uint8Array(
		new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } })
			.render()
			.asPng(),
	);
}
