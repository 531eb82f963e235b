import { describe, expect, it } from 'vitest';
import { placesOf, withAncestors } from '../../../src/lib/model/places.ts';

interface R {
	name: string;
	parent: R | undefined;
}
const afghanistan: R = { name: 'Afghanistan', parent: undefined };
const kunduz: R = { name: 'Kunduz', parent: afghanistan };
const kabul: R = { name: 'Kabul', parent: afghanistan };
const pakistan: R = { name: 'Pakistan', parent: undefined };
const names = (rs: R[]) => rs.map((r) => r.name);

describe('places', () => {
	it('a region comes with the regions that contain it, nearest first', () => {
		expect(names(withAncestors(kunduz))).toEqual(['Kunduz', 'Afghanistan']);
	});

	it('a report on Kunduz and Kabul is about Afghanistan once', () => {
		expect(names(placesOf([kunduz, kabul]))).toEqual(['Kunduz', 'Afghanistan', 'Kabul']);
		expect(names(placesOf([kunduz, pakistan]))).toEqual(['Kunduz', 'Afghanistan', 'Pakistan']);
	});

	it('walks a loop of parents once instead of forever', () => {
		const a: R = { name: 'A', parent: undefined };
		const b: R = { name: 'B', parent: a };
		a.parent = b;
		expect(names(withAncestors(a))).toEqual(['A', 'B']);
	});
});
