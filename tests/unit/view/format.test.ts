import { describe, expect, it } from 'vitest';
import { countLabel, describeAttachment, formatBytes } from '../../../src/lib/view/format.ts';
import { attachmentSchema } from '../../../src/lib/model/schema.ts';

describe('formatBytes', () => {
	it('shows sizes under 1000 bytes in bytes', () => {
		expect(formatBytes(512)).toBe('512 bytes');
		expect(formatBytes(999)).toBe('999 bytes');
	});

	it('uses decimal units with one decimal below 10 and whole numbers from 10', () => {
		expect(formatBytes(1000)).toBe('1.0 KB');
		expect(formatBytes(1234)).toBe('1.2 KB');
		expect(formatBytes(340_000)).toBe('340 KB');
		expect(formatBytes(1_200_000)).toBe('1.2 MB');
		expect(formatBytes(25_000_000)).toBe('25 MB');
		expect(formatBytes(3_000_000_000)).toBe('3.0 GB');
	});

	it('goes up to TB for very large sizes', () => {
		expect(formatBytes(2_000_000_000_000)).toBe('2.0 TB');
	});
});

describe('describeAttachment', () => {
	const SITE = 'https://archive.example.org';
	const attachment = (fields: Record<string, unknown>) =>
		attachmentSchema.parse({ title: 'Full report', ...fields });

	it('gives the format and size of a file on this site', () => {
		expect(
			describeAttachment(attachment({ url: '/files/r.pdf', format: 'pdf', size: 1_200_000 }), SITE),
		).toBe('PDF, 1.2 MB');
	});

	it('names the host, without www., of a file elsewhere', () => {
		expect(
			describeAttachment(
				attachment({ url: 'https://www.risetopeace.org/r.docx', format: 'docx' }),
				SITE,
			),
		).toBe('Word document, on risetopeace.org');
	});

	it('treats an absolute URL on the site’s own origin as local', () => {
		expect(
			describeAttachment(
				attachment({ url: `${SITE}/files/d.csv`, format: 'csv', size: 512 }),
				SITE,
			),
		).toBe('CSV data, 512 bytes');
	});
});

describe('countLabel', () => {
	it('uses the singular for one and the plural otherwise', () => {
		expect(countLabel(1, 'report')).toBe('1 report');
		expect(countLabel(0, 'report')).toBe('0 reports');
		expect(countLabel(3, 'analysis', 'analyses')).toBe('3 analyses');
	});
});
