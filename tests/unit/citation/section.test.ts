import { describe, expect, it } from 'vitest';
import {
	sectionCitation,
	sectionCitationTemplate,
	sectionUrl,
} from '../../../src/lib/citation/section.ts';

const URL = 'https://archive.example.org/reports/is-k-seeks-to-undermine-the-taliban/';
const APA = `Rise to Peace Counter-Terrorism Research Fellow. (2022). IS-K seeks to undermine the Taliban. Rise to Peace. Brief Archive. ${URL}`;

describe('section citations', () => {
	it('cite the report, name the section as APA points into a work, and link to the section', () => {
		const template = sectionCitationTemplate(APA, URL);
		expect(
			sectionCitation(template, 'Regional Instability', sectionUrl(URL, 'regional-instability')),
		).toBe(
			`Rise to Peace Counter-Terrorism Research Fellow. (2022). IS-K seeks to undermine the Taliban. Rise to Peace. Brief Archive. “Regional Instability” section. ${URL}#regional-instability`,
		);
	});

	it('keep a "$" or "{url}" in a section title as written', () => {
		const template = sectionCitationTemplate(APA, URL);
		expect(sectionCitation(template, 'Costs in $ and {url}', `${URL}#costs`)).toContain(
			'“Costs in $ and {url}” section.',
		);
	});

	it('make an absolute section URL from the permalink and the heading id', () => {
		expect(sectionUrl(URL, 'next-steps')).toBe(`${URL}#next-steps`);
		expect(sectionUrl(`${URL}#old`, 'überblick')).toBe(`${URL}#%C3%BCberblick`);
	});
});
