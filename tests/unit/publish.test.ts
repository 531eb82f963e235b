import { describe, expect, it } from 'vitest';
import { isPublic } from '../../src/lib/publish.ts';

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
