import { describe, expect, it } from 'vitest';
import { buildArchive, type RawEntry } from '../../../src/lib/archive/build-archive.ts';
import { facetOptions, searchRecord } from '../../../src/lib/search/record.ts';
import {
	groupSchema,
	regionSchema,
	reportSchema,
	topicSchema,
	type ReportData,
} from '../../../src/lib/model/schema.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const entry = <D>(id: string, data: D) => ({ id, filePath: `content/x/${id}.md`, data });

function report(id: string, fields: Record<string, unknown>): RawEntry<ReportData> {
	return entry(
		id,
		reportSchema.parse({
			title: `Report ${id}`,
			summary: `Summary of ${id}.`,
			type: 'brief',
			status: 'published',
			published: '2022-05',
			added: '2026-01-05',
			...fields,
		}),
	);
}

const archive = buildArchive(
	{
		reports: [
			report('kunduz-brief', {
				groups: ['ISKP', 'taliban'],
				regions: ['Kundoz'],
				topics: ['recruitment'],
			}),
			report('old-analysis', { type: 'analysis', published: '2020', regions: ['afghanistan'] }),
			report('draft', { status: 'draft', groups: ['taliban'], published: '2019' }),
		],
		groups: [
			entry(
				'is-k',
				groupSchema.parse({
					name: 'Islamic State Khorasan Province',
					shortName: 'IS-K',
					aliases: ['ISKP', 'ISIS-K'],
				}),
			),
			entry('taliban', groupSchema.parse({ name: 'Taliban', aliases: ['Taleban'] })),
			entry('al-qaeda', groupSchema.parse({ name: 'Al-Qaeda' })),
		],
		regions: [
			entry(
				'afghanistan',
				regionSchema.parse({ name: 'Afghanistan', kind: 'country', aliases: ['Afghanestan'] }),
			),
			entry(
				'kunduz',
				regionSchema.parse({
					name: 'Kunduz',
					kind: 'province',
					parent: 'afghanistan',
					aliases: ['Kundoz'],
				}),
			),
		],
		topics: [
			entry('recruitment', topicSchema.parse({ name: 'Recruitment', aliases: ['radicalisation'] })),
		],
		authors: [],
	},
	NOW,
);
const kunduzBrief = archive.bySlug.get('kunduz-brief')!;

describe('searchRecord', () => {
	const record = searchRecord(kunduzBrief);

	it('filters by display names, with a place’s containing regions included', () => {
		expect(record.filters).toEqual({
			group: ['Islamic State Khorasan Province', 'Taliban'],
			region: ['Kunduz', 'Afghanistan'],
			topic: ['Recruitment'],
			type: ['Brief'],
			year: ['2022'],
		});
	});

	it('carries every spelling of every term, so any of them finds the report', () => {
		for (const spelling of [
			'ISKP',
			'ISIS-K',
			'IS-K',
			'Taleban',
			'Kundoz',
			'Kunduz',
			'Afghanestan',
			'radicalisation',
		]) {
			expect(record.spellings).toContain(spelling);
		}
		expect(new Set(record.spellings).size).toBe(record.spellings.length);
	});

	it('gives the metadata results show, with the date at its precision', () => {
		expect(record.meta).toEqual({
			summary: 'Summary of kunduz-brief.',
			date: 'May 2022',
			date_iso: '2022-05',
			type: 'Brief',
			groups: 'IS-K, Taliban',
			regions: 'Kunduz',
		});
	});

	it('sorts by the ISO date as written, which orders mixed precisions like the site does', () => {
		expect(record.sortDate).toBe('2022-05');
		const keys = ['2022-05-07', '2022', '2022-05', '2021-12-31'];
		expect([...keys].sort()).toEqual(['2021-12-31', '2022', '2022-05', '2022-05-07']);
	});
});

describe('facetOptions', () => {
	const options = facetOptions(archive);

	it('offers only values that public reports carry, with their counts', () => {
		expect(options.group).toEqual([
			{ value: 'is-k', name: 'Islamic State Khorasan Province', count: 1 },
			{ value: 'taliban', name: 'Taliban', count: 1 },
		]);
		expect(options.region).toEqual([
			{ value: 'afghanistan', name: 'Afghanistan', count: 2 },
			{ value: 'kunduz', name: 'Kunduz', count: 1 },
		]);
	});

	it('lists types by name and years newest first, leaving out the draft’s year', () => {
		expect(options.type.map((o) => o.value)).toEqual(['brief', 'analysis']);
		expect(options.year).toEqual([
			{ value: '2022', name: '2022', count: 1 },
			{ value: '2020', name: '2020', count: 1 },
		]);
	});
});
