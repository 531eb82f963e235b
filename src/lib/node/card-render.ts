/**
 * Draws a social card (`../outputs/social-card.ts`) as a PNG. satori lays the card out as SVG,
 * resvg rasterises it and sharp (libvips) encodes the pixels as PNG: the same pixels as resvg's own
 * encoder, in 34 KB instead of 41 KB and about 2 ms less per card (`npm run bench:cards`), which
 * at 10,000 reports is most of the time a cold build waited for its cards. The font is Source Serif 4 from @fontsource/source-serif-4, read from
 * node_modules: nothing is downloaded while building. satori reads WOFF but not WOFF2, so the
 * WOFF files are used.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import sharp from 'sharp';
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

/**
 * How the pixels are encoded: the card is flat colour and text, which filtering does not help
 * and zlib's level 6 packs as well as higher levels at a third of their time.
 */
const PNG_OPTIONS = { compressionLevel: 6, adaptiveFiltering: false } as const;

/** Draws a card's pixels, opaque, as resvg rasterises satori's SVG: width × height × RGBA. */
export async function cardPixels(input: CardInput) {
	const svg = await satori(cardElement(input), {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts: cardFonts(),
	});
	return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
}

/** Encodes a card's pixels as PNG (RGB: the card has no transparency). */
export async function cardPng(image: {
	pixels: Buffer;
	width: number;
	height: number;
}): Promise<Uint8Array<ArrayBuffer>> {
	const png = await sharp(image.pixels, {
		raw: { width: image.width, height: image.height, channels: 4 },
	})
		.removeAlpha()
		.png(PNG_OPTIONS)
		.toBuffer();
	return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/** Draws a card and returns the PNG. */
export async function renderCard(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
	return cardPng(await cardPixels(input));
}
