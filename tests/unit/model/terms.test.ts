import type { ContentIssue } from '../../../src/lib/model/content-error.ts';
import { describe, expect, it } from 'vitest';
import { createAliasTable, termKey, type Term } from '../../../src/lib/model/terms.ts';

describe('termKey', () => {
	it('lower-cases a spelling', () => {
		expect(termKey('ISKP')).toBe('iskp');
	});

	it('makes "IS-K", "is k", "IS K" and "is--k" the same key', () => {
		const keys = ['IS-K', 'is k', 'IS K', ' is--k '].map(termKey);
		expect(new Set(keys)).toEqual(new Set(['is k']));
	});

	it('keeps "ISKP" and "IS-K" apart: only punctuation and spacing are collapsed, not removed', () => {
		expect(termKey('ISKP')).not.toBe(termKey('IS-K'));
	});

	it('drops straight and curly apostrophes, so "Al-Qa’ida" and "al-qaida" share a key', () => {
		expect(termKey('Al-Qa’ida')).toBe('al qaida');
		expect(termKey('al-qaida')).toBe('al qaida');
		expect(termKey("al qa'ida")).toBe('al qaida');
		expect(termKey('AL-QAIDA')).toBe('al qaida');
	});

	it('drops accents, so "Kandahār" and "Kandahar" share a key', () => {
		expect(termKey('Kandahār')).toBe('kandahar');
		expect(termKey('Kündüz')).toBe(termKey('Kunduz'));
	});

	it('collapses a dash with spaces round it like a hyphen', () => {
		expect(termKey('Islamic State – Khorasan Province')).toBe(
			termKey('Islamic State-Khorasan Province'),
		);
	});

	it('keeps letters of other scripts', () => {
		expect(termKey('طالبان')).toBe('طالبان');
	});

	it('reduces a spelling of punctuation only to the empty key', () => {
		expect(termKey(' -–! ')).toBe('');
	});
});

const GROUPS: Term[] = [
	{ slug: 'is-k', name: 'Islamic State Khorasan Province', aliases: ['ISKP', 'IS-K', 'ISIS-K'] },
	{ slug: 'islamic-state', name: 'Islamic State', aliases: ['ISIS', 'Daesh'] },
	{ slug: 'taliban', name: 'Taliban', aliases: ['Islamic Emirate of Afghanistan'] },
	{ slug: 'al-qaeda', name: 'Al-Qaeda', aliases: ['Al-Qa’ida', 'AQ'] },
];

const REGIONS: Term[] = [
	{ slug: 'kunduz', name: 'Kunduz', aliases: ['Kundoz', 'Qunduz', 'Kondoz'] },
	{ slug: 'kunar', name: 'Kunar', aliases: [] },
	{ slug: 'kandahar', name: 'Kandahar', aliases: ['Kandahār'] },
	{ slug: 'kabul', name: 'Kabul', aliases: [] },
	{ slug: 'balkh', name: 'Balkh', aliases: [] },
];

describe('createAliasTable', () => {
	const groups = createAliasTable('groups', GROUPS);

	it('keeps its kind and terms', () => {
		expect(groups.kind).toBe('groups');
		expect(groups.terms).toBe(GROUPS);
	});

	it('finds a term by its slug', () => {
		expect(groups.get('is-k')).toBe(GROUPS[0]);
	});

	it('finds a term by its name, in any case', () => {
		expect(groups.get('Islamic State Khorasan Province')).toBe(GROUPS[0]);
		expect(groups.get('ISLAMIC STATE KHORASAN PROVINCE')).toBe(GROUPS[0]);
	});

	it('finds a term by any alias, in any case and punctuation', () => {
		for (const spelling of ['ISKP', 'iskp', 'IS-K', 'is k', 'isis k', 'Isis-K']) {
			expect(groups.get(spelling), spelling).toBe(GROUPS[0]);
		}
	});

	it('finds "al-qa\'ida" through the alias "Al-Qa’ida"', () => {
		expect(groups.get("al-qa'ida")).toBe(GROUPS[3]);
		expect(groups.get('AL QAIDA')).toBe(GROUPS[3]);
	});

	it('finds an accented alias without its accents and the other way round', () => {
		const regions = createAliasTable('regions', REGIONS);
		expect(regions.get('kandahar')).toBe(REGIONS[2]);
		expect(regions.get('Kāndahār')).toBe(REGIONS[2]);
	});

	it('does not confuse a term with another that shares words with it', () => {
		expect(groups.get('Islamic State')).toBe(GROUPS[1]);
		expect(groups.get('Islamic State Khorasan')).toBeUndefined();
	});

	it('returns undefined for an unknown spelling or an empty one', () => {
		expect(groups.get('Hezbollah')).toBeUndefined();
		expect(groups.get('')).toBeUndefined();
		expect(groups.get(' - ')).toBeUndefined();
	});

	it('allows one term to list the same spelling more than once (slug "is-k" and alias "IS-K")', () => {
		expect(() =>
			createAliasTable('groups', [{ slug: 'is-k', name: 'IS-K', aliases: ['is k', 'IS-K'] }]),
		).not.toThrow();
	});

	it('throws when two terms claim the same alias, naming the spelling and both slugs', () => {
		const terms: Term[] = [
			{ slug: 'islamic-state', name: 'Islamic State', aliases: ['IS'] },
			{ slug: 'is-k', name: 'Islamic State Khorasan Province', aliases: ['IS'] },
		];
		expect(() => createAliasTable('groups', terms)).toThrow(
			'content/groups: "IS" names both islamic-state and is-k; an alias must belong to one term',
		);
	});

	it('treats spellings that normalise to the same key as a conflict', () => {
		const terms: Term[] = [
			{ slug: 'kunduz', name: 'Kunduz', aliases: ['Kundoz'] },
			{ slug: 'kunduz-city', name: 'Kunduz City', aliases: ['KUNDOZ'] },
		];
		expect(() => createAliasTable('regions', terms)).toThrow(
			/"KUNDOZ" names both kunduz and kunduz-city/,
		);
	});

	it('reports every conflicting spelling at once', () => {
		const terms: Term[] = [
			{ slug: 'a', name: 'Alpha', aliases: ['X', 'Y'] },
			{ slug: 'b', name: 'Beta', aliases: ['X', 'Y'] },
		];
		let message = '';
		try {
			createAliasTable('topics', terms);
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message.split('\n')).toEqual([
			'content/topics: "X" names both a and b; an alias must belong to one term',
			'content/topics: "Y" names both a and b; an alias must belong to one term',
		]);
	});
});

describe('createAliasTable with an issue list', () => {
	it('adds each conflict to the list as an aliases issue, keeps the first term and does not throw', () => {
		const issues: ContentIssue[] = [];
		const table = createAliasTable(
			'groups',
			[
				{ slug: 'islamic-state', name: 'Islamic State', aliases: ['IS'] },
				{ slug: 'is-k', name: 'Islamic State Khorasan Province', aliases: ['IS'] },
			],
			issues,
		);
		expect(issues).toEqual([
			{
				file: 'content/groups',
				field: 'aliases',
				message: '"IS" names both islamic-state and is-k; an alias must belong to one term',
			},
		]);
		expect(table.get('IS')?.slug).toBe('islamic-state');
	});
});

describe('AliasTable.suggest', () => {
	const groups = createAliasTable('groups', GROUPS);
	const regions = createAliasTable('regions', REGIONS);

	it('puts the nearest term first, as "slug (Name)": "Talibn" suggests taliban', () => {
		expect(groups.suggest('Talibn')[0]).toBe('taliban (Taliban)');
	});

	it.each(['Kundoz', 'Kunduzz', 'Kundus', 'Qundoz', 'Kondooz', 'kunduz province'])(
		'suggests kunduz first for the misspelling "%s", ahead of the similar Kunar',
		(typo) => {
			const suggestions = regions.suggest(typo);
			expect(suggestions[0]).toBe('kunduz (Kunduz)');
		},
	);

	it('matches a misspelt alias to the term it belongs to: "ISKPP" suggests is-k', () => {
		expect(groups.suggest('ISKPP')[0]).toBe('is-k (Islamic State Khorasan Province)');
	});

	it('returns at most three plausible suggestions by default, and at most `max` when given', () => {
		const near = createAliasTable(
			'topics',
			['alpha', 'alphb', 'alphc', 'alphd'].map((slug) => ({ slug, name: slug, aliases: [] })),
		);
		expect(near.suggest('alphx')).toEqual(['alpha', 'alphb', 'alphc']);
		expect(near.suggest('alphx', 1)).toEqual(['alpha']);
		expect(near.suggest('alphx', 10)).toEqual(['alpha', 'alphb', 'alphc', 'alphd']);
	});

	it('always suggests the nearest term, but leaves out others too far off to be a misspelling of it', () => {
		const far = createAliasTable('topics', [
			{ slug: 'recruitment', name: 'Recruitment', aliases: [] },
			{ slug: 'economic-crisis', name: 'Economic crisis', aliases: [] },
		]);
		expect(far.suggest('zzz')).toHaveLength(1);
		expect(far.suggest('recruitmnt')).toEqual(['recruitment (Recruitment)']);
	});

	it('lists each term once even when several of its spellings are near', () => {
		const suggestions = groups.suggest('IS K', 10);
		expect(suggestions.filter((s) => s.startsWith('is-k '))).toHaveLength(1);
		expect(new Set(suggestions).size).toBe(suggestions.length);
	});

	it('shows the slug alone when the name is the same as the slug', () => {
		const authors = createAliasTable('authors', [{ slug: 'staff', name: 'staff', aliases: [] }]);
		expect(authors.suggest('staf')).toEqual(['staff']);
	});

	it('suggests nothing when the taxonomy is empty', () => {
		expect(createAliasTable('topics', []).suggest('anything')).toEqual([]);
	});
});
