/**
 * `npm run new:term`: adds a group, region, topic or author, so that reports can refer to it.
 *
 * In a terminal, with no flags, it asks. With flags it asks nothing:
 *
 *   npm run new:term -- --kind group --name "Tehrik-i-Taliban Pakistan" --aliases TTP,"Pakistani Taliban"
 *   npm run new:term -- --kind region --name Herat --subkind province --parent Afghanistan
 *   npm run new:term -- --kind author --name "Jane Doe" --subkind person --affiliation "Rise to Peace"
 *
 * It refuses a name or alias that already belongs to a term (the one alias table must stay
 * unambiguous) and a slug that is taken, and writes `content/<kind>s/<slug>.md`.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/lib/model/collections.ts';
import { AUTHOR_KINDS, REGION_KINDS } from '../src/lib/model/schema.ts';
import { renderTerm, slugFromTitle, slugTaken, splitList, TERM_KINDS } from './lib/scaffold.ts';
import type { TaxonomyKind } from '../src/lib/model/kinds.ts';
import { ask, entryFiles, loadTables, shown, stop, terminal, writeNew } from './lib/scaffold-io.ts';

let values;
try {
	({ values } = parseArgs({
		options: {
			kind: { type: 'string' },
			name: { type: 'string' },
			aliases: { type: 'string', multiple: true },
			shortName: { type: 'string' },
			subkind: { type: 'string' },
			parent: { type: 'string' },
			affiliation: { type: 'string' },
			help: { type: 'boolean', short: 'h' },
		},
	}));
} catch (error) {
	stop(`${(error as Error).message}\nRun npm run new:term -- --help for the options.`);
}
if (values.help) {
	console.log(`npm run new:term                  asks for everything (in a terminal)
npm run new:term -- --kind group|region|topic|author --name "…" [--aliases a,b]
  groups:  [--shortName IS-K]
  regions: --subkind ${REGION_KINDS.join('|')} [--parent <region>]
  authors: --subkind ${AUTHOR_KINDS.join('|')} [--affiliation "…"]`);
	process.exit(0);
}

const content = resolve(contentDir());
const tables = loadTables(content);
const KINDS = Object.keys(TERM_KINDS).join(', ');

/** Every problem with a term, as messages an author can act on. */
function problems(
	kind: TaxonomyKind,
	name: string,
	aliases: readonly string[],
	subkind: string | undefined,
	parent: string | undefined,
): string[] {
	const out: string[] = [];
	const slug = slugFromTitle(name);
	if (!name) out.push('a name is required');
	else if (!slug)
		out.push('the name needs at least one letter or digit a-z, 0-9 to make its address from');
	else if (slugTaken(slug, entryFiles(content, kind))) {
		out.push(`${shown(join(content, kind, slug))}.md already exists; choose a different name`);
	}
	for (const spelling of [name, ...aliases]) {
		const owner = spelling ? tables[kind].get(spelling) : undefined;
		if (owner) {
			out.push(
				`"${spelling}" already names ${owner.slug} (${owner.name}); a name or alias must belong to one ${kind.slice(0, -1)}: use that one, or choose another spelling`,
			);
		}
	}
	const allowed: readonly string[] | undefined =
		kind === 'regions' ? REGION_KINDS : kind === 'authors' ? AUTHOR_KINDS : undefined;
	if (allowed && subkind !== undefined && !allowed.includes(subkind)) {
		out.push(
			`--subkind "${subkind}" is not allowed for a ${kind.slice(0, -1)}; use one of: ${allowed.join(', ')}`,
		);
	}
	if (kind === 'regions' && parent && !tables.regions.get(parent)) {
		out.push(
			`--parent: unknown region "${parent}"; did you mean ${tables.regions.suggest(parent).join(' or ')}?`,
		);
	}
	return out;
}

let kind: TaxonomyKind;
let name: string;
let aliases: string[];
let subkind: string | undefined;
let parent: string | undefined;
let shortName: string | undefined = values.shortName;
let affiliation: string | undefined = values.affiliation;

if (values.kind === undefined && values.name === undefined) {
	const rl = terminal();
	if (!rl) stop('Not a terminal: give at least --kind and --name (npm run new:term -- --help).');
	const k = await ask(rl, `Kind (${KINDS}): `, (a) =>
		TERM_KINDS[a] ? undefined : `use one of: ${KINDS}`,
	);
	kind = TERM_KINDS[k]!;
	console.log(`Existing ${kind}: ${tables[kind].terms.map((t) => t.slug).join(', ') || 'none'}`);
	name = await ask(rl, 'Name: ', (a) => problems(kind, a, [], undefined, undefined)[0]);
	aliases = splitList([
		await ask(
			rl,
			'Other spellings and acronyms, separated by commas (Enter for none): ',
			(a) => problems(kind, name, splitList([a]), undefined, undefined)[0],
		),
	]);
	if (kind === 'groups')
		shortName = (await ask(rl, 'Short form, e.g. IS-K (Enter for none): ')) || undefined;
	if (kind === 'regions') {
		subkind = await ask(rl, `Kind of region (${REGION_KINDS.join(', ')}): `, (a) =>
			(REGION_KINDS as readonly string[]).includes(a)
				? undefined
				: `use one of: ${REGION_KINDS.join(', ')}`,
		);
		const p = await ask(rl, 'Contained in which region (Enter for none): ', (a) =>
			a && !tables.regions.get(a)
				? `unknown region; did you mean ${tables.regions.suggest(a).join(' or ')}?`
				: undefined,
		);
		parent = p ? tables.regions.get(p)?.slug : undefined;
	}
	if (kind === 'authors') {
		subkind = await ask(rl, `person or desk: `, (a) =>
			(AUTHOR_KINDS as readonly string[]).includes(a) ? undefined : 'use person or desk',
		);
		affiliation = (await ask(rl, 'Organisation (Enter for none): ')) || undefined;
	}
	rl.close();
} else {
	const k = values.kind ?? '';
	if (!TERM_KINDS[k]) stop(`--kind "${k}" is not allowed; use one of: ${KINDS}`);
	kind = TERM_KINDS[k];
	name = (values.name ?? '').trim();
	aliases = splitList(values.aliases ?? []);
	subkind = values.subkind;
	const found = problems(kind, name, aliases, subkind, values.parent);
	if (found.length) stop(`Nothing was written:\n${found.map((p) => `  - ${p}`).join('\n')}`);
	parent = values.parent ? tables.regions.get(values.parent)?.slug : undefined;
}

const path = join(content, kind, `${slugFromTitle(name)}.md`);
try {
	writeNew(path, renderTerm({ kind, name, aliases, shortName, subkind, parent, affiliation }));
} catch (error) {
	stop(`Could not write ${shown(path)}: ${(error as Error).message}`);
}
console.log(
	`Wrote ${shown(path)}. Reports can now refer to it by ${[slugFromTitle(name), name, ...aliases].map((s) => `"${s}"`).join(', ')}.`,
);
