import { describe, expect, it } from 'vitest';
import {
	CARD_HEIGHT,
	CARD_WIDTH,
	cardElement,
	titleSize,
	type CardNode,
} from '../../../src/lib/outputs/social-card.ts';
import sharp from 'sharp';
import { cardPixels, renderCard } from '../../../src/lib/node/card-render.ts';

const INPUT = {
	title: 'IS-K Seeks to Undermine the Taliban',
	label: 'Brief',
	date: 'May 2022',
	site: 'Brief Archive',
};

/** Every text in the element tree, in order. */
function texts(node: CardNode | string): string[] {
	if (typeof node === 'string') return [node];
	const children = node.props.children;
	if (children === undefined) return [];
	return (Array.isArray(children) ? children : [children]).flatMap(texts);
}

describe('titleSize', () => {
	it('sets short titles large and long titles smaller, down to a floor', () => {
		expect(titleSize('A short title')).toBe(72);
		expect(titleSize('x'.repeat(80))).toBe(60);
		expect(titleSize('x'.repeat(120))).toBe(50);
		expect(titleSize('x'.repeat(200))).toBe(42);
	});
});

describe('cardElement', () => {
	it('shows the label, the title, the date and the site name, in that order', () => {
		expect(texts(cardElement(INPUT))).toEqual([
			'Brief',
			'IS-K Seeks to Undermine the Taliban',
			'May 2022',
			'Brief Archive',
		]);
	});

	it('is the size of a social card, on the paper ground with the accent rule', () => {
		const root = cardElement(INPUT);
		expect(root.props.style).toMatchObject({
			width: CARD_WIDTH,
			height: CARD_HEIGHT,
			backgroundColor: '#fbfaf7',
		});
		expect(JSON.stringify(root)).toContain('#9e2a1f');
	});
});

describe('renderCard', () => {
	it('draws a 1200×630 PNG with the packaged font, without the network', async () => {
		const png = await renderCard(INPUT);
		const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		// The IHDR chunk follows the signature: width and height as 32-bit big-endian integers.
		expect(view.getUint32(16)).toBe(1200);
		expect(view.getUint32(20)).toBe(630);
		expect(png.byteLength).toBeGreaterThan(5_000);
	});

	it('holds exactly the pixels resvg drew, as opaque RGB', async () => {
		const input = { ...INPUT, title: 'Afghanistan’s Economic Crisis Means Rapid Growth for Cells' };
		const drawn = await cardPixels(input);
		const { data, info } = await sharp(await renderCard(input))
			.raw()
			.toBuffer({ resolveWithObject: true });
		expect(info).toMatchObject({ width: 1200, height: 630, channels: 3 });
		const rgba = drawn.pixels;
		const rgb = Buffer.alloc((rgba.length / 4) * 3);
		let seeThrough = 0;
		for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
			if (rgba[i + 3] !== 255) seeThrough++;
			rgb[j] = rgba[i]!;
			rgb[j + 1] = rgba[i + 1]!;
			rgb[j + 2] = rgba[i + 2]!;
		}
		// The card is opaque: dropping the alpha channel loses nothing.
		expect(seeThrough).toBe(0);
		expect(Buffer.compare(data, rgb)).toBe(0);
	});
});
