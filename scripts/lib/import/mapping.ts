/**
 * The mapping file (`import-map.yaml`) and what WordPress's labels become.
 *
 * A category or tag is looked up, in this order: in the mapping file, which the editor owns; then
 * through the archive's own alias tables (`src/lib/model/terms.ts`), so a label that is the name
 * or an alias of exactly one group, region, topic or report type needs no mapping ("IS-K",
 * "Kundoz", "Analysis"). A label that is neither is never dropped or made into a new term
 * silently: it is listed with the nearest known terms, and added to the mapping file as `TODO`
 * for the editor to decide.
 */
import {
	isMap,
	isScalar,
	isSeq,
	LineCounter,
	parseDocument,
	type Document,
	type Scalar,
} from 'yaml';
import { nearest } from '../../../src/lib/model/nearest.ts';
import {
	REPORT_TYPE_INFO,
	REPORT_TYPES,
	type ReportType,
} from '../../../src/lib/model/report-types.ts';
import { SLUG_PATTERN, SLUG_RULE } from '../../../src/lib/model/slugs.ts';
import type { TaxonomyKind } from '../../../src/lib/model/kinds.ts';
import { termKey, type AliasTable, type Term } from '../../../src/lib/model/terms.ts';

/** The taxonomies a label can be filed under, by the word the mapping file uses. */
export const LABEL_KINDS = { group: 'groups', region: 'regions', topic: 'topics' } as const;
type LabelKind = (typeof LABEL_KINDS)[keyof typeof LABEL_KINDS];

/** What a label stands for: a term, or a report type. */
export type Target = { kind: LabelKind; slug: string } | { kind: 'type'; type: ReportType };

export type LabelResolution =
	| { state: 'mapped'; targets: Target[]; via: 'map' | 'alias' }
	| { state: 'ignored' }
	| {
			state: 'unknown';
			/** Known terms near the label, as the mapping file writes them: "topic recruitment". */
			suggestions: string[];
			/** When the label names terms in more than one taxonomy: each of them. */
			ambiguous: string[];
			/** True when the mapping file already lists the label as TODO. */
			todo: boolean;
	  };

export interface ImportMap {
	/** `source.publisher` of every report; the export's site title when absent. */
	publisher: string | undefined;
	/** The type of a post that no label gives a type to. */
	type: ReportType | undefined;
	/** The WordPress post types imported (default: `post`). */
	postTypes: string[];
	/** Labels by their term key, each to targets, `ignore` or `TODO`. */
	labels: Map<string, { label: string; value: Target[] | 'ignore' | 'TODO' }>;
	/** WordPress logins to author slugs, or `none` for an unsigned report. */
	authors: Map<string, string>;
	/** Post IDs to the slug to use instead of the post's own. */
	slugs: Map<string, string>;
	/** Mistakes in the file, each with its line. */
	problems: string[];
	/** The parsed file, to add new TODO labels to without losing the editor's comments. */
	document: Document;
}

/** The archive's taxonomies, as the import resolves against them. */
export type Tables = Record<TaxonomyKind, AliasTable<Term>>;

/** A new mapping file: comments that say how to fill it in, then the export's defaults. */
export function mapTemplate(publisher: string): string {
	return `# How the WordPress export's labels become this archive's terms. Edit it, then run the
# import again: reports it wrote and nobody has edited since are updated.
#
# labels: a category or tag, then what it means here: "group <slug>", "region <slug>",
#   "topic <slug>", "type <brief|analysis|special-report|backgrounder>", a list of those, or
#   "ignore". A label that is the name or an alias of one term needs no line. The import adds
#   every label it could not place as TODO, with the nearest terms it knows.
# authors: a WordPress login, then the author's slug in content/authors/, or "none" for an
#   unsigned report. A login not listed is matched by its display name, or gets a new author.
# slugs: a post ID, then the slug (file name) to give it instead of its WordPress slug.
publisher: ${JSON.stringify(publisher)}
# The type of a report when none of its labels gives one.
type: analysis
postTypes: [post]
labels: {}
authors: {}
slugs: {}
`;
}

function describe(target: Target): string {
	if (target.kind === 'type') return `type ${target.type}`;
	const word = Object.entries(LABEL_KINDS).find(([, k]) => k === target.kind)![0];
	return `${word} ${target.slug}`;
}

/** The text of a scalar node, or '' for anything else. */
function scalarText(node: unknown): string {
	if (!isScalar(node)) return '';
	const v = node.value;
	return typeof v === 'string'
		? v
		: typeof v === 'number' || typeof v === 'boolean'
			? String(v)
			: '';
}

/** Reads one "group is-k" / "type brief" value, resolving the term through the alias tables. */
function readTarget(value: string, tables: Tables): Target | string {
	const m = /^\s*(group|region|topic|type)\s+(.+?)\s*$/i.exec(value);
	if (!m) {
		return `"${value}" is not "group <term>", "region <term>", "topic <term>", "type <type>", "ignore" or "TODO"`;
	}
	const word = m[1]!.toLowerCase();
	const spelling = m[2]!;
	if (word === 'type') {
		const type = reportType(spelling);
		return type
			? { kind: 'type', type }
			: `"${spelling}" is not a report type (${REPORT_TYPES.join(', ')})`;
	}
	const kind = LABEL_KINDS[word as keyof typeof LABEL_KINDS];
	const term = tables[kind].get(spelling);
	if (term) return { kind, slug: term.slug };
	const near = tables[kind].suggest(spelling);
	return `there is no ${word} "${spelling}" in content/${kind}/${near.length ? `; did you mean ${near.join(' or ')}?` : ''} (add it with npm run new:term)`;
}

/** The report type a label names, by slug, name or plural, in any spelling. */
export function reportType(spelling: string): ReportType | undefined {
	const key = termKey(spelling);
	return REPORT_TYPES.find((t) => {
		const info = REPORT_TYPE_INFO[t];
		return [t, info.name, info.plural].some((s) => termKey(s) === key);
	});
}

/** Parses the mapping file. Mistakes are collected in `problems`, each with its line. */
export function readMap(text: string, file: string, tables: Tables): ImportMap {
	const lines = new LineCounter();
	const document = parseDocument(text, { lineCounter: lines, keepSourceTokens: false });
	const problems: string[] = [];
	const at = (node: { range?: [number, number, number] | null } | null | undefined) =>
		node?.range ? `${file}:${lines.linePos(node.range[0]).line}` : file;
	for (const e of document.errors)
		problems.push(`${file}:${e.linePos?.[0].line ?? '?'}: ${e.message}`);
	const map: ImportMap = {
		publisher: undefined,
		type: undefined,
		postTypes: ['post'],
		labels: new Map(),
		authors: new Map(),
		slugs: new Map(),
		problems,
		document,
	};
	if (document.errors.length) return map;
	const root = document.contents;
	if (root === null || (isScalar(root) && root.value === null)) return map;
	if (!isMap(root)) {
		problems.push(
			`${file}:1: the mapping file is a list of "key: value" lines (see docs/importing.md)`,
		);
		return map;
	}
	for (const pair of root.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		const value = pair.value;
		const where = at(pair.key);
		switch (key) {
			case 'publisher':
				if (isScalar(value) && typeof value.value === 'string' && value.value.trim())
					map.publisher = value.value.trim();
				else problems.push(`${where}: publisher: give the name of the original publisher`);
				break;
			case 'type': {
				const type = isScalar(value) ? reportType(String(value.value)) : undefined;
				if (type) map.type = type;
				else problems.push(`${where}: type: one of ${REPORT_TYPES.join(', ')}`);
				break;
			}
			case 'postTypes':
				if (isSeq(value) && value.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
					map.postTypes = value.items.map((i) => String((i as Scalar).value));
				} else problems.push(`${where}: postTypes: a list of WordPress post types, e.g. [post]`);
				break;
			case 'labels':
			case 'authors':
			case 'slugs':
				if (value === null || (isScalar(value) && value.value === null)) break;
				if (!isMap(value)) {
					problems.push(`${where}: ${key}: one "name: value" per line, indented under ${key}:`);
					break;
				}
				for (const entry of value.items) {
					const name = isScalar(entry.key) ? String(entry.key.value) : '';
					const here = `${at(entry.key)}: ${key}."${name}"`;
					if (key === 'labels') readLabel(map, name, entry.value, here, tables);
					else if (key === 'authors') {
						const v = isScalar(entry.value) ? scalarText(entry.value) : '';
						if (v === 'none') map.authors.set(name, 'none');
						else {
							const author = tables.authors.get(v);
							if (author) map.authors.set(name, author.slug);
							else {
								const near = tables.authors.suggest(v);
								problems.push(
									`${here}: there is no author "${v}" in content/authors/${near.length ? `; did you mean ${near.join(' or ')}?` : ''} (or write none for an unsigned report)`,
								);
							}
						}
					} else {
						const v = isScalar(entry.value) ? scalarText(entry.value) : '';
						if (!/^\d+$/.test(name))
							problems.push(`${here}: the key is a WordPress post ID (digits)`);
						else if (!SLUG_PATTERN.test(v) || /^\d+$/.test(v))
							problems.push(
								`${here}: "${v}" is not a report slug: ${SLUG_RULE}, and not digits alone`,
							);
						else map.slugs.set(name, v);
					}
				}
				break;
			default:
				problems.push(
					`${where}: "${key}" is not a setting of the mapping file (publisher, type, postTypes, labels, authors, slugs)`,
				);
		}
	}
	return map;
}

function readLabel(
	map: ImportMap,
	label: string,
	node: unknown,
	where: string,
	tables: Tables,
): void {
	const values = isSeq(node) ? node.items : [node];
	const texts = values.map((v) => (isScalar(v) ? scalarText(v) : ''));
	const key = termKey(label);
	if (texts.length === 1 && texts[0]!.trim().toLowerCase() === 'ignore') {
		map.labels.set(key, { label, value: 'ignore' });
		return;
	}
	if (texts.length === 1 && texts[0]!.trim() === 'TODO') {
		map.labels.set(key, { label, value: 'TODO' });
		return;
	}
	const targets: Target[] = [];
	for (const text of texts) {
		const target = readTarget(text, tables);
		if (typeof target === 'string') map.problems.push(`${where}: ${target}`);
		else targets.push(target);
	}
	map.labels.set(key, { label, value: targets.length ? targets : 'TODO' });
}

/** Every spelling of every term and type, by its key, for did-you-mean across taxonomies. */
function spellings(tables: Tables): Map<string, Target[]> {
	const out = new Map<string, Target[]>();
	const add = (spelling: string, target: Target) => {
		const key = termKey(spelling);
		if (!key) return;
		const list = out.get(key) ?? [];
		if (!list.some((t) => JSON.stringify(t) === JSON.stringify(target))) list.push(target);
		out.set(key, list);
	};
	for (const kind of Object.values(LABEL_KINDS)) {
		for (const term of tables[kind].terms) {
			for (const s of [term.slug, term.name, ...term.aliases]) add(s, { kind, slug: term.slug });
		}
	}
	for (const type of REPORT_TYPES) {
		const info = REPORT_TYPE_INFO[type];
		for (const s of [type, info.name, info.plural]) add(s, { kind: 'type', type });
	}
	return out;
}

/** Resolves labels, remembering the answers: an export repeats the same few labels many times. */
export function labelResolver(
	map: ImportMap,
	tables: Tables,
): (label: string, nicename?: string) => LabelResolution {
	const known = spellings(tables);
	const cache = new Map<string, LabelResolution>();
	const resolve = (label: string, nicename = ''): LabelResolution => {
		const key = termKey(label);
		const entry = map.labels.get(key) ?? (nicename ? map.labels.get(termKey(nicename)) : undefined);
		if (entry?.value === 'ignore') return { state: 'ignored' };
		if (entry && entry.value !== 'TODO')
			return { state: 'mapped', targets: entry.value, via: 'map' };
		const direct = known.get(key) ?? (nicename ? known.get(termKey(nicename)) : undefined) ?? [];
		if (direct.length === 1 && !entry) return { state: 'mapped', targets: direct, via: 'alias' };
		const near = nearest(key, known.keys(), { max: 6, always: true });
		const suggestions: string[] = [];
		for (const k of near) {
			for (const t of known.get(k) ?? []) {
				const d = describe(t);
				if (!suggestions.includes(d)) suggestions.push(d);
			}
		}
		return {
			state: 'unknown',
			suggestions: suggestions.slice(0, 3),
			ambiguous: direct.length > 1 ? direct.map((t) => describe(t)) : [],
			todo: entry?.value === 'TODO',
		};
	};
	return (label, nicename) => {
		const k = `${label}\u0000${nicename ?? ''}`;
		let r = cache.get(k);
		if (!r) {
			r = resolve(label, nicename);
			cache.set(k, r);
		}
		return r;
	};
}

/**
 * Adds labels the import could not place to the mapping file as `TODO`, each with a comment
 * naming the nearest terms. Returns the new text, or undefined when nothing was added. The
 * editor's own lines and comments are kept as they are.
 */
export function addTodoLabels(
	map: ImportMap,
	unknown: ReadonlyMap<string, { suggestions: string[]; ambiguous: string[] }>,
): string | undefined {
	const doc = map.document;
	const additions = [...unknown].filter(([label]) => !map.labels.has(termKey(label)));
	if (additions.length === 0) return undefined;
	if (!isMap(doc.contents)) doc.contents = doc.createNode({});
	let labels = doc.get('labels');
	if (!isMap(labels)) {
		doc.set('labels', doc.createNode({}));
		labels = doc.get('labels');
	}
	const node = labels as ReturnType<Document['createNode']> & { flow?: boolean };
	node.flow = false;
	for (const [label, info] of additions.sort(([a], [b]) => a.localeCompare(b))) {
		const value = doc.createNode('TODO') as Scalar;
		value.comment = info.ambiguous.length
			? ` names ${info.ambiguous.join(' and ')}: choose`
			: info.suggestions.length
				? ` nearest: ${info.suggestions.join(', ')}`
				: '';
		(labels as { add(pair: unknown): void }).add(doc.createPair(label, value));
	}
	return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
