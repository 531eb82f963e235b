import { describe, expect, it } from 'vitest';
import { checkLink, type LinkSource, type LinkTargets } from '../../../src/lib/checks/links.ts';

const targets: LinkTargets = {
	reports: new Map([
		['kabul', { visibility: { state: 'public' } }],
		['draft', { visibility: { state: 'draft' } }],
		['later', { visibility: { state: 'embargoed', until: new Date('2030-01-01T08:00:00Z') } }],
		['broken', { visibility: undefined }],
	]),
	terms: {
		groups: new Set(['taliban']),
		regions: new Set(['kunduz']),
		topics: new Set<string>(),
		authors: new Set(['desk']),
	},
	types: new Set(['brief']),
	years: new Set([2022]),
	aliases: new Map([['/2022/05/kabul-attack/', 'kabul']]),
	anchors: (slug) =>
		Promise.resolve(new Set(slug === 'kabul' ? ['background--context', 'outlook'] : [])),
	origin: 'https://archive.example.org',
	hasContentFile: (path) =>
		['reports/kabul.md', 'reports/draft.md', 'groups/taliban.md'].includes(path),
};

const publicReport: LinkSource = {
	path: 'reports/a.md',
	collection: 'reports',
	slug: 'a',
	public: true,
};
const draftReport: LinkSource = { ...publicReport, public: false };
const check = (url: string, from = publicReport) => checkLink(url, from, targets);

describe('checkLink', () => {
	it('accepts links to existing reports, headings, terms, types and index pages', async () => {
		for (const url of [
			'/reports/kabul/',
			'/reports/kabul/#outlook',
			'/reports/kabul/?highlight=x#outlook',
			'/groups/taliban/',
			'/authors/desk/',
			'/types/brief/',
			'/reports/2022/',
			'/reports/',
			'/groups/',
			'https://archive.example.org/reports/kabul/',
			'./kabul.md#background--context',
			'../groups/taliban.md',
			'/2022/05/kabul-attack/',
		]) {
			expect(await check(url), url).toBeUndefined();
		}
	});

	it('leaves other sites and other paths on this site alone', async () => {
		for (const url of [
			'https://example.org/x',
			'mailto:a@b.c',
			'/search/?q=x',
			'/files/a.pdf',
			'//cdn.example/x',
		]) {
			expect(await check(url), url).toBeUndefined();
		}
	});

	it('names a missing report and the nearest slug', async () => {
		expect(await check('/reports/kabull/')).toBe(
			'link "/reports/kabull/" leads nowhere: no report has the slug "kabull"; did you mean "kabul"?',
		);
	});

	it('names a missing heading and the nearest id, in the same report too', async () => {
		expect(await check('/reports/kabul/#background')).toBe(
			'link "/reports/kabul/#background" leads nowhere: the report kabul has no heading with the id "background"; did you mean "#background--context"?',
		);
		expect(await checkLink('#outlok', { ...publicReport, slug: 'kabul' }, targets)).toBe(
			'link "#outlok" leads nowhere: the report kabul has no heading with the id "outlok"; did you mean "#outlook"?',
		);
	});

	it('refuses a year without public reports: it has no page', async () => {
		expect(await check('/reports/1999/')).toBe(
			'link "/reports/1999/" leads nowhere: no public report was published in 1999, so there is no page for that year',
		);
		expect(await check('/reports/2022')).toBe(
			'link "/reports/2022" needs the final slash: write /reports/2022/',
		);
	});

	it('refuses later pages of a list, whose reports move as new ones come, pointing to the first', async () => {
		expect(await check('/groups/taliban/2/')).toBe(
			'link "/groups/taliban/2/" points at a later page of a list, whose reports change as new ones are published; link to /groups/taliban/ instead',
		);
		expect(await check('/reports/2022/3/')).toContain('link to /reports/2022/ instead');
		expect(await check('/types/brief/2')).toContain('link to /types/brief/ instead');
	});

	it('names missing terms and types', async () => {
		expect(await check('/groups/talibn/')).toBe(
			'link "/groups/talibn/" leads nowhere: no group has the slug "talibn"; did you mean "taliban"?',
		);
		expect(await check('/types/briefs/')).toMatch(/no report type has the slug "briefs"/);
		expect(await check('/topics/x/')).toBe(
			'link "/topics/x/" leads nowhere: no topic has the slug "x"',
		);
	});

	it('asks for the final slash the site’s URLs have', async () => {
		expect(await check('/reports/kabul')).toBe(
			'link "/reports/kabul" needs the final slash: write /reports/kabul/',
		);
	});

	it('refuses pages below a report or term, which do not exist', async () => {
		expect(await check('/reports/kabul/print/')).toBe(
			'link "/reports/kabul/print/" leads nowhere: there are no pages below /reports/kabul/',
		);
	});

	it('refuses a link from a public page to a draft or embargoed report', async () => {
		expect(await check('/reports/draft/')).toBe(
			'link "/reports/draft/" leads to a report that is not public (a draft); a public page cannot link to it until it is published',
		);
		expect(await check('./later.md')).toBe(
			'link "./later.md" leads nowhere: there is no reports/later.md in the content folder',
		);
		expect(await check('/reports/later/')).toContain(
			'not public (embargoed until 1 January 2030, 08:00 UTC)',
		);
	});

	it('lets a draft link to another draft, and anything link to a report whose fields are wrong', async () => {
		expect(await check('/reports/draft/', draftReport)).toBeUndefined();
		expect(await check('/reports/broken/')).toBeUndefined();
	});

	it('refuses relative links that the site cannot resolve, and empty links', async () => {
		expect(await check('../kabul/')).toBe(
			'relative link "../kabul/" will not work on the site; link to a page by its path (/reports/<slug>/) or to another report\'s file (./<slug>.md)',
		);
		expect(await check('./missing.md')).toBe(
			'link "./missing.md" leads nowhere: there is no reports/missing.md in the content folder',
		);
		expect(await check('')).toBe('a link has no address');
	});
});
