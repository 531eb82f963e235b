import { describe, expect, it } from 'vitest';
import { countLabel } from '../../../src/lib/view/count.ts';
import {
	hostLabel,
	relOf,
	describeAttachment,
	shortHash,
	formatBytes,
} from '../../../src/lib/view/format.ts';
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
	const attachment = (fields: Record<string, unknown>) => {
		const a = attachmentSchema.parse({ title: 'Full report', ...fields });
		return { ...a, href: a.url!, kept: undefined };
	};

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

	it('gives the page count when known and says when the archive keeps the copy', () => {
		expect(
			describeAttachment(
				{
					format: 'pdf',
					size: 2_345_678,
					pages: 34,
					href: '/files/r.pdf',
					kept: { path: 'files/r.pdf', size: 2_345_678, sha256: 'ab'.repeat(32), pages: 34 },
				},
				SITE,
			),
		).toBe('PDF, 2.3 MB, 34 pages, kept by this archive');
		expect(
			describeAttachment(
				{ format: 'pdf', pages: 1, href: 'https://risetopeace.org/a.pdf', kept: undefined },
				SITE,
			),
		).toBe('PDF, 1 page, on risetopeace.org');
	});
});

describe('shortHash', () => {
	it('shows the first and last eight hex digits of a SHA-256', () => {
		expect(shortHash(`3f2a9c1d${'0'.repeat(48)}deadbeef`)).toBe('3f2a9c1d…deadbeef');
	});
});

describe('countLabel', () => {
	it('uses the singular for one and the plural otherwise', () => {
		expect(countLabel(1, 'report')).toBe('1 report');
		expect(countLabel(0, 'report')).toBe('0 reports');
		expect(countLabel(3, 'analysis', 'analyses')).toBe('3 analyses');
	});

	it('writes thousands with a separator, as the search page does', () => {
		expect(countLabel(10000, 'report')).toBe('10,000 reports');
		expect(countLabel(1234567, 'file')).toBe('1,234,567 files');
	});
});

describe('where a file link leads', () => {
	const site = 'https://archive.example/';
	it('marks a link to another origin external, and none of the site’s own paths or addresses', () => {
		expect(relOf('https://www.unama.org/report.pdf', site)).toBe('external');
		expect(relOf('http://archive.example/x.pdf', site)).toBe('external');
		expect(relOf('/reports/a/file.pdf', site)).toBeUndefined();
		expect(relOf('https://archive.example/reports/a/file.pdf', site)).toBeUndefined();
	});

	it('names a host as a reader does, without www', () => {
		expect(hostLabel('https://www.unama.org/report.pdf', site)).toBe('unama.org');
		expect(hostLabel('https://web.archive.org/web/2022/x', site)).toBe('web.archive.org');
	});
});
