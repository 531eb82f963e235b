import { describe, expect, it } from 'vitest';
import {
	citationRecord,
	properNouns,
	type CitationContext,
} from '../../../src/lib/citation/record.ts';
import { toRis } from '../../../src/lib/citation/ris.ts';
import { parsePartialDate, type PartialDate } from '../../../src/lib/model/dates.ts';
import { seedArchive } from '../../support/seed-archive.ts';

const archive = seedArchive();
const ctx: CitationContext = {
	site: 'https://archive.example.org',
	archive: 'Brief Archive',
	language: 'en',
	properNouns: properNouns([...archive.groups, ...archive.regions]),
};
const record = (slug: string) => citationRecord(archive.bySlug.get(slug)!, ctx);
const lines = (ris: string) => ris.split('\r\n');

describe('toRis', () => {
	it('writes the month-precision seed as a report with DA to the month and CR LF line ends', () => {
		expect(
			toRis(record('afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells')),
		).toBe(
			[
				'TY  - RPRT',
				'TI  - Afghanistan’s Economic Crisis Means Rapid Growth for Terrorist Cells',
				'ST  - Afghanistan’s Economic Crisis',
				'AU  - Rise to Peace Counter-Terrorism Research Fellow,',
				'PY  - 2022',
				'DA  - 2022/05//',
				'PB  - Rise to Peace',
				'M3  - Brief',
				'UR  - https://archive.example.org/reports/afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells/',
				'DB  - Brief Archive',
				'N1  - Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.',
				'LA  - en',
				'ID  - afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells',
				'ER  - ',
				'',
			].join('\r\n'),
		);
	});

	it('gives a year-precision date as PY only, with no DA line', () => {
		expect(lines(toRis(record('is-k-seeks-to-undermine-the-taliban')))).toEqual([
			'TY  - RPRT',
			'TI  - IS-K Seeks to Undermine the Taliban',
			'ST  - IS-K Seeks to Undermine',
			'AU  - Rise to Peace Counter-Terrorism Research Fellow,',
			'PY  - 2022',
			'PB  - Rise to Peace',
			'M3  - Brief',
			'UR  - https://archive.example.org/reports/is-k-seeks-to-undermine-the-taliban/',
			'DB  - Brief Archive',
			'N1  - Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.',
			'LA  - en',
			'ID  - is-k-seeks-to-undermine-the-taliban',
			'ER  - ',
			'',
		]);
	});

	it('gives a day-precision date in full', () => {
		const rec = record('is-k-seeks-to-undermine-the-taliban');
		const ris = lines(toRis({ ...rec, issued: parsePartialDate('2022-05-07') as PartialDate }));
		expect(ris).toContain('DA  - 2022/05/07/');
	});

	it('credits an unsigned report to its publisher, as an institutional AU', () => {
		expect(lines(toRis(record('emergence-and-expansion-of-isis-k-and-the-taliban')))).toEqual([
			'TY  - RPRT',
			'TI  - The Emergence and Expansion of ISIS-K and the Taliban',
			'ST  - Emergence and Expansion',
			'AU  - Rise to Peace,',
			'PY  - 2021',
			'DA  - 2021/11//',
			'PB  - Rise to Peace',
			'M3  - Analysis',
			'UR  - https://archive.example.org/reports/emergence-and-expansion-of-isis-k-and-the-taliban/',
			'DB  - Brief Archive',
			'N1  - Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.',
			'LA  - en',
			'ID  - emergence-and-expansion-of-isis-k-and-the-taliban',
			'ER  - ',
			'',
		]);
	});

	it('writes a person as "Family, Given"', () => {
		expect(lines(toRis(record('rise-of-the-islamic-state-in-afghanistan')))).toEqual([
			'TY  - RPRT',
			'TI  - Special Report: The Rise of the Islamic State in Afghanistan',
			'ST  - Rise of the Islamic State',
			'AU  - Mohibi, Ahmad Shah',
			'PY  - 2020',
			'DA  - 2020/12//',
			'PB  - Rise to Peace',
			'M3  - Special report',
			'UR  - https://archive.example.org/reports/rise-of-the-islamic-state-in-afghanistan/',
			'DB  - Brief Archive',
			'N1  - Originally published by Rise to Peace (https://www.risetopeace.org/); archived copy in Brief Archive.',
			'LA  - en',
			'ID  - rise-of-the-islamic-state-in-afghanistan',
			'ER  - ',
			'',
		]);
	});

	it('writes the report number, series, volume, issue, version and DOI in the tags Zotero reads', () => {
		const rec = {
			...record('is-k-seeks-to-undermine-the-taliban'),
			number: '12',
			series: { name: 'Khorasan Papers', volume: '2', issue: '3' },
			doi: '10.1234/brief.12',
			version: 2,
		};
		const ris = lines(toRis(rec));
		expect(ris.slice(ris.indexOf('M3  - Brief'), ris.indexOf('M3  - Brief') + 7)).toEqual([
			'M3  - Brief',
			'SN  - 12',
			'T2  - Khorasan Papers',
			'VL  - 2',
			'IS  - 3',
			'ET  - Version 2',
			'DO  - 10.1234/brief.12',
		]);
	});

	it('never wraps a value, even a long URL', () => {
		for (const line of lines(toRis(record('is-k-seeks-to-undermine-the-taliban')))) {
			expect(line === '' || /^[A-Z][A-Z0-9]  - /.test(line), line).toBe(true);
		}
	});
});
