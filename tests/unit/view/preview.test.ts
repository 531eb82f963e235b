import { describe, expect, it } from 'vitest';
import { formatInstantUtc, unpublishedNotice } from '../../../src/lib/view/preview.ts';

describe('formatInstantUtc', () => {
	it('writes the instant in UTC with a 24-hour time, whatever offset the author used', () => {
		expect(formatInstantUtc(new Date('2026-12-01T09:05:00+01:00'))).toBe(
			'1 December 2026, 08:05 UTC',
		);
	});
});

describe('unpublishedNotice', () => {
	it('has nothing to say about a public report', () => {
		expect(unpublishedNotice({ state: 'public' })).toBeUndefined();
	});

	it('labels a draft and says readers cannot see it', () => {
		const notice = unpublishedNotice({ state: 'draft' });
		expect(notice?.label).toBe('Draft');
		expect(notice?.text).toContain('Readers cannot see this report');
	});

	it('labels an embargoed report and says until when', () => {
		const notice = unpublishedNotice({
			state: 'embargoed',
			until: new Date('2026-12-01T08:00:00Z'),
		});
		expect(notice?.label).toBe('Embargoed');
		expect(notice?.text).toContain('Not public until 1 December 2026, 08:00 UTC.');
	});
});
