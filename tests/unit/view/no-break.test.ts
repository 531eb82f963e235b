import { describe, expect, it } from 'vitest';
import { noBreakRuns } from '../../../src/lib/view/no-break.ts';

const kept = (text: string) =>
	noBreakRuns(text)
		.filter((r) => r.keep)
		.map((r) => r.text);

describe('names that must not break at their hyphen', () => {
	it('keeps a hyphenated name with a short part on one line', () => {
		expect(kept('The Emergence and Expansion of ISIS-K and the Taliban')).toEqual(['ISIS-K']);
		expect(kept('IS-K, al-Qaida and Tehrik-i-Taliban Pakistan')).toEqual([
			'IS-K',
			'al-Qaida',
			'Tehrik-i-Taliban',
		]);
	});

	it('lets a long compound break as any word may', () => {
		expect(kept('a large-scale attack by the Islamic State-Khorasan Province')).toEqual([]);
	});

	it('gives back the whole text, in order', () => {
		const text = '“IS-K’s rise”, said al-Qaida.';
		expect(
			noBreakRuns(text)
				.map((r) => r.text)
				.join(''),
		).toBe(text);
		expect(noBreakRuns('')).toEqual([]);
	});
});
