/**
 * What citations cost the build: engine start-up once, then per report the citation record and
 * the three files (pure functions) and the APA and Chicago formatting (citeproc-js).
 *
 *   npm run bench:citations              # 10,000 synthetic reports
 *   npm run bench:citations -- 2000      # fewer, projected to 10,000
 *
 * The first build formats every report; later builds read unchanged ones from the cache (see
 * src/lib/node/file-cache.ts), which the last line measures.
 *
 * Prints figures; asserts nothing. Readers pay none of this: it all runs at build time.
 */
import {
	citationRecord,
	toCslItem,
	toCslJson,
	type CitationContext,
} from '../src/lib/citation/record.ts';
import { toBibtex } from '../src/lib/citation/bibtex.ts';
import { toRis } from '../src/lib/citation/ris.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileCache } from '../src/lib/node/file-cache.ts';
import {
	createCitationFormatter,
	FORMAT_FINGERPRINT,
	type FormattedCitations,
} from '../src/lib/citation/styles.ts';
import { parsePartialDate, type PartialDate } from '../src/lib/model/dates.ts';
import { REPORT_TYPE_INFO } from '../src/lib/model/report-types.ts';

const count = Number(process.argv[2] ?? 10_000);
const ctx: CitationContext = {
	site: 'https://archive.example.org',
	archive: 'Brief Archive',
	language: 'en',
	properNouns: ['Taliban', 'Afghanistan', 'Islamic State', 'IS-K', 'Al-Qaeda', 'Kabul', 'Kunduz'],
};
const desk = {
	name: 'Counter-Terrorism Research Fellow',
	url: '/authors/desk/',
	data: { kind: 'desk' as const },
};
const person = {
	name: 'Ahmad Shah Mohibi',
	url: '/authors/ahmad-shah-mohibi/',
	data: { kind: 'person' as const },
};
const dates = ['2022', '2021-11', '2020-12-07'].map((d) => parsePartialDate(d) as PartialDate);

const reports = Array.from({ length: count }, (_, i) => ({
	slug: `report-${i}`,
	title: `IS-K Seeks to Undermine the Taliban in Kunduz, Part ${i}`,
	titleSentenceCase: undefined,
	titleShort: undefined,
	number: undefined,
	series: undefined,
	doi: undefined,
	versions: [],
	type: REPORT_TYPE_INFO.brief,
	authors: [[desk], [], [person]][i % 3]!,
	published: dates[i % 3]!,
	source: { publisher: 'Rise to Peace', url: 'https://www.risetopeace.org/' },
}));

const ms = (t: number) => performance.now() - t;
/** CPU milliseconds since `c`: what the work costs on an otherwise idle core. */
const cpu = (c: NodeJS.CpuUsage) => {
	const u = process.cpuUsage(c);
	return (u.user + u.system) / 1000;
};
const cacheDir = mkdtempSync(join(tmpdir(), 'bench-citations-'));
const cacheFile = join(cacheDir, 'citations.jsonl');
const cache = () => fileCache<FormattedCitations>(cacheFile, FORMAT_FINGERPRINT);
const formatter = createCitationFormatter({ cache: cache() });

let t = performance.now();
let c = process.cpuUsage();
formatter.format(toCslItem(citationRecord({ ...reports[0]!, slug: 'warm-up' }, ctx)));
const startup = { wall: ms(t), cpu: cpu(c) };

t = performance.now();
c = process.cpuUsage();
for (const report of reports) {
	const record = citationRecord(report, ctx);
	toBibtex(record);
	toRis(record);
	toCslJson(record);
}
const files = { wall: ms(t) / count, cpu: cpu(c) / count };

t = performance.now();
c = process.cpuUsage();
for (const report of reports) formatter.format(toCslItem(citationRecord(report, ctx)));
const styles = { wall: ms(t) / count, cpu: cpu(c) / count };

// The next build: a fresh formatter reading the cache the first one wrote.
const next = createCitationFormatter({ cache: cache() });
t = performance.now();
c = process.cpuUsage();
for (const report of reports) next.format(toCslItem(citationRecord(report, ctx)));
const cached = { wall: ms(t) / count, cpu: cpu(c) / count };
rmSync(cacheDir, { recursive: true, force: true });

const row = (label: string, v: { wall: number; cpu: number }, digits: number, unit: string) =>
	console.log(
		`${label.padEnd(34)}${v.cpu.toFixed(digits).padStart(9)} ${unit} CPU ${v.wall.toFixed(digits).padStart(9)} ${unit} wall`,
	);
console.log(
	`reports: ${count}, load average: ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`,
);
row('engine start-up (once per build)', startup, 0, 'ms');
row('record + BibTeX + RIS + CSL-JSON', files, 3, 'ms');
row('APA + Chicago (citeproc-js)', styles, 2, 'ms');
row('APA + Chicago, cached (next build)', cached, 3, 'ms');
const project = (k: 'cpu' | 'wall') =>
	((startup[k] + (files[k] + styles[k]) * 10_000) / 1000).toFixed(0);
console.log(
	`projected for 10,000 reports: ${project('cpu')} s CPU, ${project('wall')} s wall on this machine now`,
);
