import { describe, expect, it } from 'vitest';
import {
	imagesOf,
	packDefinitions,
	packManifests,
	withoutPackSummaries,
	withPackSummary,
	type FileFacts,
	type PackDefinition,
	type PackInputs,
} from '../../../src/lib/outputs/offline-packs.ts';
import { summaryOf } from '../../../src/lib/offline/manifest.ts';
import { fixtureArchive, REPORTS, reportEntry } from '../../support/fixture-archive.ts';

describe('packDefinitions', () => {
	const packs = packDefinitions(fixtureArchive());
	const byId = new Map(packs.map((p) => [p.id, p]));

	it('offers every group, region and topic, every year, every type and the whole archive, but no author', () => {
		expect(packs.map((p) => p.id)).toEqual([
			'groups/is-k',
			'groups/taliban',
			'regions/afghanistan',
			'regions/kunduz',
			'topics/economic-crisis',
			'topics/recruitment',
			'years/2022',
			'years/2021',
			'types/brief',
			'types/analysis',
			'types/special-report',
			'types/backgrounder',
			'all',
		]);
	});

	it('holds a term’s listing page and its public reports, a region’s places’ reports included', () => {
		expect(byId.get('groups/is-k')).toEqual({
			id: 'groups/is-k',
			title: 'Islamic State Khorasan Province',
			path: '/groups/is-k/',
			pages: ['/groups/is-k/'],
			reports: ['/reports/day-report/', '/reports/year-report/'],
		});
		// The Kunduz report is on Afghanistan's page too; the draft is in no collection.
		expect(byId.get('regions/afghanistan')?.reports).toEqual([
			'/reports/day-report/',
			'/reports/month-report/',
		]);
		expect(packs.flatMap((p) => p.reports)).not.toContain('/reports/draft-report/');
	});

	it('holds a year’s and a type’s listing, and the whole archive holds every listing and report', () => {
		expect(byId.get('years/2022')).toMatchObject({ title: '2022', path: '/reports/2022/' });
		expect(byId.get('types/brief')).toMatchObject({
			title: 'Briefs',
			reports: ['/reports/month-report/'],
		});
		const all = byId.get('all')!;
		expect(all.title).toBe('The whole archive');
		expect(all.reports).toHaveLength(3);
		for (const page of [
			'/',
			'/reports/',
			'/reports/2021/',
			'/types/',
			'/types/analysis/',
			'/groups/',
			'/groups/taliban/',
			'/regions/kunduz/',
			'/authors/',
			'/authors/jane-analyst/',
		])
			expect(all.pages).toContain(page);
	});

	it('holds every page of a listing longer than a page', () => {
		const many = Array.from({ length: 101 }, (_, i) =>
			reportEntry(`r${String(i).padStart(3, '0')}`, { groups: ['taliban'], published: '2020' }),
		);
		const taliban = packDefinitions(fixtureArchive([...REPORTS, ...many])).find(
			(p) => p.id === 'groups/taliban',
		)!;
		expect(taliban.pages).toEqual(['/groups/taliban/', '/groups/taliban/2/']);
		expect(taliban.reports).toHaveLength(103);
	});
});

/** Inputs for two collections that share a report, with sizes easy to add up. */
function inputs(change: Partial<Record<string, FileFacts>> = {}): PackInputs {
	const files = new Map<string, FileFacts>(
		Object.entries({
			'/groups/a/': { bytes: 1000, hash: 'ga' },
			'/groups/b/': { bytes: 1100, hash: 'gb' },
			'/reports/one/': { bytes: 5000, hash: 'r1' },
			'/reports/one/cite.bib': { bytes: 300, hash: 'c1' },
			'/reports/two/': { bytes: 7000, hash: 'r2' },
			'/images/map.png': { bytes: 20000, hash: 'img' },
			'/pagefind/fragment/en_1.pf_fragment': { bytes: 900, hash: 'f1' },
			'/pagefind/fragment/en_2.pf_fragment': { bytes: 800, hash: 'f2' },
			'/search/': { bytes: 4000, hash: 's' },
			'/_astro/base.css': { bytes: 6000, hash: 'css' },
			'/pagefind/pagefind.js': { bytes: 15000, hash: 'pf' },
			...change,
		}) as [string, FileFacts][],
	);
	const definitions: PackDefinition[] = [
		{
			id: 'groups/a',
			title: 'A',
			path: '/groups/a/',
			pages: ['/groups/a/'],
			reports: ['/reports/one/', '/reports/two/'],
		},
		{
			id: 'groups/b',
			title: 'B',
			path: '/groups/b/',
			pages: ['/groups/b/'],
			reports: ['/reports/two/'],
		},
	];
	return {
		definitions,
		files,
		shared: ['/search/', '/_astro/base.css', '/pagefind/pagefind.js'],
		companions: new Map([
			['/reports/one/', ['/reports/one/cite.bib', '/images/map.png']],
			['/reports/two/', ['/images/map.png']],
		]),
		records: new Map([
			['/reports/one/', { id: 'en_1', file: '/pagefind/fragment/en_1.pf_fragment' }],
			['/reports/two/', { id: 'en_2', file: '/pagefind/fragment/en_2.pf_fragment' }],
		]),
		built: '2026-03-01T10:00:00.000Z',
		version: 'v1',
	};
}

describe('packManifests', () => {
	const [a, b] = packManifests(inputs());

	it('adds up the download size of a collection’s own files and the shared ones, each file once', () => {
		// A: its page, two reports, one citation file, the image (shown by both reports, counted
		// once) and both search records; then the search page, the styles and the engine.
		expect(a!.ownBytes).toBe(1000 + 5000 + 300 + 20000 + 7000 + 900 + 800);
		expect(a!.sharedBytes).toBe(4000 + 6000 + 15000);
		expect(a!.bytes).toBe(a!.ownBytes + a!.sharedBytes);
		expect(a!.files.map((f) => f.path)).toEqual([
			'/groups/a/',
			'/reports/one/',
			'/reports/one/cite.bib',
			'/images/map.png',
			'/reports/two/',
			'/pagefind/fragment/en_1.pf_fragment',
			'/pagefind/fragment/en_2.pf_fragment',
			'/search/',
			'/_astro/base.css',
			'/pagefind/pagefind.js',
		]);
		expect(a!.ownFiles).toBe(7);
		expect(b!.bytes).toBe(1100 + 7000 + 20000 + 800 + 4000 + 6000 + 15000);
	});

	it('lists the search records of its reports, and says how many reports it holds', () => {
		expect(a!.records).toEqual(['en_1', 'en_2']);
		expect(b!.records).toEqual(['en_2']);
		expect([a!.reports, b!.reports]).toEqual([2, 1]);
	});

	it('gives a new edition when one of its own files changes, and only then', () => {
		const edited = packManifests(inputs({ '/reports/one/': { bytes: 5001, hash: 'r1-edited' } }));
		expect(edited[0]!.edition).not.toBe(a!.edition);
		expect(edited[1]!.edition).toBe(b!.edition);
		// A new search index (shared) leaves every collection's edition as it was.
		const reindexed = packManifests(
			inputs({ '/pagefind/pagefind.js': { bytes: 15000, hash: 'pf2' } }),
		);
		expect(reindexed.map((m) => m.edition)).toEqual([a!.edition, b!.edition]);
	});

	it('stops the build when a page or a report’s search record is missing', () => {
		const noPage = inputs();
		(noPage.files as Map<string, FileFacts>).delete('/groups/b/');
		expect(() => packManifests(noPage)).toThrow(
			'offline collection: /groups/b/ is not in the build',
		);
		const noRecord = inputs();
		(noRecord.records as Map<string, unknown>).delete('/reports/two/');
		expect(() => packManifests(noRecord)).toThrow(
			'offline collection groups/a: /reports/two/ has no search record',
		);
	});
});

describe('the sizes and the tag in the pages', () => {
	const [a] = packManifests(inputs());
	const control =
		'<section class="offline-save" data-offline-pack="groups/a" data-offline-summary="pending" hidden>';

	it('write a collection’s summary into the control that offers it, replacing any earlier one', () => {
		const once = withPackSummary(`<main>${control}</main>`, summaryOf(a!));
		expect(once).toContain(
			'data-offline-pack="groups/a" data-offline-summary="{&quot;id&quot;:&quot;groups/a&quot;',
		);
		const json = /data-offline-summary="([^"]*)"/.exec(once)![1]!.replaceAll('&quot;', '"');
		expect(JSON.parse(json)).toEqual(summaryOf(a!));
		const again = withPackSummary(once, { ...summaryOf(a!), bytes: 1 });
		expect(again.match(/data-offline-summary/g)).toHaveLength(1);
		expect(again).toContain('&quot;bytes&quot;:1,');
	});

	it('empty a kept page’s summaries, so that it is measured as a fresh render', () => {
		const filled = withPackSummary(
			'<section data-offline-pack="groups/a" data-offline-summary=""></section>',
			summaryOf(a!),
		);
		expect(filled).not.toContain('data-offline-summary=""');
		expect(withoutPackSummaries(filled)).toBe(
			'<section data-offline-pack="groups/a" data-offline-summary=""></section>',
		);
	});

	it('refuse a page without the control, rather than leave it without its size', () => {
		expect(() => withPackSummary('<main></main>', summaryOf(a!))).toThrow(
			'no "Save for offline" control for groups/a',
		);
	});

	it('find the site’s own images in a page, under any base', () => {
		const html =
			'<img src="/briefs/images/a.png" alt=""><picture><source srcset="/briefs/images/b.webp 1x, /briefs/images/b2.webp 2x"><img src="https://elsewhere.example/c.png" alt=""></picture>';
		expect(imagesOf(html, '/briefs/')).toEqual([
			'/images/a.png',
			'/images/b.webp',
			'/images/b2.webp',
		]);
	});
});
