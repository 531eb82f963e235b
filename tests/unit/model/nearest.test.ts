import { describe, expect, it } from 'vitest';
import { didYouMean, nearest } from '../../../src/lib/model/nearest.ts';

describe('nearest', () => {
	it('puts the closest allowed value first, ignoring case', () => {
		expect(nearest('Breif', ['analysis', 'brief', 'backgrounder'])[0]).toBe('brief');
	});

	it('always gives the nearest value, even when it is not close', () => {
		expect(nearest('zzzzzf', ['brief', 'analysis'])).toEqual(['brief']);
	});

	it('adds other values only while they are plausible misspellings, up to max', () => {
		expect(nearest('topic', ['topics', 'tropic', 'title', 'summary'], { max: 2 })).toEqual([
			'topics',
			'tropic',
		]);
	});

	it('gives nothing when nothing is allowed', () => {
		expect(nearest('x', [])).toEqual([]);
	});

	it('gives only plausible misspellings when not asked to always suggest', () => {
		expect(nearest('zzzzzf', ['brief', 'analysis'], { always: false })).toEqual([]);
		expect(nearest('breif', ['brief', 'analysis'], { always: false })).toEqual(['brief']);
	});
});

describe('didYouMean', () => {
	it('quotes one suggestion or joins several with "or"', () => {
		expect(didYouMean('publishd', ['published', 'draft'])).toBe('did you mean "published"?');
		expect(didYouMean('topic', ['topics', 'tropic', 'tonic'])).toBe(
			'did you mean "topics", "tropic" or "tonic"?',
		);
	});

	it('is empty when nothing is allowed', () => {
		expect(didYouMean('x', [])).toBe('');
	});
});
