import { describe, expect, it } from 'vitest';
import { parsePartialDate, type PartialDate } from '../../../src/lib/model/dates.ts';
import {
	citationDate,
	citationMeta,
	jsonLdScript,
	pageMeta,
	reportJsonLd,
	termJsonLd,
	type MetaTag,
} from '../../../src/lib/outputs/metadata.ts';
import { fixtureArchive, recordArchive, SITE_URL } from '../../support/fixture-archive.ts';

const SITE = { url: SITE_URL, title: 'Brief Archive', publisher: 'Brief Archive', lang: 'en' };
const archive = fixtureArchive();
const bySlug = (slug: string) => archive.bySlug.get(slug)!;
const date = (text: string) => parsePartialDate(text) as PartialDate;
const IMAGE = `${SITE_URL}/reports/day-report/card.png`;

/** The values of every tag with this name or property, in order. */
function values(tags: MetaTag[], key: string): string[] {
	return tags.filter((t) => ('name' in t ? t.name : t.property) === key).map((t) => t.content);
}

describe('pageMeta', () => {
	const page = {
		title: 'A report',
		description: 'One sentence.',
		canonical: `${SITE_URL}/reports/day-report/`,
		image: { url: IMAGE, width: 1200, height: 630, alt: 'The card' },
	};

	it('gives Open Graph and Twitter card tags with the canonical URL and a large image', () => {
		const tags = pageMeta({ ...page, type: 'website' }, SITE);
		expect(values(tags, 'og:url')).toEqual([page.canonical]);
		expect(values(tags, 'og:type')).toEqual(['website']);
		expect(values(tags, 'og:title')).toEqual(['A report']);
		expect(values(tags, 'og:description')).toEqual(['One sentence.']);
		expect(values(tags, 'og:site_name')).toEqual(['Brief Archive']);
		expect(values(tags, 'og:image')).toEqual([IMAGE]);
		expect(values(tags, 'og:image:width')).toEqual(['1200']);
		expect(values(tags, 'og:image:height')).toEqual(['630']);
		expect(values(tags, 'og:image:alt')).toEqual(['The card']);
		expect(values(tags, 'twitter:card')).toEqual(['summary_large_image']);
		expect(values(tags, 'twitter:image')).toEqual([IMAGE]);
		expect(values(tags, 'article:published_time')).toEqual([]);
	});

	it('gives an article its dates at their precision', () => {
		const tags = pageMeta(
			{ ...page, type: 'article', published: date('2022-05'), modified: date('2022-06-01') },
			SITE,
		);
		expect(values(tags, 'article:published_time')).toEqual(['2022-05']);
		expect(values(tags, 'article:modified_time')).toEqual(['2022-06-01']);
	});
});

describe('citationDate', () => {
	it('writes the date at its precision with slashes, never padding a day', () => {
		expect(citationDate(date('2022'))).toBe('2022');
		expect(citationDate(date('2022-05'))).toBe('2022/05');
		expect(citationDate(date('2022-05-07'))).toBe('2022/05/07');
	});
});

describe('citationMeta', () => {
	it('gives a person-authored report its title, author, date, publisher, institution and PDF', () => {
		const tags = citationMeta(bySlug('day-report'), SITE);
		expect(values(tags, 'citation_title')).toEqual(['IS-K & the <Taliban>: a "day" report']);
		expect(values(tags, 'citation_author')).toEqual(['Jane Analyst']);
		expect(values(tags, 'citation_publication_date')).toEqual(['2022/05/07']);
		expect(values(tags, 'citation_publisher')).toEqual(['Rise to Peace']);
		expect(values(tags, 'citation_technical_report_institution')).toEqual(['Rise to Peace']);
		expect(values(tags, 'citation_pdf_url')).toEqual([
			'https://www.risetopeace.org/files/day-report.pdf',
		]);
		expect(values(tags, 'citation_abstract_html_url')).toEqual([`${SITE_URL}/reports/day-report/`]);
	});

	it('names a desk byline as written, as every other output does, and keeps month precision', () => {
		const tags = citationMeta(bySlug('month-report'), SITE);
		expect(values(tags, 'citation_author')).toEqual([
			'Rise to Peace Counter-Terrorism Research Fellow',
		]);
		expect(values(tags, 'citation_publication_date')).toEqual(['2022/03']);
		expect(values(tags, 'citation_pdf_url')).toEqual([]);
	});

	it('files an unsigned report under its publisher and keeps year precision', () => {
		const tags = citationMeta(bySlug('year-report'), SITE);
		expect(values(tags, 'citation_author')).toEqual(['Brief Archive']);
		expect(values(tags, 'citation_publication_date')).toEqual(['2021']);
	});

	it('gives each author a tag of their own, once', () => {
		const report = bySlug('day-report');
		const two = { ...report, authors: [...report.authors, ...bySlug('month-report').authors] };
		expect(values(citationMeta(two, SITE), 'citation_author')).toEqual([
			'Jane Analyst',
			'Rise to Peace Counter-Terrorism Research Fellow',
		]);
	});

	it('gives the report number, series, volume, issue and DOI their own tags when known', () => {
		const report = {
			...bySlug('day-report'),
			number: '12',
			series: { name: 'Khorasan Papers', volume: '2', issue: '3' },
			doi: '10.1234/brief.12',
		};
		const tags = citationMeta(report, SITE);
		expect(values(tags, 'citation_technical_report_number')).toEqual(['12']);
		expect(values(tags, 'citation_series_title')).toEqual(['Khorasan Papers']);
		expect(values(tags, 'citation_volume')).toEqual(['2']);
		expect(values(tags, 'citation_issue')).toEqual(['3']);
		expect(values(tags, 'citation_doi')).toEqual(['10.1234/brief.12']);
		expect(values(citationMeta(bySlug('day-report'), SITE), 'citation_doi')).toEqual([]);
	});
});

describe('reportJsonLd', () => {
	it('describes a report with headline, authors, publisher, dates, subjects and its source', () => {
		const ld = reportJsonLd(bySlug('day-report'), SITE, IMAGE);
		expect(ld).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Report',
			url: `${SITE_URL}/reports/day-report/`,
			headline: 'IS-K & the <Taliban>: a "day" report',
			author: [
				{
					'@type': 'Person',
					name: 'Jane Analyst',
					url: `${SITE_URL}/authors/jane-analyst/`,
					affiliation: { '@type': 'Organization', name: 'Rise to Peace' },
				},
			],
			publisher: { '@type': 'Organization', name: 'Rise to Peace' },
			datePublished: '2022-05-07',
			dateModified: '2022-06-01',
			isBasedOn: 'https://www.risetopeace.org/day-report/',
			image: IMAGE,
			about: [
				{
					'@type': 'Organization',
					name: 'Islamic State Khorasan Province',
					url: `${SITE_URL}/groups/is-k/`,
				},
				{
					'@type': 'AdministrativeArea',
					name: 'Kunduz',
					url: `${SITE_URL}/regions/kunduz/`,
				},
			],
		});
	});

	it('keeps month precision in ISO 8601 and describes a desk as an organisation', () => {
		const ld = reportJsonLd(bySlug('month-report'), SITE, IMAGE);
		expect(ld.datePublished).toBe('2022-03');
		expect(ld.dateModified).toBe('2022-03');
		expect(ld.author).toEqual([
			{
				'@type': 'Organization',
				name: 'Rise to Peace Counter-Terrorism Research Fellow',
				url: `${SITE_URL}/authors/ct-fellow/`,
				parentOrganization: { '@type': 'Organization', name: 'Rise to Peace' },
			},
		]);
	});

	it('credits an unsigned report without provenance to the site and has no isBasedOn', () => {
		const ld = reportJsonLd(bySlug('year-report'), SITE, IMAGE);
		expect(ld.author).toEqual([{ '@type': 'Organization', name: 'Brief Archive' }]);
		expect(ld).not.toHaveProperty('isBasedOn');
		expect(ld.datePublished).toBe('2021');
	});
});

describe('termJsonLd', () => {
	it('describes a group as an Organization with its other names', () => {
		const isk = archive.groups.find((g) => g.slug === 'is-k')!;
		expect(termJsonLd(isk, SITE)).toEqual({
			'@context': 'https://schema.org',
			'@type': 'Organization',
			name: 'Islamic State Khorasan Province',
			url: `${SITE_URL}/groups/is-k/`,
			alternateName: ['ISKP', 'ISIS-K'],
		});
	});

	it('describes a province as a place within its country', () => {
		const kunduz = archive.regions.find((r) => r.slug === 'kunduz')!;
		expect(termJsonLd(kunduz, SITE)).toEqual({
			'@context': 'https://schema.org',
			'@type': 'AdministrativeArea',
			name: 'Kunduz',
			url: `${SITE_URL}/regions/kunduz/`,
			alternateName: ['Kundoz'],
			containedInPlace: {
				'@type': 'Country',
				name: 'Afghanistan',
				url: `${SITE_URL}/regions/afghanistan/`,
			},
		});
	});

	it('describes a topic as a DefinedTerm and authors as a Person or an Organization', () => {
		expect(termJsonLd(archive.topics[0]!, SITE)['@type']).toBe('DefinedTerm');
		const types = archive.authors.map((a) => [a.slug, termJsonLd(a, SITE)['@type']]);
		expect(Object.fromEntries(types)).toEqual({
			'jane-analyst': 'Person',
			'ct-fellow': 'Organization',
			'the-desk': 'Organization',
		});
	});
});

describe('jsonLdScript', () => {
	it('cannot close the script element or open a comment, and parses back to the same data', () => {
		const data = { name: '</script><script>alert(1)</script> <!-- & \u2028' };
		const text = jsonLdScript(data);
		expect(text).not.toMatch(/<|>|&/);
		expect(text).not.toContain('\u2028');
		expect(JSON.parse(text)).toEqual(data);
	});
});

describe('reportJsonLd: the record of a report', () => {
	const record = recordArchive();
	const ld = (slug: string) => reportJsonLd(record.bySlug.get(slug)!, SITE, IMAGE);

	it('dates a corrected report modified on its last change and lists its corrections', () => {
		expect(ld('corrected-report')).toMatchObject({
			datePublished: '2022-04-10',
			dateModified: '2022-05-20',
			version: 3,
			reportNumber: '7',
			isPartOf: {
				'@type': 'CreativeWorkSeries',
				name: 'Khorasan Papers',
				volumeNumber: '2',
				issueNumber: '3',
			},
			identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1234/brief.7' },
			sameAs: 'https://doi.org/10.1234/brief.7',
			correction: [
				{
					'@type': 'CorrectionComment',
					datePublished: '2022-04-12',
					text: 'It said: The attack killed 30 people. It now says: The attack killed 25 people.',
				},
			],
		});
		expect(ld('corrected-report')).not.toHaveProperty('creativeWorkStatus');
	});

	it('marks a superseded or withdrawn report in creativeWorkStatus', () => {
		expect(ld('old-report').creativeWorkStatus).toBe('Superseded');
		expect(ld('withdrawn-report').creativeWorkStatus).toBe('Withdrawn');
	});
});
