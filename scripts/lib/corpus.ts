/**
 * A deterministic corpus of generated reports for the scale benchmark (`npm run bench`): N
 * reports of about 1,200 words that are valid for the content model, with the terms they refer
 * to. The same options always give the same files, byte for byte, so two runs (or two machines)
 * measure the same work.
 *
 * What makes it realistic enough to measure: headings (some with sub-headings), GFM tables,
 * footnotes, links between reports (some to a section), dates at year, month and day precision
 * spread over two decades, one to three groups, regions and topics per report, a few drafts, and
 * a vocabulary with a long tail (a few hundred common words and tens of thousands of rare ones),
 * as real text has, so the search index grows as a real one would.
 *
 * It also plants what the search benchmark looks for, so every query has answers at every size:
 * a rare word in a handful of reports, a fixed phrase in about one report in two hundred, and the
 * IS-K group (found by its alias "ISKP", which appears in no body) in about a quarter of them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { slug as slugify } from 'github-slugger';
import { REPORT_TYPES, type ReportType } from '../../src/lib/model/report-types.ts';

export interface CorpusOptions {
	/** How many reports. */
	n: number;
	/** The random seed: the same seed and `n` give the same corpus. */
	seed?: number;
	/** The first and last year reports are dated in. */
	years?: readonly [number, number];
}

/** A file of the corpus: its path inside the content folder and its text. */
export interface CorpusFile {
	path: string;
	text: string;
}

export const DEFAULT_SEED = 20261128;
const DEFAULT_YEARS = [2005, 2025] as const;

/** The rare word planted in a handful of reports (see `plantedCounts`). */
export const RARE_WORD = 'zerkavanite';
/** The phrase planted in about one report in two hundred. */
export const PLANTED_PHRASE = 'largest military hospital';

/** A small, fast, seedable generator (mulberry32): numbers in [0, 1). */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const between = (rng: Rng, lo: number, hi: number): number =>
	lo + Math.floor(rng() * (hi - lo + 1));
function pickSome<T>(rng: Rng, items: readonly T[], count: number): T[] {
	const chosen = new Set<T>();
	while (chosen.size < Math.min(count, items.length)) chosen.add(pick(rng, items));
	return [...chosen];
}

// ---------------------------------------------------------------------------------------------
// Terms. Real names, so titles and listings read like an archive's; IS-K keeps its aliases so the
// alias query has something to find.

interface TermSpec {
	slug: string;
	name: string;
	aliases?: string[];
	extra?: Record<string, string>;
}

const GROUPS: TermSpec[] = [
	{
		slug: 'is-k',
		name: 'Islamic State Khorasan Province',
		aliases: ['ISKP', 'IS-K', 'ISIS-K', 'IS-KP'],
		extra: { shortName: 'IS-K' },
	},
	{ slug: 'taliban', name: 'Taliban', aliases: ['Taleban', 'Islamic Emirate of Afghanistan'] },
	{ slug: 'al-qaeda', name: 'Al-Qaeda', aliases: ["al-Qa'ida", 'AQ'] },
	{ slug: 'islamic-state', name: 'Islamic State', aliases: ['ISIS', 'ISIL', 'Daesh'] },
	{ slug: 'ttp', name: 'Tehrik-i-Taliban Pakistan', aliases: ['TTP', 'Pakistani Taliban'] },
	{ slug: 'haqqani-network', name: 'Haqqani Network' },
	{ slug: 'aqis', name: 'Al-Qaeda in the Indian Subcontinent', aliases: ['AQIS'] },
	{ slug: 'nrf', name: 'National Resistance Front', aliases: ['NRF'] },
	{ slug: 'al-shabaab', name: 'Al-Shabaab', aliases: ['Harakat al-Shabaab al-Mujahideen'] },
	{ slug: 'jnim', name: "Jama'at Nasr al-Islam wal Muslimin", aliases: ['JNIM'] },
	{ slug: 'iswap', name: 'Islamic State West Africa Province', aliases: ['ISWAP'] },
	{ slug: 'boko-haram', name: 'Boko Haram', aliases: ['JAS'] },
	{ slug: 'hts', name: 'Hayat Tahrir al-Sham', aliases: ['HTS'] },
	{ slug: 'hezbollah', name: 'Hezbollah', aliases: ['Hizbullah'] },
	{ slug: 'houthis', name: 'Ansar Allah', aliases: ['Houthis'] },
	{ slug: 'lashkar-e-taiba', name: 'Lashkar-e-Taiba', aliases: ['LeT'] },
	{ slug: 'jaish-e-mohammed', name: 'Jaish-e-Mohammed', aliases: ['JeM'] },
	{ slug: 'bla', name: 'Balochistan Liberation Army', aliases: ['BLA'] },
	{ slug: 'imu', name: 'Islamic Movement of Uzbekistan', aliases: ['IMU'] },
	{ slug: 'etim', name: 'Turkistan Islamic Party', aliases: ['TIP', 'ETIM'] },
];

interface RegionSpec extends TermSpec {
	kind: 'country' | 'province' | 'city';
	parent?: string;
}

const COUNTRIES = [
	'Afghanistan',
	'Pakistan',
	'Iraq',
	'Syria',
	'Somalia',
	'Mali',
	'Nigeria',
	'Yemen',
	'Lebanon',
	'Iran',
	'Tajikistan',
	'Uzbekistan',
	'India',
	'Burkina Faso',
	'Niger',
];
const PLACES: [string, string, 'province' | 'city'][] = [
	['Kabul', 'afghanistan', 'city'],
	['Kandahar', 'afghanistan', 'province'],
	['Kunduz', 'afghanistan', 'province'],
	['Nangarhar', 'afghanistan', 'province'],
	['Balkh', 'afghanistan', 'province'],
	['Herat', 'afghanistan', 'province'],
	['Helmand', 'afghanistan', 'province'],
	['Jalalabad', 'nangarhar', 'city'],
	['Peshawar', 'pakistan', 'city'],
	['Khyber Pakhtunkhwa', 'pakistan', 'province'],
	['Balochistan', 'pakistan', 'province'],
	['Quetta', 'balochistan', 'city'],
	['Karachi', 'pakistan', 'city'],
	['Mosul', 'iraq', 'city'],
	['Anbar', 'iraq', 'province'],
	['Idlib', 'syria', 'province'],
	['Deir ez-Zor', 'syria', 'province'],
	['Mogadishu', 'somalia', 'city'],
	['Borno', 'nigeria', 'province'],
	['Maiduguri', 'borno', 'city'],
	['Gao', 'mali', 'city'],
	['Sanaa', 'yemen', 'city'],
	['Marib', 'yemen', 'province'],
	['Gorno-Badakhshan', 'tajikistan', 'province'],
	['Jammu and Kashmir', 'india', 'province'],
];
const REGIONS: RegionSpec[] = [
	...COUNTRIES.map((name): RegionSpec => ({ slug: slugify(name), name, kind: 'country' })),
	...PLACES.map(([name, parent, kind]): RegionSpec => ({
		slug: slugify(name),
		name,
		kind,
		parent,
	})),
];
const REGION_ALIASES: Record<string, string[]> = {
	kunduz: ['Kundoz', 'Qunduz'],
	kandahar: ['Kandhar', 'Qandahar'],
	sanaa: ["Sana'a"],
};

const TOPICS: TermSpec[] = [
	'Counter-terrorism',
	'Economic crisis',
	'Human rights',
	'Intelligence',
	'Jihadist competition',
	'Recruitment and radicalisation',
	'Regional security',
	'Humanitarian access',
	'Governance',
	'Terrorist financing',
	'Drug trade',
	'Border security',
	'Peace talks',
	'Prisons and detention',
	'Propaganda and media',
	'Women and girls',
	'Minorities',
	'Refugees and displacement',
	'Elections',
	'Foreign fighters',
].map((name) => ({ slug: slugify(name), name }));

const FIRST = ['Amina', 'Daniel', 'Farid', 'Helena', 'Imran', 'Julia', 'Karim', 'Leila', 'Marco'];
const FIRST2 = ['Nadia', 'Omar', 'Priya', 'Rahim', 'Sara', 'Tomas', 'Yusuf', 'Zainab', 'Aleksei'];
const LAST = [
	'Ahmadi',
	'Brenner',
	'Castillo',
	'Durrani',
	'Ekwueme',
	'Faizi',
	'Gallagher',
	'Haidari',
];
const LAST2 = ['Iqbal', 'Jansen', 'Karimi', 'Lindqvist', 'Mansoor', 'Novak', 'Okafor', 'Popal'];
const PEOPLE = [...FIRST, ...FIRST2].flatMap((first, i) =>
	[...LAST, ...LAST2].filter((_, j) => (i + j) % 4 === 0).map((last) => ({ first, last })),
);
const DESKS = ['South Asia Desk', 'Middle East Desk', 'Sahel Desk'];

// ---------------------------------------------------------------------------------------------
// Words.

const FUNCTION_WORDS = (
	'the of and to in a that is for on as with by its was are from has have it at an be this which ' +
	'their more than not but or after into also while over between against since other both most ' +
	'these such some were had been would could may will new under during they its them who where'
).split(' ');
const DOMAIN_WORDS = (
	'security attack attacks group groups fighters government province district forces militants ' +
	'leadership recruitment economic crisis violence region regional control local international ' +
	'authorities state insurgency operations network networks commanders support influence border ' +
	'population civilians territory strategy campaign propaganda funding financing smuggling ' +
	'checkpoint checkpoints negotiations ceasefire detention prisons refugees displacement aid ' +
	'humanitarian access sanctions rivals rivalry competition affiliate affiliates cells cell ' +
	'leaders loyalty tribal elders clerics mosque schools students unemployment inflation banking ' +
	'currency trade revenue taxation extortion kidnapping bombing bombings suicide drone strikes ' +
	'raids offensive withdrawal deployment intelligence surveillance informants defectors ' +
	'recruits recruiters youth ideology doctrine media statements claims video messaging channels ' +
	'court courts justice governance ministry minister officials police army militia militias ' +
	'villages valley highway corridor city cities capital countryside north south east west ' +
	'assessment outlook trend trends pattern evidence sources reporting estimate estimates ' +
	'likely unlikely probably expected threat threats risk risks pressure capacity capability ' +
	'resilience vulnerability stability instability conflict war peace talks agreement deal ' +
	'partners donors neighbours diplomacy embassy envoy relations alliance factions splinter ' +
	'resources weapons arms explosives ammunition logistics safe havens sanctuary camps training'
).split(/\s+/);

/** Tens of thousands of made-up words for the long tail of the vocabulary. */
function tailWords(rng: Rng, count: number): string[] {
	const onsets = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'z'];
	const clusters = ['sh', 'kh', 'gh', 'zh', 'ch', 'br', 'dr', 'st', 'tr'];
	const vowels = ['a', 'e', 'i', 'o', 'u', 'aa', 'ai', 'ou'];
	const codas = ['', '', 'n', 'r', 'm', 'l', 'sh', 'd', 'st', 'z'];
	const seen = new Set<string>();
	const words: string[] = [];
	while (words.length < count) {
		let w = '';
		const syllables = between(rng, 2, 4);
		for (let s = 0; s < syllables; s++) {
			w += (rng() < 0.2 ? pick(rng, clusters) : pick(rng, onsets)) + pick(rng, vowels);
		}
		w += pick(rng, codas);
		if (w === RARE_WORD || seen.has(w)) continue;
		seen.add(w);
		words.push(w);
	}
	return words;
}

/**
 * Draws ranks 0..size-1 with probability proportional to 1/(rank+offset): Zipf's law, flattened
 * at the top (Mandelbrot's offset) so that no single word takes over a sentence.
 */
function zipf(rng: Rng, size: number, offset: number): () => number {
	const cumulative = new Float64Array(size);
	let total = 0;
	for (let k = 0; k < size; k++) cumulative[k] = total += 1 / (k + offset);
	return () => {
		const x = rng() * total;
		let lo = 0;
		let hi = size - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid]! < x) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
}

// ---------------------------------------------------------------------------------------------
// Files.

const yamlString = (s: string): string => JSON.stringify(s);
const yamlList = (key: string, items: readonly string[]): string =>
	items.length === 0 ? '' : `${key}:\n${items.map((i) => `  - ${i}`).join('\n')}\n`;

function termFile(
	fields: Record<string, string>,
	aliases: readonly string[],
	profile: string,
): string {
	const lines = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
	const list = aliases.length ? `\n${yamlList('aliases', aliases.map(yamlString)).trimEnd()}` : '';
	return `---\n${lines.join('\n')}${list}\n---\n\n${profile}\n`;
}

interface Planned {
	slug: string;
	title: string;
	headings: string[];
}

const TITLE_PATTERNS: ((g: string, r: string, t: string) => string)[] = [
	(g, r) => `${g} in ${r}: what changed this year`,
	(g, r) => `How ${g} rebuilt its networks in ${r}`,
	(g, r, t) => `${t} and the future of ${g} in ${r}`,
	(g, r) => `${r} after the offensive against ${g}`,
	(g, _r, t) => `${g}, ${t.toLowerCase()} and the regional balance`,
	(g, r) => `Why ${g} is gaining ground in ${r}`,
	(_g, r, t) => `${t} in ${r}: an assessment`,
	(g, r) => `The rivals of ${g} in ${r}`,
];
const SECTION_TITLES = [
	'Background',
	'Leadership and structure',
	'Recruitment',
	'Financing',
	'Attacks and targets',
	'Relations with rivals',
	'The government response',
	'Regional implications',
	'Humanitarian consequences',
	'Outlook',
	'Indicators to watch',
	'Key uncertainties',
	'Sources and methods',
];

/** Every file of the corpus, terms first, then reports from oldest to newest. */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusFile> {
	const { n, seed = DEFAULT_SEED, years = DEFAULT_YEARS } = options;
	const rng = random(seed);
	const tail = tailWords(random(seed ^ 0x5eed), 30_000);
	const tailRank = zipf(rng, tail.length, 50);
	const domainRank = zipf(rng, DOMAIN_WORDS.length, 8);

	for (const g of GROUPS) {
		const fields: Record<string, string> = { name: yamlString(g.name) };
		if (g.extra?.shortName) fields.shortName = yamlString(g.extra.shortName);
		yield {
			path: `groups/${g.slug}.md`,
			text: termFile(
				fields,
				g.aliases ?? [],
				`${g.name} is an armed group followed by the archive.`,
			),
		};
	}
	for (const r of REGIONS) {
		const fields: Record<string, string> = { name: yamlString(r.name), kind: r.kind };
		if (r.parent) fields.parent = r.parent;
		yield {
			path: `regions/${r.slug}.md`,
			text: termFile(fields, REGION_ALIASES[r.slug] ?? [], `${r.name} is a ${r.kind}.`),
		};
	}
	for (const t of TOPICS) {
		yield {
			path: `topics/${t.slug}.md`,
			text: termFile({ name: yamlString(t.name) }, [], `Reports on ${t.name.toLowerCase()}.`),
		};
	}
	const authors: string[] = [];
	for (const p of PEOPLE) {
		const slug = slugify(`${p.first} ${p.last}`);
		authors.push(slug);
		yield {
			path: `authors/${slug}.md`,
			text: termFile(
				{
					name: yamlString(`${p.first} ${p.last}`),
					kind: 'person',
					family: yamlString(p.last),
					affiliation: yamlString('Brief Archive'),
				},
				[],
				`${p.first} ${p.last} is an analyst.`,
			),
		};
	}
	const desks = DESKS.map((name) => slugify(name));
	for (const [i, name] of DESKS.entries()) {
		yield {
			path: `authors/${desks[i]}.md`,
			text: termFile({ name: yamlString(name), kind: 'desk' }, [], `The ${name}.`),
		};
	}

	const word = (): string => {
		const x = rng();
		if (x < 0.5) return pick(rng, FUNCTION_WORDS);
		if (x < 0.86) return DOMAIN_WORDS[domainRank()]!;
		return tail[tailRank()]!;
	};
	const sentence = (names: readonly string[]): string => {
		const words: string[] = [];
		const length = between(rng, 10, 26);
		for (let w = 0; w < length; w++) words.push(word());
		if (names.length > 0 && rng() < 0.35) {
			words.splice(between(rng, 1, words.length - 1), 0, pick(rng, names));
		}
		const text = words.join(' ');
		return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
	};
	const paragraph = (names: readonly string[], sentences: number): string =>
		Array.from({ length: sentences }, () => sentence(names)).join(' ');

	const planned: Planned[] = [];
	const rareAt = new Set(Array.from({ length: 5 }, (_, i) => Math.floor(((i + 0.5) * n) / 5)));
	const [firstYear, lastYear] = years;
	const span = lastYear - firstYear + 1;

	for (let i = 0; i < n; i++) {
		const groups = pickSome(rng, GROUPS, between(rng, 1, 3));
		// About a quarter of reports are on IS-K, whatever else they cover.
		if (rng() < 0.25 && !groups.includes(GROUPS[0]!)) groups[0] = GROUPS[0]!;
		const regions = pickSome(rng, REGIONS, between(rng, 1, 3));
		const topics = pickSome(rng, TOPICS, between(rng, 1, 3));
		const names = [...groups, ...regions].map((t) => t.name);
		const lead = groups[0]!;
		const title = pick(rng, TITLE_PATTERNS)(
			lead.extra?.shortName ?? lead.name,
			regions[0]!.name,
			topics[0]!.name,
		);
		const slug = `${slugify(title)}-${i + 1}`;

		// Dates rise with i, so links to earlier reports point back in time.
		const year = firstYear + Math.min(span - 1, Math.floor((i / n) * span));
		const month = between(rng, 1, 12);
		const day = between(rng, 1, 28);
		const precision = rng();
		const published =
			precision < 0.05
				? `${year}`
				: precision < 0.2
					? `${year}-${String(month).padStart(2, '0')}`
					: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
		const type: ReportType = rng() < 0.55 ? 'brief' : pick(rng, REPORT_TYPES);
		const byline = rng() < 0.08 ? [pick(rng, desks)] : pickSome(rng, authors, rng() < 0.7 ? 1 : 2);
		const status = rng() < 0.01 ? 'draft' : 'published';

		const headings = pickSome(rng, SECTION_TITLES, between(rng, 4, 6));
		const body: string[] = [paragraph(names, 4), paragraph(names, 4)];
		const footnotes: string[] = [];
		for (const [h, heading] of headings.entries()) {
			body.push(`## ${heading}`);
			const paragraphs = between(rng, 2, 3);
			for (let p = 0; p < paragraphs; p++) {
				let text = paragraph(names, between(rng, 3, 5));
				if (rng() < 0.12 && footnotes.length < 3) {
					footnotes.push(`[^${footnotes.length + 1}]: ${sentence(names)}`);
					text += `[^${footnotes.length}]`;
				}
				body.push(text);
			}
			if (h === 1 && rng() < 0.4) {
				body.push(`### ${pick(rng, ['In the cities', 'In the countryside', 'Across the border'])}`);
				body.push(paragraph(names, 3));
			}
			if (h === 2 && rng() < 0.3) {
				const rows = between(rng, 3, 6);
				const table = ['| Period | Attacks | Claimed | Notes |', '| --- | ---: | ---: | --- |'];
				for (let r = 0; r < rows; r++) {
					table.push(
						`| ${year - rows + r} | ${between(rng, 3, 140)} | ${between(rng, 0, 60)} | ${word()} ${word()} |`,
					);
				}
				body.push(table.join('\n'));
			}
		}
		// Links back to one or two earlier reports, now and then to one of their sections.
		if (planned.length > 0) {
			const links = Array.from({ length: between(rng, 1, 2) }, () => {
				const target = planned[Math.floor(rng() * planned.length)]!;
				const fragment = rng() < 0.1 ? `#${slugify(pick(rng, target.headings))}` : '';
				return `[${target.title}](/reports/${target.slug}/${fragment})`;
			});
			body.push(`See also ${links.join(' and ')}.`);
		}
		if (rareAt.has(i)) body.splice(1, 0, `${paragraph(names, 1)} The ${RARE_WORD} seam.`);
		if (i % 200 === 17) body.splice(2, 0, `${paragraph(names, 1)} It hit the ${PLANTED_PHRASE}.`);
		if (footnotes.length) body.push(footnotes.join('\n'));

		const summary = sentence(names).slice(0, 380);
		const front =
			`---\ntitle: ${yamlString(title)}\nsummary: ${yamlString(summary)}\ntype: ${type}\n` +
			`status: ${status}\npublished: ${yamlString(published)}\n` +
			// Feeds date a report by the day it entered the archive, which a report known only to
			// the month or year must give.
			(published.length < 10
				? `added: ${yamlString(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)}\n`
				: '') +
			yamlList('authors', byline) +
			yamlList(
				'groups',
				groups.map((g) => g.slug),
			) +
			yamlList(
				'regions',
				regions.map((r) => r.slug),
			) +
			yamlList(
				'topics',
				topics.map((t) => t.slug),
			) +
			'---\n';
		if (status === 'published') planned.push({ slug, title, headings });
		yield { path: `reports/${slug}.md`, text: `${front}\n${body.join('\n\n')}\n` };
	}
}

/** Writes the corpus into `dir` (which should be empty); returns how many files and bytes. */
export function writeCorpus(dir: string, options: CorpusOptions): { files: number; bytes: number } {
	let files = 0;
	let bytes = 0;
	const made = new Set<string>();
	for (const file of generateCorpus(options)) {
		const path = join(dir, file.path);
		const folder = dirname(path);
		if (!made.has(folder)) mkdirSync(folder, { recursive: true });
		made.add(folder);
		writeFileSync(path, file.text);
		files++;
		bytes += Buffer.byteLength(file.text);
	}
	return { files, bytes };
}

/**
 * Edits one report as an author would (a corrected sentence in its body), for the warm rebuild.
 * Returns the edited file's path.
 */
export function editOneReport(dir: string, options: CorpusOptions): string {
	let chosen: string | undefined;
	for (const file of generateCorpus(options)) {
		if (file.path.startsWith('reports/') && file.text.includes('status: published')) {
			chosen = file.path;
		}
	}
	if (!chosen) throw new Error('The corpus has no published report to edit.');
	const path = join(dir, chosen);
	writeFileSync(
		path,
		`${readFileSync(path, 'utf8')}\nCorrection: an earlier version misdated one attack.\n`,
	);
	return path;
}
