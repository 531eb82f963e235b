import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	CITATION_FILES,
	citationFileName,
	citationFilePath,
	citationFileType,
	citationHeadersRules,
} from '../../../src/lib/citation/files.ts';

describe('citation files', () => {
	it('live beside the report page as cite.bib, cite.ris and cite.json', () => {
		expect(citationFilePath('a-report', 'bibtex')).toBe('/reports/a-report/cite.bib');
		expect(citationFilePath('a-report', 'ris')).toBe('/reports/a-report/cite.ris');
		expect(citationFilePath('a-report', 'csl')).toBe('/reports/a-report/cite.json');
	});

	it('download under the report’s slug, so that two downloads do not overwrite each other', () => {
		expect(citationFileName('a-report', 'bibtex')).toBe('a-report.bib');
	});

	it('have the media type of their format, and other paths have none', () => {
		expect(citationFileType('/reports/a-report/cite.bib')).toBe(
			'application/x-bibtex; charset=utf-8',
		);
		expect(citationFileType('/reports/a-report/cite.ris')).toBe(
			'application/x-research-info-systems; charset=utf-8',
		);
		expect(citationFileType('/reports/a-report/cite.json')).toBe(
			'application/vnd.citationstyles.csl+json; charset=utf-8',
		);
		expect(citationFileType('/reports/a-report/')).toBeUndefined();
		expect(citationFileType('/reports/a-report/cite.txt')).toBeUndefined();
	});

	it('are typed by the _headers file that static hosts read, rule for rule', () => {
		const headers = readFileSync(new URL('../../../public/_headers', import.meta.url), 'utf8');
		expect(headers).toContain(citationHeadersRules());
		expect(Object.keys(CITATION_FILES)).toHaveLength(3);
	});
});
