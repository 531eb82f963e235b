import { describe, expect, it } from 'vitest';
import { buildArchive, type RawEntry } from '../../../src/lib/archive/build-archive.ts';
import {
	begunWords,
	spellingsBegun,
	spellingWords,
	termTable,
	writtenSpellings,
} from '../../../src/lib/outputs/term-table.ts';
import {
	authorSchema,
	groupSchema,
	regionSchema,
	reportSchema,
	type ReportData,
} from '../../../src/lib/model/schema.ts';

const entry = <D>(id: string, data: D) => ({ id, filePath: `content/x/${id}.md`, data });
const report = (id: string, fields: Record<string, unknown>): RawEntry<ReportData> =>
	entry(
		id,
		reportSchema.parse({
			title: `Report ${id}`,
			summary: 'S.',
			type: 'brief',
			status: 'published',
			published: '2022',
			added: '2026-01-05',
			...fields,
		}),
	);

const archive = buildArchive(
	{
		reports: [
			report('a', { groups: ['is-k'], regions: ['kunduz'], authors: ['jane'] }),
			report('b', { status: 'draft', groups: ['is-k'] }),
		],
		groups: [
			entry(
				'is-k',
				groupSchema.parse({
					name: 'Islamic State Khorasan Province',
					shortName: 'IS-K',
					aliases: ['IS-K', 'ISKP'],
				}),
			),
		],
		regions: [
			entry('afghanistan', regionSchema.parse({ name: 'Afghanistan', kind: 'country' })),
			entry(
				'kunduz',
				regionSchema.parse({
					name: 'Kunduz',
					kind: 'province',
					parent: 'afghanistan',
					aliases: ['Kundoz'],
				}),
			),
		],
		topics: [],
		authors: [entry('jane', authorSchema.parse({ name: 'Jane Analyst', kind: 'person' }))],
	},
	new Date('2026-01-01T00:00:00Z'),
);

describe('the search page’s term table', () => {
	const written = new Set(['Islamic State Khorasan Province', 'IS-K', 'Kunduz']);
	const table = termTable(archive, (kind, slug) => `Profile of ${kind}/${slug}.`, written);

	it('lists every term of every kind with its spellings, label, public count and profile', () => {
		expect(table.find((t) => t.slug === 'is-k')).toEqual({
			kind: 'groups',
			slug: 'is-k',
			name: 'Islamic State Khorasan Province',
			short: 'IS-K',
			spellings: ['ISKP'],
			written: ['Islamic State Khorasan Province', 'IS-K'],
			label: 'Armed group',
			count: 1,
			profile: 'Profile of groups/is-k.',
		});
		expect(table.find((t) => t.slug === 'kunduz')).toMatchObject({
			label: 'Province in Afghanistan',
			spellings: ['Kundoz'],
		});
		// A country counts the reports on the places within it.
		expect(table.find((t) => t.slug === 'afghanistan')?.count).toBe(1);
		expect(table.find((t) => t.slug === 'jane')).toMatchObject({
			kind: 'authors',
			label: 'Author',
		});
	});

	it('orders terms by kind as the site does', () => {
		expect(table.map((t) => t.kind)).toEqual(['groups', 'regions', 'regions', 'authors']);
	});
});

describe('which spellings reports write', () => {
	const texts = [
		'IS-K’s attacks grew in [Kundoz](/regions/kunduz/).',
		'The **Islamic State-Khorasan Province** (IS-K) and the Taliban.',
	];
	const spellings = [
		'IS-K',
		'ISKP',
		'ISIS-K',
		'Kundoz',
		'Kunduz',
		'Islamic State-Khorasan Province',
		'Islamic State Khorasan Province',
		'Taleban',
		'Taliban',
	];
	const written = writtenSpellings(texts, spellings);

	it('finds a spelling whose words begin words of the texts, as Pagefind would', () => {
		expect([...written].sort()).toEqual(
			['IS-K', 'Islamic State-Khorasan Province', 'Kundoz', 'Taliban'].sort(),
		);
	});

	it('reads the words of the text, not a link’s address', () => {
		expect(written.has('Kunduz')).toBe(false);
	});

	it('needs every word of a spelling of several words', () => {
		expect(written.has('Islamic State Khorasan Province')).toBe(false);
	});

	it('gives the same answer from each text’s part, kept apart and put together', () => {
		const words = spellingWords(spellings);
		const parts = texts.map((text) => begunWords([text], words));
		expect(spellingsBegun(words, parts.flat())).toEqual(written);
		// Each text alone writes less than both.
		for (const part of parts) expect(spellingsBegun(words, part).size).toBeLessThan(written.size);
	});

	it('keeps of a text only the wanted words it begins, sorted, and nothing of a text without them', () => {
		const words = spellingWords(spellings);
		const part = begunWords([texts[1]!], words);
		expect(part.length).toBeGreaterThan(0);
		expect(part).toEqual([...part].sort());
		for (const word of part) expect(words.wanted.has(word)).toBe(true);
		expect(begunWords(['Nothing of the kind here.'], words)).toEqual([]);
	});
});
