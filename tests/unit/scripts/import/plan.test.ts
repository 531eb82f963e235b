import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../../../src/lib/checks/frontmatter.ts';
import { reportSchema } from '../../../../src/lib/model/schema.ts';
import { generateExport } from '../../../../scripts/lib/import/generate.ts';
import { planImport } from '../../../../scripts/lib/import/plan.ts';
import { parseWxr } from '../../../../scripts/lib/import/wxr.ts';
import { fixture, fixtureMap, mapOf, ROOT, tables } from './support.ts';

const t = tables();
const plan = planImport({ wxr: fixture(), tables: t, map: fixtureMap(t) });
const file = (path: string) => plan.files.find((f) => f.path === path);
const fields = (path: string) => {
	const fm = readFrontmatter(file(path)!.text);
	if (!('data' in fm)) throw new Error(`${path}: ${fm.problem.message}`);
	return { data: reportSchema.parse(fm.data), body: fm.body };
};
const squash = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** The four seed reports: each imported post beside the report an editor made by hand. */
const SEEDS = [
	'is-k-seeks-to-undermine-the-taliban',
	'afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells',
	'emergence-and-expansion-of-isis-k-and-the-taliban',
	'rise-of-the-islamic-state-in-afghanistan',
];

describe('importing the four seed reports as WordPress exported them', () => {
	for (const slug of SEEDS) {
		const byHand = readFrontmatter(
			readFileSync(join(ROOT, 'content/reports', `${slug}.md`), 'utf8'),
		);
		if (!('data' in byHand)) throw new Error(slug);
		const made = reportSchema.parse(byHand.data);

		it(`${slug}: keeps every word, heading and spelling the hand-made report has`, () => {
			const { body } = fields(`reports/${slug}.md`);
			expect(squash(body)).toBe(squash(byHand.body));
			expect(body.match(/^## .*$/gm)).toEqual(byHand.body.match(/^## .*$/gm));
		});

		it(`${slug}: files it under the same groups, regions, topics, type and author`, () => {
			const { data } = fields(`reports/${slug}.md`);
			expect(new Set(data.groups)).toEqual(new Set(made.groups));
			expect(new Set(data.regions)).toEqual(new Set(made.regions));
			expect(new Set(data.topics)).toEqual(new Set(made.topics));
			expect(data.type).toBe(made.type);
			expect(data.authors).toEqual(made.authors);
			expect(data.title).toBe(made.title);
			expect(data.summary).toBe(made.summary);
			expect(data.source?.label).toBe(made.source?.label);
		});
	}

	it('keeps the author’s spellings in the text and files them under the standard names', () => {
		const { data, body } = fields('reports/emergence-and-expansion-of-isis-k-and-the-taliban.md');
		expect(body).toContain('in Kundoz and Kandhar at two Shia mosque gatherings');
		expect(body).toContain('religious monitories');
		expect(data.regions).toEqual(expect.arrayContaining(['kunduz', 'kandahar']));
	});

	it('dates each post at the day the export gives, and keeps its old addresses as aliases', () => {
		const { data } = fields('reports/is-k-seeks-to-undermine-the-taliban.md');
		expect(data.published.iso).toBe('2022-06-14');
		expect(data.aliases).toEqual(['/2022/06/is-k-seeks-to-undermine-the-taliban/', '/?p=101']);
		expect(data.source).toEqual({
			publisher: 'Rise to Peace',
			url: 'https://www.risetopeace.org/2022/06/is-k-seeks-to-undermine-the-taliban/',
			label: 'IS-K',
			note: 'Imported from the WordPress export of Rise to Peace (post 101).',
		});
	});

	it('turns the [gview] shortcode into the full-text PDF attachment and leaves no trace of it in the text', () => {
		const { data, body } = fields('reports/rise-of-the-islamic-state-in-afghanistan.md');
		expect(data.attachments).toEqual([
			{
				title: 'The Rise of ISIS in Afghanistan by Ahmad Shah Mohibi of Rise to Peace (PDF)',
				url: 'https://www.risetopeace.org/wp-content/uploads/2020/12/The-Rise-of-ISIS-in-Afghanistan-by-Ahmad-Shah-Mohibi-of-Rise-to-Peace.pdf',
				format: 'pdf',
				fullText: true,
			},
		]);
		expect(body).not.toContain('gview');
	});
});

describe('the other items of the export', () => {
	it('keeps the draft and the private post drafts, and says why the private one is', () => {
		expect(fields('reports/kunduz-after-the-taliban-takeover.md').data.status).toBe('draft');
		expect(fields('reports/recruitment-networks-in-nangarhar.md').data.status).toBe('draft');
		const item = plan.items.find((i) => i.id === '106')!;
		expect(item.notes.map((n) => n.message)).toContain(
			'it was private (seen only by logged-in editors), so it is a draft here',
		);
	});

	it('names a draft WordPress gave no slug after its title, and marks its missing summary TODO', () => {
		const { data } = fields('reports/kunduz-after-the-taliban-takeover.md');
		expect(data.summary).toBe('TODO');
		const notes = plan.items.find((i) => i.id === '105')!.notes.map((n) => n.message);
		expect(notes).toContain(
			'it has no excerpt: write a summary of one or two sentences in place of TODO',
		);
	});

	it('creates the author the archive does not have, without their e-mail address', () => {
		expect([...plan.newAuthors]).toEqual([['farida-rahimi', 'Farida Rahimi']]);
		const text = file('authors/farida-rahimi.md')!.text;
		expect(text).toContain('name: "Farida Rahimi"');
		expect(text).toContain('Created by the WordPress import from the user "frahimi"');
		expect(text).not.toContain('@');
	});

	it('imports no page and no attachment, and lists the media library', () => {
		expect(plan.files.map((f) => f.path).sort()).toEqual(
			[
				'authors/farida-rahimi.md',
				...SEEDS.map((s) => `reports/${s}.md`),
				'reports/kunduz-after-the-taliban-takeover.md',
				'reports/recruitment-networks-in-nangarhar.md',
			].sort(),
		);
		expect(plan.items.find((i) => i.id === '107')?.skipped).toBe('it is a page, not a post');
		expect(plan.library).toHaveLength(2);
	});

	it('lists the label no rule places, with the nearest term, and files the post under the rest', () => {
		expect([...plan.unknownLabels.values()]).toEqual([
			{
				label: 'Nangarhar',
				suggestions: ['region kandahar'],
				ambiguous: [],
				posts: ['106'],
				todo: false,
			},
		]);
		expect(fields('reports/recruitment-networks-in-nangarhar.md').data.groups).toEqual(['is-k']);
	});

	it('keeps the table and the block editor’s footnotes, and removes the script', () => {
		const { body } = fields('reports/recruitment-networks-in-nangarhar.md');
		expect(body).toContain('| Achin     | 15,000      |');
		expect(body).toContain('offer cash to young men[^1], according');
		expect(body).toContain('[^2]: The authors could not confirm them with a second source.');
		expect(body).not.toMatch(/script|tracker/);
	});

	it('shows the caption’s image as a link to the old site until it is downloaded, and keeps the unknown shortcode visibly', () => {
		const { body } = fields('reports/kunduz-after-the-taliban-takeover.md');
		expect(body).toContain(
			'Image: [The central market in Kunduz city.](https://www.risetopeace.org/wp-content/uploads/2021/11/kunduz-market.jpg)',
		);
		expect(body).toContain('\\[contact-form-7 id="12" title="Tips"]');
		expect([...plan.media.keys()]).toEqual([
			'https://www.risetopeace.org/wp-content/uploads/2020/12/The-Rise-of-ISIS-in-Afghanistan-by-Ahmad-Shah-Mohibi-of-Rise-to-Peace.pdf',
			'https://www.risetopeace.org/wp-content/uploads/2021/11/kunduz-market.jpg',
		]);
	});

	it('uses a downloaded image in a <Figure>, which makes the report MDX', () => {
		const local = new Map([
			[
				'https://www.risetopeace.org/wp-content/uploads/2021/11/kunduz-market.jpg',
				{ path: '/media/2021/11/kunduz-market.jpg', size: 1234 },
			],
		]);
		const withMedia = planImport({ wxr: fixture(), tables: t, map: fixtureMap(t), media: local });
		const mdx = withMedia.files.find(
			(f) => f.path === 'reports/kunduz-after-the-taliban-takeover.mdx',
		);
		expect(mdx?.text).toContain(
			'<Figure src="/media/2021/11/kunduz-market.jpg" alt="TODO: describe this image" caption="The central market in Kunduz city." width={640} height={427} />',
		);
	});

	it('refuses a post whose slug would leave the reports folder, and writes nothing for it', () => {
		const xml = readFileSync(
			join(ROOT, 'tests/fixtures/wordpress/rise-to-peace.xml'),
			'utf8',
		).replace(
			'<wp:post_name><![CDATA[is-k-seeks-to-undermine-the-taliban]]></wp:post_name>',
			'<wp:post_name><![CDATA[../../etc/x]]></wp:post_name>',
		);
		const evil = planImport({ wxr: parseWxr(xml), tables: t, map: fixtureMap(t) });
		expect(evil.items.find((i) => i.id === '101')?.refused).toMatch(
			/^its slug "\.\.\/\.\.\/etc\/x" is not a valid slug here/,
		);
		expect(evil.files.some((f) => f.path.includes('..') || f.post === '101')).toBe(false);
	});

	it('gives a post the slug the mapping file names', () => {
		const map = mapOf('slugs:\n  "105": kunduz-fieldwork\n');
		const mapped = planImport({ wxr: fixture(), tables: t, map });
		expect(mapped.files.some((f) => f.path === 'reports/kunduz-fieldwork.md')).toBe(true);
	});
});

describe('a generated export of a few hundred posts', () => {
	const generated = generateExport(300);
	const big = planImport({ wxr: parseWxr(generated.xml), tables: t, map: mapOf('') });

	it('writes a report for every post, drafts and private posts as drafts', () => {
		const reports = big.files.filter((f) => f.path.startsWith('reports/'));
		expect(reports).toHaveLength(generated.posts);
		expect(big.items.filter((i) => i.status === 'published')).toHaveLength(generated.published);
		expect(big.items.filter((i) => i.refused)).toEqual([]);
	});

	it('gives every report fields the schema accepts', () => {
		for (const f of big.files.filter((f) => f.path.startsWith('reports/'))) {
			const fm = readFrontmatter(f.text);
			if (!('data' in fm)) throw new Error(`${f.path}: ${fm.problem.message}`);
			expect(reportSchema.safeParse(fm.data).success, f.path).toBe(true);
		}
	});

	it('lists the labels the archive does not know, each with the posts that carry it', () => {
		expect([...big.unknownLabels.keys()].sort()).toEqual([
			'Events',
			'Nangarhar',
			'Podcast',
			'Recruitmnet',
		]);
		const typo = big.unknownLabels.get('Recruitmnet')!;
		expect(typo.suggestions[0]).toBe('topic recruitment');
	});
});
