import { describe, expect, it } from 'vitest';
import { REPORT_TYPE_INFO, REPORT_TYPES } from '../../../src/lib/model/report-types.ts';

describe('report types', () => {
	it('is the closed set brief, analysis, special-report, backgrounder', () => {
		expect(REPORT_TYPES).toEqual(['brief', 'analysis', 'special-report', 'backgrounder']);
	});

	it('gives every type its own slug, a singular and plural label and a description', () => {
		for (const type of REPORT_TYPES) {
			const info = REPORT_TYPE_INFO[type];
			expect(info.slug).toBe(type);
			expect(info.name.length, type).toBeGreaterThan(0);
			expect(info.plural).not.toBe(info.name);
			expect(info.description.length, type).toBeGreaterThan(0);
		}
		expect(REPORT_TYPE_INFO['special-report'].name).toBe('Special report');
		expect(REPORT_TYPE_INFO.analysis.plural).toBe('Analyses');
	});
});
