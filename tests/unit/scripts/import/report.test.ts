import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../../../src/lib/checks/frontmatter.ts';
import { reportSchema } from '../../../../src/lib/model/schema.ts';
import {
	chooseSlug,
	formerAddresses,
	plainText,
	publishedDate,
	renderReportFile,
	reportStatus,
} from '../../../../scripts/lib/import/report.ts';

const post = (name: string, title = 'A Title') => ({ id: '42', name, title });

describe('chooseSlug', () => {
	it('keeps WordPress’s slug when it is a valid one here', () => {
		expect(chooseSlug(post('is-k-seeks-to-undermine-the-taliban'))).toEqual({
			slug: 'is-k-seeks-to-undermine-the-taliban',
		});
	});

	it('refuses a slug that would leave the folder, or that is not a slug, and says how to give one', () => {
		for (const name of ['../../etc/x', '%d8%a7%d9%84', 'Upper-Case', 'a/b']) {
			const choice = chooseSlug(post(name));
			expect(choice).toHaveProperty('refused');
			expect((choice as { refused: string }).refused).toContain(
				'give it one in the mapping file: slugs: { "42": a-title }',
			);
		}
	});

	it('refuses digits alone, which /reports/ keeps for year pages', () => {
		expect(chooseSlug(post('2022'))).toEqual({
			refused:
				'its slug "2022" is digits alone, which /reports/ keeps for the year pages; give it one in the mapping file: slugs: { "42": report-2022 }',
		});
	});

	it('names a post WordPress gave no slug after its title, and says so', () => {
		expect(chooseSlug(post('', 'Kunduz after the Taliban&#8217;s takeover'))).toEqual({
			slug: 'kunduz-after-the-talibans-takeover',
			note: 'WordPress gave it no slug; it is named after its title: kunduz-after-the-talibans-takeover',
		});
	});

	it('takes the mapping file’s slug over any other', () => {
		expect(chooseSlug(post('../x'), 'fixed')).toEqual({ slug: 'fixed' });
	});
});

describe('reportStatus', () => {
	it('publishes only what WordPress published, and says why anything else is a draft', () => {
		expect(reportStatus('publish', '')).toEqual({ status: 'published' });
		expect(reportStatus('draft', '')).toEqual({ status: 'draft' });
		expect(reportStatus('pending', '').note).toBe('it was pending review, so it is a draft here');
		expect(reportStatus('private', '').status).toBe('draft');
		expect(reportStatus('future', '').note).toMatch(/scheduled/);
		expect(reportStatus('publish', 'secret')).toEqual({
			status: 'draft',
			note: 'it was password-protected on the old site, so it is a draft here',
		});
	});
});

describe('publishedDate', () => {
	it('keeps the day WordPress gives, and invents none when it gives none', () => {
		expect(publishedDate('2022-05-18 09:30:00')).toEqual({ published: '2022-05-18' });
		expect(publishedDate('0000-00-00 00:00:00')).toEqual({
			published: 'TODO',
			note: 'it has no date in the export ("0000-00-00 00:00:00"): write the date it was published',
		});
		expect(publishedDate('2022-02-30 10:00:00').published).toBe('TODO');
	});
});

describe('formerAddresses', () => {
	it('keeps a published post’s permalink path and its ?p= address', () => {
		expect(
			formerAddresses(
				{ id: '7', link: 'https://old.org/2022/05/x/', status: 'publish' },
				'https://old.org',
				'x',
			),
		).toEqual(['/2022/05/x/', '/?p=7']);
	});

	it('keeps only ?p= for a draft, and places it under a blog in a folder', () => {
		expect(
			formerAddresses(
				{ id: '7', link: 'https://old.org/blog/?p=7', status: 'draft' },
				'https://old.org/blog',
				'x',
			),
		).toEqual(['/blog/?p=7']);
	});

	it('drops a permalink on another site, or one that is already the report’s own address', () => {
		expect(
			formerAddresses(
				{ id: '7', link: 'https://elsewhere.org/x/', status: 'publish' },
				'https://old.org',
				'x',
			),
		).toEqual(['/?p=7']);
		expect(
			formerAddresses(
				{ id: '7', link: 'https://old.org/reports/x/', status: 'publish' },
				'https://old.org',
				'x',
			),
		).toEqual(['/?p=7']);
	});
});

describe('plainText', () => {
	it('decodes entities and drops tags, for titles and excerpts', () => {
		expect(plainText('Afghanistan&#8217;s <em>Economic</em>\n Crisis &amp; more')).toBe(
			'Afghanistan’s Economic Crisis & more',
		);
	});
});

describe('renderReportFile', () => {
	it('writes frontmatter the schema accepts, with quotes that keep colons, dates and # as text', () => {
		const text = renderReportFile(
			{
				title: 'Special Report: "ISIS" # 1',
				summary: 'One: two.',
				type: 'special-report',
				status: 'published',
				published: '2020-12-10',
				authors: ['ahmad-shah-mohibi'],
				groups: ['islamic-state'],
				regions: [],
				topics: [],
				source: {
					publisher: 'Rise to Peace',
					url: 'https://www.risetopeace.org/x/',
					label: 'Rise of ISIS',
				},
				attachments: [
					{
						title: 'Full text (PDF)',
						url: '/media/x.pdf',
						format: 'pdf',
						size: 123,
						fullText: true,
					},
				],
				aliases: ['/x/', '/?p=1'],
			},
			'Body.\n',
		);
		const fm = readFrontmatter(text);
		if (!('data' in fm)) throw new Error(fm.problem.message);
		const data = reportSchema.parse(fm.data);
		expect(data.title).toBe('Special Report: "ISIS" # 1');
		expect(data.published.iso).toBe('2020-12-10');
		expect(data.attachments[0]).toEqual({
			title: 'Full text (PDF)',
			url: '/media/x.pdf',
			format: 'pdf',
			size: 123,
			fullText: true,
		});
		expect(fm.body.trim()).toBe('Body.');
	});
});
