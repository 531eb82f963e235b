import { describe, expect, it } from 'vitest';
import { browseSections } from '../../../src/lib/view/home.ts';
import { seedArchive } from '../../support/seed-archive.ts';

describe('browseSections', () => {
	const sections = browseSections(seedArchive());

	it('offers groups, regions, topics and types, in that order, with their headings', () => {
		expect(sections.map((s) => [s.id, s.heading])).toEqual([
			['By-group', 'By armed group'],
			['By-region', 'By region'],
			['By-topic', 'By topic'],
			['By-type', 'By type'],
		]);
	});

	it('lists regions by their countries only, each counting the places within it', () => {
		const regions = sections[1]!.items;
		expect(regions.map((i) => i.name)).toEqual(['Afghanistan', 'Iraq', 'Pakistan', 'Syria']);
		expect(regions[0]).toEqual({ href: '/regions/afghanistan/', name: 'Afghanistan', count: 4 });
	});

	it('leaves out terms and types without reports, and names types in the plural', () => {
		for (const s of sections) for (const i of s.items) expect(i.count).toBeGreaterThan(0);
		expect(sections[3]!.items.map((i) => i.name)).toContain('Special reports');
	});
});
