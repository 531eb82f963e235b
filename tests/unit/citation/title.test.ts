import { describe, expect, it } from 'vitest';
import { bracedCore, citationTitle } from '../../../src/lib/citation/title.ts';

const NOUNS = ['Taliban', 'Afghanistan', 'Islamic State', 'IS-K', 'Al-Qaeda', 'Kabul', 'Iran'];

describe('citationTitle', () => {
	it('puts the seed titles in APA sentence case, keeping proper nouns and acronyms', () => {
		expect(citationTitle('IS-K Seeks to Undermine the Taliban', NOUNS).sentence).toBe(
			'IS-K seeks to undermine the Taliban',
		);
		expect(
			citationTitle('The Emergence and Expansion of ISIS-K and the Taliban', NOUNS).sentence,
		).toBe('The emergence and expansion of ISIS-K and the Taliban');
		expect(
			citationTitle('Special Report: The Rise of the Islamic State in Afghanistan', NOUNS).sentence,
		).toBe('Special report: The rise of the Islamic State in Afghanistan');
		expect(
			citationTitle('Afghanistan’s Economic Crisis Means Rapid Growth for Terrorist Cells', NOUNS)
				.sentence,
		).toBe('Afghanistan’s economic crisis means rapid growth for terrorist cells');
	});

	it('lower-cases the parts of a hyphenated compound but keeps acronyms and names inside one', () => {
		expect(citationTitle('Counter-Terrorism after Al-Qaeda’s Return', NOUNS).sentence).toBe(
			'Counter-terrorism after Al-Qaeda’s return',
		);
		expect(citationTitle('Why the U.S. Left Kabul', NOUNS).sentence).toBe(
			'Why the U.S. left Kabul',
		);
	});

	it('capitalises the first word after a colon or a dash, as APA does for subtitles', () => {
		expect(citationTitle('Kabul — A City Under Pressure', NOUNS).sentence).toBe(
			'Kabul — A city under pressure',
		);
	});

	it('uses the author’s own sentence-case title when the frontmatter gives one', () => {
		const title = citationTitle(
			'Herat’s Water and the Taliban',
			NOUNS,
			'Herat’s water and the Taliban',
		);
		expect(title.sentence).toBe('Herat’s water and the Taliban');
		expect(title.protect).toEqual([false, false, false, false, true]);
	});

	it('marks the words BibTeX must brace: proper nouns and acronyms, even first in the title', () => {
		const title = citationTitle('IS-K Seeks to Undermine the Taliban', NOUNS);
		expect(title.words.filter((_, i) => title.protect[i])).toEqual(['IS-K', 'Taliban']);
	});
});

describe('bracedCore', () => {
	it('braces the word and leaves its punctuation and possessive outside', () => {
		expect(bracedCore('Afghanistan’s,')).toBe('{Afghanistan}’s,');
		expect(bracedCore('(IS-K)')).toBe('({IS-K})');
	});
});
