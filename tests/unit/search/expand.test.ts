import { describe, expect, it } from 'vitest';
import {
	containsSpellings,
	expandQuery,
	isPhrase,
	pagefindForm,
} from '../../../src/lib/search/expand.ts';
import { createTermIndex } from '../../../src/lib/search/term-index.ts';
import { TERMS } from './terms-fixture.ts';

const index = createTermIndex(TERMS);
const texts = (q: string, max?: number) => expandQuery(q, index, max).queries.map((x) => x.text);

describe('query expansion', () => {
	it('searches a name in every spelling, the reader’s own first', () => {
		expect(texts('Kunduz')).toEqual(['Kunduz', 'Kundoz', 'Qunduz', 'Kondoz']);
		expect(texts('Taleban')).toEqual(['Taleban', 'Taliban', 'Talibaan']);
	});

	it('searches a one-name query’s longer spellings as phrases', () => {
		expect(texts('ISKP')).toEqual([
			'ISKP',
			'"Islamic State Khorasan Province"',
			'IS-K',
			'ISIS-K',
			'ISIL-K',
			'"Islamic State-Khorasan Province"',
		]);
	});

	it('leaves out a spelling Pagefind reads as another (IS-KP is iskp) or that another begins', () => {
		const searched = expandQuery('ISIS-K', index).names[0]!.searched;
		expect(searched).not.toContain('IS-KP');
		// "isk" (IS-K) begins "iskp": Pagefind finds ISKP by it already.
		expect(expandQuery('IS-K', index).names[0]!.searched).not.toContain('ISKP');
	});

	it('leaves out acronyms too short to mean anything alone, unless typed', () => {
		expect(expandQuery('ISIS', index).names[0]!.searched).toEqual([
			'ISIS',
			'Islamic State',
			'ISIL',
			'Daesh',
		]);
		expect(texts('IS')[0]).toBe('IS');
	});

	it('keeps the other words of the query around each spelling', () => {
		expect(texts('Taleban attacks in Kabul')).toEqual([
			'Taleban attacks in Kabul',
			'Taleban attacks in Kabol',
			'Taliban attacks in Kabul',
			'Taliban attacks in Kabol',
			'Talibaan attacks in Kabul',
			'Talibaan attacks in Kabol',
		]);
		expect(texts('Taleban attacks in Kabul', 3)).toHaveLength(3);
	});

	it('asks Pagefind to check only the spellings it put in, as Pagefind reads them', () => {
		const [typed, ...rest] = expandQuery('Kunduz', index).queries;
		expect(typed).toEqual({ text: 'Kunduz', spellings: [], written: [] });
		expect(rest[0]).toEqual({ text: 'Kundoz', spellings: ['kundoz'], written: ['Kundoz'] });
	});

	it('searches a quoted phrase as typed, and answers it when it is a name', () => {
		const e = expandQuery('"largest military hospital"', index);
		expect(e.queries.map((q) => q.text)).toEqual(['"largest military hospital"']);
		expect(e.phrase).toBe(true);
		expect(e.answer).toBeUndefined();
		expect(expandQuery('"Islamic State"', index).answer?.term.slug).toBe('islamic-state');
	});

	it('answers the first name of a query, or the closest name to a typo', () => {
		expect(expandQuery('attacks in Kundoz', index).answer).toMatchObject({
			term: { slug: 'kunduz' },
			exact: true,
		});
		expect(expandQuery('Talibn', index).answer).toMatchObject({
			term: { slug: 'taliban' },
			exact: false,
		});
		expect(expandQuery('hospital', index).answer).toBeUndefined();
	});

	it('searches filters alone when there are no words', () => {
		expect(texts('  ')).toEqual([null]);
	});
});

describe('what Pagefind reads', () => {
	it('drops punctuation without a space, lowers case and removes accents', () => {
		expect(pagefindForm('IS-K')).toBe('isk');
		expect(pagefindForm("Al-Qa'ida")).toBe('alqaida');
		expect(pagefindForm('Islamic State – Khorasan  Province')).toBe(
			'islamic state khorasan province',
		);
		expect(pagefindForm('Kandahār')).toBe('kandahar');
	});

	it('knows a quoted phrase', () => {
		expect(isPhrase(' "a b" ')).toBe(true);
		expect(isPhrase('"a" b')).toBe(false);
	});
});

describe('a report found by a spelling really contains it', () => {
	const words = 'The IS-K’s rise, and ISIS in Syria; the Houthi movement'.split(' ');
	it('accepts a matched word that begins with the spelling, or its singular', () => {
		expect(containsSpellings(words, [1], ['isk'])).toBe(true);
		expect(containsSpellings(words, [8], ['houthis'])).toBe(true);
	});

	it('refuses a report Pagefind found by shortening an absent spelling', () => {
		// "isil" is in no report; Pagefind shortens it until "ISIS" matches.
		expect(containsSpellings(words, [4], ['isil'])).toBe(false);
		expect(containsSpellings(words, [1], ['iskp'])).toBe(false);
	});

	it('needs every word of a longer spelling', () => {
		const text = 'the Islamic State Khorasan'.split(' ');
		expect(containsSpellings(text, [1, 2, 3], ['islamic state khorasan'])).toBe(true);
		expect(containsSpellings(text, [1, 2], ['islamic state khorasan'])).toBe(false);
	});
});
