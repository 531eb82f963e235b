import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../../src/lib/checks/frontmatter.ts';
import {
	aliasTables,
	describeTerm,
	MAX_SLUG_LENGTH,
	readTerms,
	renderReport,
	renderTerm,
	resolveTerms,
	SKELETONS,
	slugFromTitle,
	slugTaken,
	splitList,
	todayIso,
} from '../../../scripts/lib/scaffold.ts';
import {
	reportSchema,
	groupSchema,
	regionSchema,
	authorSchema,
} from '../../../src/lib/model/schema.ts';
import { SLUG_PATTERN } from '../../../src/lib/model/slugs.ts';

describe('slugFromTitle', () => {
	it('lower-cases and joins words with hyphens', () => {
		expect(slugFromTitle('IS-K Seeks to Undermine the Taliban')).toBe(
			'is-k-seeks-to-undermine-the-taliban',
		);
	});

	it('transliterates accents and letters without a decomposition', () => {
		expect(slugFromTitle('Kandahār and Kündüz')).toBe('kandahar-and-kunduz');
		expect(slugFromTitle('Straße, Æther, Łódź, Øresund')).toBe('strasse-aether-lodz-oresund');
	});

	it('drops apostrophes instead of splitting a word at them', () => {
		expect(slugFromTitle('The Taliban’s Promise')).toBe('the-talibans-promise');
		expect(slugFromTitle("Al-Qa'ida's Return")).toBe('al-qaidas-return');
	});

	it('turns every other run of punctuation or space into one hyphen, none at the ends', () => {
		expect(slugFromTitle('  IS-K: The Rise (2022) — and Fall?  ')).toBe(
			'is-k-the-rise-2022-and-fall',
		);
	});

	it('returns an empty slug when no letter a-z or digit is left', () => {
		expect(slugFromTitle('داعش خراسان')).toBe('');
		expect(slugFromTitle('!!!')).toBe('');
	});

	it('cuts a long title at a word, and the result is always a valid slug', () => {
		const slug = slugFromTitle('word '.repeat(40));
		expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
		expect(slug.endsWith('word')).toBe(true);
		for (const title of ['Kandahār', 'a — b', 'x'.repeat(200), 'IS-K: 2022/05']) {
			expect(slugFromTitle(title)).toMatch(SLUG_PATTERN);
		}
	});
});

describe('slugTaken', () => {
	it('finds the slug among .md and .mdx files, ignoring case', () => {
		expect(slugTaken('kabul-brief', ['kabul-brief.mdx'])).toBe(true);
		expect(slugTaken('kabul-brief', ['Kabul-Brief.md'])).toBe(true);
		expect(slugTaken('kabul-brief', ['kabul-brief-2.md', 'other.md'])).toBe(false);
	});
});

const GROUPS = readTerms('groups', [
	{
		slug: 'is-k',
		text: '---\nname: Islamic State Khorasan Province\naliases: [ISKP, IS-K, ISIS-K]\n---\n',
	},
	{ slug: 'taliban', text: '---\nname: Taliban\naliases: [Taleban]\n---\n' },
	{ slug: 'broken', text: '---\nname: [unclosed\n---\n' },
]);
const tables = aliasTables({ groups: GROUPS, regions: [], topics: [], authors: [] });

describe('term lookup through the alias table', () => {
	it('reads names and aliases from term files, and a broken file by its slug', () => {
		expect(GROUPS.map((t) => [t.slug, t.name])).toEqual([
			['is-k', 'Islamic State Khorasan Province'],
			['taliban', 'Taliban'],
			['broken', 'broken'],
		]);
	});

	it('resolves slugs, names and aliases in any case and spelling to slugs, without repeats', () => {
		expect(
			resolveTerms(tables.groups, ['ISKP', 'is k', 'Taleban', 'islamic state khorasan province']),
		).toEqual({ slugs: ['is-k', 'taliban'], unknown: [] });
	});

	it('lists unknown spellings with the nearest known terms', () => {
		const { slugs, unknown } = resolveTerms(tables.groups, ['Talibn', 'IS-K']);
		expect(slugs).toEqual(['is-k']);
		expect(unknown).toEqual([{ spelling: 'Talibn', suggestions: ['taliban (Taliban)'] }]);
	});

	it('offers a term with its aliases', () => {
		expect(describeTerm(GROUPS[0]!)).toBe(
			'is-k  Islamic State Khorasan Province (also ISKP, IS-K, ISIS-K)',
		);
	});

	it('splits comma-separated and repeated values', () => {
		expect(splitList(['ISKP, Taliban', ' ', 'al-qaida'])).toEqual(['ISKP', 'Taliban', 'al-qaida']);
	});
});

describe('todayIso', () => {
	it('gives the date at day precision in the given time zone', () => {
		const instant = new Date('2026-03-01T23:30:00Z');
		expect(todayIso(instant, 'UTC')).toBe('2026-03-01');
		expect(todayIso(instant, 'Asia/Kabul')).toBe('2026-03-02');
	});
});

describe('renderReport', () => {
	const text = renderReport({
		title: 'IS-K: "The Rise" # of a rival',
		type: 'brief',
		date: '2026-03-02',
		groups: ['is-k'],
		regions: [],
		topics: ['recruitment'],
		authors: [],
	});

	it('writes a draft, dated with a quoted day, that the report schema accepts as is', () => {
		const fm = readFrontmatter(text);
		if (!('data' in fm)) throw new Error(fm.problem.message);
		expect(fm.plainText('published')).toBeUndefined();
		const data = reportSchema.parse(fm.data);
		expect(data.title).toBe('IS-K: "The Rise" # of a rival');
		expect(data.status).toBe('draft');
		expect(data.published).toMatchObject({ iso: '2026-03-02', precision: 'day' });
		expect(data.groups).toEqual(['is-k']);
		expect(data.regions).toEqual([]);
	});

	it('gives a brief the summary, key judgments, discussion and outlook sections', () => {
		const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
		expect(headings).toEqual(['Summary', 'Key judgments', 'Discussion', 'Outlook']);
	});

	it('has a skeleton for every type', () => {
		for (const [type, sections] of Object.entries(SKELETONS)) {
			expect(sections.length, type).toBeGreaterThan(2);
		}
	});
});

describe('renderTerm', () => {
	const parse = (text: string) => {
		const fm = readFrontmatter(text);
		if (!('data' in fm)) throw new Error(fm.problem.message);
		return fm.data;
	};

	it('writes a group with its short name and aliases', () => {
		const data = groupSchema.parse(
			parse(
				renderTerm({ kind: 'groups', name: 'TTP: Pakistan', aliases: ['TTP'], shortName: 'TTP' }),
			),
		);
		expect(data).toEqual({ name: 'TTP: Pakistan', shortName: 'TTP', aliases: ['TTP'] });
	});

	it('gives a region and an author the kind their schema requires', () => {
		expect(
			regionSchema.parse(
				parse(
					renderTerm({
						kind: 'regions',
						name: 'Herat',
						aliases: [],
						subkind: 'province',
						parent: 'afghanistan',
					}),
				),
			),
		).toEqual({ name: 'Herat', kind: 'province', parent: 'afghanistan', aliases: [] });
		expect(
			authorSchema.parse(parse(renderTerm({ kind: 'authors', name: 'Jane Doe', aliases: [] })))
				.kind,
		).toBe('person');
	});
});
