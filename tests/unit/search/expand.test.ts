import { describe, expect, it } from 'vitest';
import {
	expandQuery,
	isPhrase,
	nameRunStarts,
	nameRuns,
	pagefindForm,
	withoutName,
} from '../../../src/lib/search/expand.ts';
import { pageWords } from '../../../src/lib/search/excerpt.ts';
import { createTermIndex } from '../../../src/lib/search/term-index.ts';
import { TERMS } from './terms-fixture.ts';

const index = createTermIndex(TERMS);
const texts = (q: string, max?: number) => expandQuery(q, index, max).queries.map((x) => x.text);

describe('query expansion', () => {
	it('searches a name in every spelling reports write, the reader’s own first', () => {
		expect(texts('Kunduz')).toEqual(['Kunduz', 'Kundoz', 'Qunduz', 'Kondoz']);
		expect(texts('Taleban')).toEqual(['Taleban', 'Taliban', 'Talibaan']);
	});

	it('searches only the spellings reports write: "ISKP", which none does, finds them by the others', () => {
		expect(texts('ISKP')).toEqual([
			'Islamic State Khorasan Province',
			'IS-K',
			'ISIS-K',
			'Islamic State-Khorasan Province',
		]);
		expect(texts('ISKP')).not.toContain('ISIL-K');
	});

	it('leaves out a spelling Pagefind reads as another or that another begins', () => {
		// "is k" is IS-K's key but Pagefind reads two words: the written "IS-K" is searched instead.
		expect(texts('is k')).toEqual(texts('ISKP'));
		// al-Qa'ida is alqaida to Pagefind, as Al-Qaida is; AQ is too short to search unless typed.
		expect(expandQuery('Al-Qaida', index).names[0]!.searched).toEqual(['Al-Qaida', 'Al-Qaeda']);
		// "isk" (IS-K) begins "iskp": Pagefind finds ISKP by it already.
		const all = createTermIndex([{ ...TERMS[0]!, written: ['IS-K', 'ISKP'] }]);
		expect(expandQuery('IS-K', all).names[0]!.searched).toEqual(['IS-K']);
	});

	it('searches a name no report writes as typed', () => {
		const none = createTermIndex([{ ...TERMS[1]!, written: [] }]);
		expect(expandQuery('Taleban', none).queries.map((q) => q.text)).toEqual(['Taleban']);
	});

	it('searches a name of several words that no report writes, typed alone, as a phrase', () => {
		const authors = createTermIndex(
			TERMS.map((t) => (t.kind === 'authors' ? { ...t, written: [] } : t)),
		);
		const alone = expandQuery('ahmad shah mohibi', authors);
		expect(alone.queries.map((q) => q.text)).toEqual(['"ahmad shah mohibi"']);
		expect(alone.answer?.term.slug).toBe('ahmad-shah-mohibi');
		// With other words, or written by a report, the name is searched as words, as any name.
		expect(texts('Ahmad Shah Mohibi')).toEqual(['Ahmad Shah Mohibi']);
		expect(expandQuery('ahmad shah mohibi taliban', authors).queries[0]!.text).toBe(
			'ahmad shah mohibi taliban',
		);
	});

	it('keeps the other words of the query around each spelling, up to a limit', () => {
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

	it('says which spellings it put in, and which names of several words to mark only together', () => {
		const [typed, other] = expandQuery('Kunduz attacks', index).queries;
		expect(typed).toEqual({ text: 'Kunduz attacks', phrases: [], written: [], own: ['attacks'] });
		expect(other).toMatchObject({ text: 'Kundoz attacks', written: ['Kundoz'] });
		expect(expandQuery('ISKP', index).queries[0]).toMatchObject({
			phrases: ['islamic state khorasan province'],
			written: ['Islamic State Khorasan Province'],
		});
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

describe('marking a name of several words', () => {
	const words = pageWords(
		'The state said the Islamic State Khorasan Province grew; Houthis and the Islamic states.',
	);
	const all = words.map((_, i) => i);
	const shown = (hits: number[]) => hits.map((h) => words[h]);

	it('marks its words where they stand together, not one by one', () => {
		const kept = nameRuns(words, all, ['islamic state khorasan province']);
		// "state" (1), the later "Islamic" (12) and "states." (13) stand alone; the rest stays.
		expect(kept).toEqual(all.filter((i) => ![1, 12, 13].includes(i)));
		expect(shown(kept).slice(3, 7)).toEqual(['Islamic', 'State', 'Khorasan', 'Province']);
	});

	it('does not mark a word that holds one of its words between hyphens ("inter-state")', () => {
		const w = pageWords('An inter-state rivalry: the Islamic State Khorasan Province grew.');
		const kept = nameRuns(w, [1, 4, 5, 6, 7], ['islamic state khorasan province']);
		expect(kept.map((h) => w[h])).toEqual(['Islamic', 'State', 'Khorasan', 'Province']);
	});

	it('says where each run of the name starts and how long it is', () => {
		expect([...nameRunStarts(words, all, ['islamic state khorasan province'])]).toEqual([[4, 4]]);
		expect([...nameRunStarts(words, all, ['kunduz'])]).toEqual([]);
	});

	it('keeps the reader’s own words, and every match when there is no such name', () => {
		expect(shown(nameRuns(words, [1], ['islamic state khorasan province'], ['state']))).toEqual([
			'state',
		]);
		expect(nameRuns(words, [1, 5], [])).toEqual([1, 5]);
	});
});

describe('the query once its name becomes a filter', () => {
	it('drops the words that name the term, whatever their case, and keeps the rest as typed', () => {
		expect(withoutName('ISKP attacks in Kabul', 'ISKP')).toBe('attacks in Kabul');
		expect(
			withoutName('attacks by islamic state khorasan province', 'Islamic State Khorasan Province'),
		).toBe('attacks by');
		expect(withoutName('Taleban', 'Taleban')).toBe('');
		expect(withoutName('Kabul', 'Kandahar')).toBe('Kabul');
	});
});
