import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { REPORTS_JSON_VERSION, reportsIndex } from '../../../src/lib/outputs/reports-json.ts';
import { fixtureArchive, recordArchive, SITE_URL } from '../../support/fixture-archive.ts';

const SITE = { url: SITE_URL, title: 'Brief Archive', publisher: 'Brief Archive' };
const index = reportsIndex(fixtureArchive(), SITE);
const schema = JSON.parse(
	readFileSync(new URL('../../../public/reports.schema.json', import.meta.url), 'utf8'),
) as object;

describe('reportsIndex', () => {
	it('is version 1 and names its schema', () => {
		expect(index.version).toBe(REPORTS_JSON_VERSION);
		expect(REPORTS_JSON_VERSION).toBe(1);
		expect(index.$schema).toBe(`${SITE_URL}/reports.schema.json`);
	});

	it('lists exactly the public reports, newest first, with their count', () => {
		expect(index.reports.map((r) => r.slug)).toEqual(['day-report', 'month-report', 'year-report']);
		expect(index.count).toBe(3);
	});

	it('keeps dates at their precision and makes every URL absolute', () => {
		const [day, month, year] = index.reports;
		expect([day!.published, month!.published, year!.published]).toEqual([
			'2022-05-07',
			'2022-03',
			'2021',
		]);
		expect(day).toMatchObject({
			url: `${SITE_URL}/reports/day-report/`,
			updated: '2022-06-01',
			aliases: [`${SITE_URL}/2022/05/day-report/`],
			image: `${SITE_URL}/reports/day-report/card.png`,
			groups: [
				{ slug: 'is-k', name: 'Islamic State Khorasan Province', url: `${SITE_URL}/groups/is-k/` },
			],
			authors: [{ name: 'Jane Analyst', kind: 'person', url: `${SITE_URL}/authors/jane-analyst/` }],
		});
		expect(year).toMatchObject({
			updated: null,
			source: null,
			authors: [{ name: 'Brief Archive', kind: 'organisation', url: null }],
		});
	});

	it('matches its published JSON Schema', () => {
		const validate = new Ajv2020({ strict: true }).compile(schema);
		const valid = validate(JSON.parse(JSON.stringify(index)));
		expect(validate.errors ?? []).toEqual([]);
		expect(valid).toBe(true);
	});

	it('fails the schema when a required field is missing, so the schema is not vacuous', () => {
		const validate = new Ajv2020({ strict: true }).compile(schema);
		const broken = JSON.parse(JSON.stringify(index)) as { reports: Record<string, unknown>[] };
		delete broken.reports[0]!.published;
		expect(validate(broken)).toBe(false);
	});
});

describe('reportsIndex: key judgments', () => {
	const JUDGMENT = {
		text: 'IS-K will attack Kabul again.',
		likelihood: 'very likely',
		probability: { min: 80, max: 95 },
		confidence: 'moderate' as const,
	};
	const withJudgments = reportsIndex(fixtureArchive(), SITE, (r) =>
		r.slug === 'day-report' ? [JUDGMENT] : [],
	);

	it('gives each report its key judgments, and an empty list to one without', () => {
		expect(withJudgments.reports[0]!.keyJudgments).toEqual([JUDGMENT]);
		expect(withJudgments.reports[1]!.keyJudgments).toEqual([]);
		expect(index.reports.every((r) => r.keyJudgments.length === 0)).toBe(true);
	});

	it('matches the schema, which refuses a likelihood outside ICD 203', () => {
		const validate = new Ajv2020({ strict: true }).compile(schema);
		const json = JSON.parse(JSON.stringify(withJudgments)) as typeof withJudgments;
		expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
		json.reports[0]!.keyJudgments[0]!.likelihood = 'probable';
		expect(validate(json)).toBe(false);
	});
});

describe('reportsIndex: the record of a report', () => {
	const record = reportsIndex(recordArchive(), SITE);
	const get = (slug: string) => record.reports.find((r) => r.slug === slug)!;

	it('gives corrections, updates, versions, identifiers and the day the report entered', () => {
		expect(get('corrected-report')).toMatchObject({
			added: '2022-04-10',
			lastModified: '2022-05-20',
			state: 'current',
			corrections: [
				{
					date: '2022-04-12',
					was: 'The attack killed 30 people.',
					now: 'The attack killed 25 people.',
				},
			],
			updates: [{ date: '2022-05-20', note: 'Adds the ministry’s figures for May.' }],
			version: 3,
			versions: [
				{ number: 1, url: `${SITE_URL}/reports/corrected-report/v1/`, replaced: '2022-04-12' },
				{ number: 2, url: `${SITE_URL}/reports/corrected-report/v2/`, replaced: '2022-05-20' },
			],
			number: '7',
			doi: '10.1234/brief.7',
			series: 'Khorasan Papers',
			seriesVolume: '2',
			seriesIssue: '3',
		});
	});

	it('says which reports no longer stand, and why', () => {
		expect(get('old-report')).toMatchObject({
			state: 'superseded',
			supersededBy: `${SITE_URL}/reports/day-report/`,
			withdrawn: null,
		});
		expect(get('withdrawn-report')).toMatchObject({
			state: 'withdrawn',
			supersededBy: null,
			withdrawn: { date: '2022-01-10', reason: 'Its main source was found to be unreliable.' },
		});
	});

	it('matches its published JSON Schema', () => {
		const validate = new Ajv2020({ strict: true }).compile(schema);
		validate(JSON.parse(JSON.stringify(record)));
		expect(validate.errors ?? []).toEqual([]);
	});
});
