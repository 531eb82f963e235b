/**
 * Draws a social card (`../outputs/social-card.ts`) as a PNG. satori lays the card out as SVG,
 * resvg turns it into PNG. The font is Source Serif 4 from @fontsource/source-serif-4, read from
 * node_modules: nothing is downloaded while building. satori reads WOFF but not WOFF2, so the
 * WOFF files are used.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import { CARD_HEIGHT, CARD_WIDTH, cardElement, type CardInput } from '../outputs/social-card.ts';

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
