/**
 * `npm run new`: scaffolds a report as a draft, ready to write in.
 *
 * In a terminal, with no flags, it asks for everything, offering the known terms. With flags it
 * asks nothing (terms may be repeated or comma-separated, by slug, name or alias):
 *
 *   npm run new -- --title "IS-K after Kabul" --type brief --groups ISKP,Taliban \
 *     --regions Kabul --topics recruitment --authors rise-to-peace-ct-fellow
 *
 * It writes `content/reports/<slug>.md` (or into `BRIEF_CONTENT_DIR`) with `status: draft` and
 * today's date, and refuses a slug that is already taken. The file passes `npm run check:content`
 * as written and is seen by no reader until its status is changed to `published`.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/lib/model/collections.ts';
import { REPORT_TYPES, type ReportType } from '../src/lib/model/report-types.ts';
import {
	isReportType,
	renderReport,
	resolveTerms,
	slugFromTitle,
	slugTaken,
	splitList,
	todayIso,
} from './lib/scaffold.ts';
import { reportSlugProblem } from '../src/lib/model/slugs.ts';
import { KINDS, TAXONOMY_KINDS, type TaxonomyKind } from '../src/lib/model/kinds.ts';
import {
	ask,
	askTerms,
	entryFiles,
	loadTables,
	shown,
	stop,
	terminal,
	unknownMessage,
	writeNew,
} from './lib/scaffold-io.ts';

const multiple = { type: 'string', multiple: true } as const;
let values;
try {
	({ values } = parseArgs({
		options: {
			title: { type: 'string' },
			type: { type: 'string' },
			groups: multiple,
			regions: multiple,
			topics: multiple,
			authors: multiple,
			help: { type: 'boolean', short: 'h' },
		},
	}));
} catch (error) {
	stop(`${(error as Error).message}\nRun npm run new -- --help for the options.`);
}

if (values.help) {
	console.log(`npm run new                       asks for everything (in a terminal)
npm run new -- --title "…" --type brief [--groups a,b] [--regions …] [--topics …] [--authors …]
Types: ${REPORT_TYPES.join(', ')}. Terms by slug, name or alias.`);
	process.exit(0);
}

const content = resolve(contentDir());
const reportsDir = join(content, 'reports');
const existing = entryFiles(content, 'reports');
const tables = loadTables(content);

function titleProblem(title: string): string | undefined {
	if (!title) return 'a title is required';
	if (title.length > 200)
		return `the title has ${title.length} characters; at most 200 are allowed`;
	const slug = slugFromTitle(title);
	if (!slug)
		return 'the title needs at least one letter or digit a-z, 0-9 to make its address from';
	if (reportSlugProblem(slug, 'md')) {
		return `the title gives the address /reports/${slug}/, which is kept for the year pages (/reports/2022/); use a title with a word in it`;
	}
	if (slugTaken(slug, existing)) {
		return `a report with the address /reports/${slug}/ already exists (${shown(join(reportsDir, slug))}.md or .mdx); choose a different title`;
	}
	return undefined;
}

const typeProblem = (type: string) =>
	isReportType(type)
		? undefined
		: `"${type}" is not a report type; use one of: ${REPORT_TYPES.join(', ')}`;

const interactive = values.title === undefined;
let title: string;
let type: ReportType;
const terms = {} as Record<TaxonomyKind, string[]>;

if (interactive) {
	const rl = terminal();
	if (!rl) stop('Not a terminal: give at least --title and --type (npm run new -- --help).');
	title = await ask(rl, 'Title: ', titleProblem);
	console.log(`  Address: /reports/${slugFromTitle(title)}/`);
	type =
		((await ask(rl, `Type (${REPORT_TYPES.join(', ')}) [brief]: `, (a) =>
			typeProblem(a || 'brief'),
		)) as ReportType | '') || 'brief';
	for (const kind of TAXONOMY_KINDS) {
		terms[kind] = await askTerms(rl, tables[kind], KINDS[kind].noun, `${shown(content)}/${kind}`);
	}
	rl.close();
} else {
	title = (values.title ?? '').trim();
	const problems: string[] = [];
	const tp = titleProblem(title);
	if (tp) problems.push(`--title: ${tp}`);
	const typeValue = values.type ?? 'brief';
	const yp = typeProblem(typeValue);
	if (yp) problems.push(`--type: ${yp}`);
	type = isReportType(typeValue) ? typeValue : 'brief';
	for (const kind of TAXONOMY_KINDS) {
		const resolved = resolveTerms(tables[kind], splitList(values[kind] ?? []));
		terms[kind] = resolved.slugs;
		if (resolved.unknown.length) {
			problems.push(
				`--${kind}: ${unknownMessage(KINDS[kind].noun, `${shown(content)}/${kind}`, resolved.unknown)}`,
			);
		}
	}
	if (problems.length) stop(`Nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

const slug = slugFromTitle(title);
const path = join(reportsDir, `${slug}.md`);
try {
	writeNew(path, renderReport({ title, type, date: todayIso(), ...terms }));
} catch (error) {
	stop(`Could not write ${shown(path)}: ${(error as Error).message}`);
}
console.log(`Wrote ${shown(path)}: a draft no reader sees.
Next: write the summary and the body, preview with npm run dev, check with npm run check:content,
and change status: draft to status: published when it is ready.`);
