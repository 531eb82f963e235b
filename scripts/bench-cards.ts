/**
 * What the social cards cost the build: renders N cards (default 40) with titles of realistic
 * lengths, prints the one-off warm-up, the time per card (satori's layout, resvg's rasterising
 * and sharp's PNG encoding separately) and the extrapolation to 10,000 reports. Times are CPU time of this process, so
 * other work on a shared machine does not inflate them; wall time is printed beside.
 *
 *   npm run bench:cards [-- 100]
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { CARD_HEIGHT, CARD_WIDTH, cardElement } from '../src/lib/outputs/social-card.ts';
import { cardFonts, cardPng, renderCard } from '../src/lib/node/card-render.ts';

const n = Number(process.argv[2] ?? 40);
const TITLES = [
	'IS-K Seeks to Undermine the Taliban',
	'Afghanistan’s Economic Crisis Means Rapid Growth for Terrorist Cells',
	'Special Report: The Rise of the Islamic State in Afghanistan',
	'The Emergence and Expansion of ISIS-K and the Taliban: Recruitment, Financing and the Competition for Fighters in the North, 2015–2022',
];
const input = (i: number) => ({
	title: `${TITLES[i % TITLES.length]!} ${i}`,
	label: 'Analysis',
	date: 'May 2022',
	site: 'Brief Archive',
});

const t = performance.now();
await renderCard(input(0));
const warmup = performance.now() - t;

/** CPU time of this process so far, in milliseconds. */
const cpu = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

let layout = 0;
let raster = 0;
let encode = 0;
const wallStart = performance.now();
for (let i = 0; i < n; i++) {
	const c0 = cpu();
	const svg = await satori(cardElement(input(i)), {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts: cardFonts(),
	});
	const c1 = cpu();
	const image = new Resvg(svg, {
		fitTo: { mode: 'original' },
		font: { loadSystemFonts: false },
	}).render();
	const c2 = cpu();
	await cardPng(image);
	layout += c1 - c0;
	raster += c2 - c1;
	encode += cpu() - c2;
}
const wall = (performance.now() - wallStart) / n;
const per = (layout + raster + encode) / n;
console.log(`warm-up (fonts, first card): ${warmup.toFixed(0)} ms`);
console.log(
	`per card over ${n}: ${per.toFixed(1)} ms CPU (satori ${(layout / n).toFixed(1)}, resvg ${(raster / n).toFixed(1)}, PNG ${(encode / n).toFixed(1)}); ${wall.toFixed(1)} ms wall`,
);
console.log(`10,000 reports: ~${((per * 10_000) / 60_000).toFixed(1)} min of one core`);
