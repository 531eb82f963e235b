import { describe, expect, it } from 'vitest';
import {
	excerpt,
	markWords,
	matchedWords,
	pageWords,
	sectionExcerpts,
	titleLength,
	type ExcerptPart,
} from '../../../src/lib/search/excerpt.ts';

const text = (parts: ExcerptPart[]) => parts.map((p) => p.text).join('');
const marked = (parts: ExcerptPart[]) => parts.filter((p) => p.marked).map((p) => p.text);

// As Pagefind indexes a report: the title, a period it adds, the summary, the body.
const content =
	'Fighting in the North. A brief on Kunduz. Two suicide bombings hit Shia mosques in Kundoz and Kandhar this past month. ' +
	'Background The province has seen fighting for years. IS-K’s cells grew there, as did “ISIS-K,” networks. ' +
	'Outlook More attacks in Kundoz are likely.';
const words = pageWords(content);
const at = (w: string) => words.indexOf(w);

describe('excerpts from the report’s own words', () => {
	it('splits the text at white space, as Pagefind counts word positions', () => {
		expect(pageWords('a  b\nc')).toEqual(['a', 'b', 'c']);
		expect(words[at('Kundoz')]).toBe('Kundoz');
	});

	it('knows how many leading words are the title, to start excerpts after it', () => {
		expect(titleLength(words, 'Fighting in the North')).toBe(4);
		expect(titleLength(words, 'Another title')).toBe(0);
	});

	it('marks the matched words as the report writes them, punctuation and possessive outside', () => {
		const parts = markWords(
			words,
			new Set([at('IS-K’s'), at('“ISIS-K,”')]),
			at('IS-K’s'),
			at('networks.') + 1,
		);
		expect(marked(parts)).toEqual(['IS-K', 'ISIS-K']);
		expect(text(parts)).toBe('IS-K’s cells grew there, as did “ISIS-K,” networks.');
	});

	it('marks a run of matched words as one, spaces included', () => {
		const w = pageWords('the Islamic State Khorasan said');
		expect(marked(markWords(w, new Set([1, 2, 3]), 0, 5))).toEqual(['Islamic State Khorasan']);
	});

	const anchors = [
		{ element: 'h2', id: 'background', text: 'Background', location: at('Background') },
		{ element: 'h2', id: 'outlook', text: 'Outlook', location: at('Outlook') },
	];

	it('takes the passage with most matches, a few words before them, an ellipsis where it cuts a sentence', () => {
		const hits = [at('Kundoz'), at('Kandhar'), words.lastIndexOf('Kundoz')];
		const parts = excerpt(words, hits, { from: 4, length: 9, anchors });
		expect(text(parts)).toBe('… Shia mosques in Kundoz and Kandhar this past month.');
		expect(marked(parts)).toEqual(['Kundoz', 'Kandhar']);
		// The text, ellipses aside, is the report's own.
		expect(content).toContain(text(parts).replace(/^… | …$/g, ''));
	});

	it('never runs from one section into the next heading', () => {
		const parts = excerpt(words, [at('Kandhar')], { from: 4, length: 20, anchors });
		expect(text(parts)).not.toContain('Background');
		const later = excerpt(words, [words.lastIndexOf('Kundoz')], { from: 4, length: 20, anchors });
		expect(text(later)).toBe('More attacks in Kundoz are likely.');
	});

	it('starts at the summary when the only matches are in the title', () => {
		const parts = excerpt(words, [1], { from: 4, length: 5 });
		expect(text(parts)).toBe('A brief on Kunduz. Two …');
		expect(marked(parts)).toEqual([]);
	});
});

describe('section links', () => {
	const anchors = [
		{ element: 'h2', id: 'background', text: 'Background', location: at('Background') },
		{ element: 'h2', id: 'outlook', text: 'Outlook', location: at('Outlook') },
		{ element: 'span', id: 'fnref-1', text: '', location: 3 },
	];

	it('links only to sections that hold a matched word, each with an excerpt of its own', () => {
		const hits = [at('IS-K’s'), words.lastIndexOf('Kundoz')];
		const sections = sectionExcerpts(words, hits, anchors, { length: 6, max: 3 });
		expect(sections.map((s) => [s.id, s.hits])).toEqual([
			['background', 1],
			['outlook', 1],
		]);
		expect(marked(sections[1]!.parts)).toEqual(['Kundoz']);
		expect(text(sections[1]!.parts)).not.toContain('Outlook');
	});

	it('keeps the sections with most matches, in the order of the report, and skips an excerpt already shown', () => {
		const hits = [at('IS-K’s'), at('“ISIS-K,”'), words.lastIndexOf('Kundoz')];
		const [only] = sectionExcerpts(words, hits, anchors, { length: 6, max: 1 });
		expect(only?.id).toBe('background');
		const shown = [at('IS-K’s') - 2, at('IS-K’s') + 10] as const;
		const [again] = sectionExcerpts(words, hits, anchors, { length: 6, max: 1, shown });
		expect(again?.parts).toEqual([]);
	});
});

describe('the words to highlight on the report page', () => {
	it('lists each matched word once, as written, without its punctuation', () => {
		const hits = [at('Kundoz'), at('IS-K’s'), at('“ISIS-K,”'), words.lastIndexOf('Kundoz')];
		expect(matchedWords(words, hits)).toEqual(['Kundoz', 'IS-K', 'ISIS-K']);
	});

	it('gives a name of several words that stands together as one entry, so the report marks the name', () => {
		const w = pageWords(
			'The state and the Islamic State Khorasan Province, said Islamic State Khorasan.',
		);
		const runs = new Map([
			[4, 4],
			[9, 3],
		]);
		expect(matchedWords(w, [4, 5, 6, 7, 9, 10, 11], 8, runs)).toEqual([
			'Islamic State Khorasan Province',
			'Islamic State Khorasan',
		]);
		// Without the runs, word by word, as for a reader's own words.
		expect(matchedWords(w, [4, 5], 8)).toEqual(['Islamic', 'State']);
	});
});

describe('text stays text', () => {
	it('keeps markup in a report as characters in a run, never as an element', () => {
		const w = pageWords('a quote: <img src=x onerror=alert(1)> here');
		const parts = markWords(w, new Set([5]), 0, w.length);
		expect(text(parts)).toBe('a quote: <img src=x onerror=alert(1)> here');
		expect(marked(parts)).toEqual(['here']);
	});
});
