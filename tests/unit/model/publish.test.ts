import { describe, expect, it } from 'vitest';
import {
	isIncluded,
	isPublic,
	resolveBuildTime,
	resolvePublishMode,
	visibility,
} from '../../../src/lib/model/publish.ts';

const NOW = new Date('2026-06-01T12:00:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describe('isPublic', () => {
	it('never makes a draft public, with or without an embargo', () => {
		expect(isPublic({ status: 'draft' }, NOW)).toBe(false);
		expect(isPublic({ status: 'draft', embargo: at(-86_400_000) }, NOW)).toBe(false);
		expect(isPublic({ status: 'draft', embargo: at(86_400_000) }, NOW)).toBe(false);
	});

	it('makes a published report without an embargo public', () => {
		expect(isPublic({ status: 'published' }, NOW)).toBe(true);
		expect(isPublic({ status: 'published', embargo: undefined }, NOW)).toBe(true);
	});

	it('keeps a published report private while its embargo is in the future, even by a millisecond', () => {
		expect(isPublic({ status: 'published', embargo: at(86_400_000) }, NOW)).toBe(false);
		expect(isPublic({ status: 'published', embargo: at(1) }, NOW)).toBe(false);
	});

	it('makes a published report public once its embargo is in the past', () => {
		expect(isPublic({ status: 'published', embargo: at(-1) }, NOW)).toBe(true);
		expect(isPublic({ status: 'published', embargo: new Date('2020-01-01T00:00:00Z') }, NOW)).toBe(
			true,
		);
	});

	it('makes a published report public when its embargo is exactly now', () => {
		expect(isPublic({ status: 'published', embargo: new Date(NOW.getTime()) }, NOW)).toBe(true);
	});

	it('compares instants, not wall-clock text: 13:00+01:00 is the same instant as 12:00Z', () => {
		expect(
			isPublic({ status: 'published', embargo: new Date('2026-06-01T13:00:00+01:00') }, NOW),
		).toBe(true);
		expect(
			isPublic({ status: 'published', embargo: new Date('2026-06-01T13:00:01+01:00') }, NOW),
		).toBe(false);
	});
});

describe('visibility', () => {
	it('says why a report is not public: a draft, or embargoed until a given instant', () => {
		expect(visibility({ status: 'draft', embargo: at(-1) }, NOW)).toEqual({ state: 'draft' });
		expect(visibility({ status: 'published', embargo: at(1) }, NOW)).toEqual({
			state: 'embargoed',
			until: at(1),
		});
		expect(visibility({ status: 'published', embargo: at(0) }, NOW)).toEqual({ state: 'public' });
	});

	it('fails closed on an invalid build time: an embargoed report stays private', () => {
		const invalid = new Date('not a date');
		expect(isPublic({ status: 'published', embargo: at(-86_400_000) }, invalid)).toBe(false);
		expect(isPublic({ status: 'published' }, invalid)).toBe(true);
	});

	it('keeps an embargo that is an invalid date private rather than public', () => {
		expect(isPublic({ status: 'published', embargo: new Date(Number.NaN) }, NOW)).toBe(false);
	});
});

describe('isIncluded', () => {
	const draft = { status: 'draft' } as const;
	const embargoed = { status: 'published', embargo: at(1) } as const;
	const published = { status: 'published' } as const;

	it('includes exactly the public reports in a publish build', () => {
		expect(isIncluded(draft, NOW, 'publish')).toBe(false);
		expect(isIncluded(embargoed, NOW, 'publish')).toBe(false);
		expect(isIncluded(published, NOW, 'publish')).toBe(true);
	});

	it('includes every report in an author’s preview', () => {
		expect(isIncluded(draft, NOW, 'preview')).toBe(true);
		expect(isIncluded(embargoed, NOW, 'preview')).toBe(true);
		expect(isIncluded(published, NOW, 'preview')).toBe(true);
	});
});

describe('resolveBuildTime', () => {
	it('uses the current time when BRIEF_BUILD_TIME is unset or empty', () => {
		expect(resolveBuildTime(undefined, NOW)).toBe(NOW);
		expect(resolveBuildTime('  ', NOW)).toBe(NOW);
	});

	it('reads an ISO date-time with an offset', () => {
		expect(resolveBuildTime('2026-06-01T14:00:00+02:00').toISOString()).toBe(
			'2026-06-01T12:00:00.000Z',
		);
	});

	it('refuses a value without an offset or that is not a date, instead of guessing', () => {
		expect(() => resolveBuildTime('2026-06-01T12:00:00')).toThrow(
			'BRIEF_BUILD_TIME="2026-06-01T12:00:00" is not a date-time with a time-zone offset',
		);
		expect(() => resolveBuildTime('tomorrow')).toThrow('is not a date-time');
	});
});

describe('resolvePublishMode', () => {
	it('previews under astro dev and when BRIEF_PREVIEW is set, publishes otherwise', () => {
		expect(resolvePublishMode(undefined, true)).toBe('preview');
		expect(resolvePublishMode('1', false)).toBe('preview');
		expect(resolvePublishMode(undefined, false)).toBe('publish');
		expect(resolvePublishMode('', false)).toBe('publish');
		expect(resolvePublishMode('0', false)).toBe('publish');
	});
});
