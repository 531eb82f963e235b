import { describe, expect, it } from 'vitest';
import {
	addTodoLabels,
	labelResolver,
	mapTemplate,
	reportType,
} from '../../../../scripts/lib/import/mapping.ts';
import { mapOf, tables } from './support.ts';

const t = tables();

describe('labelResolver', () => {
	const resolve = labelResolver(mapOf(mapTemplate('Rise to Peace')), t);

	it('places a label that is the name or an alias of one term through the alias table, in any spelling', () => {
		expect(resolve('ISIS-K')).toEqual({
			state: 'mapped',
			targets: [{ kind: 'groups', slug: 'is-k' }],
			via: 'alias',
		});
		expect(resolve('kundoz')).toEqual({
			state: 'mapped',
			targets: [{ kind: 'regions', slug: 'kunduz' }],
			via: 'alias',
		});
		expect(resolve('HUMINT')).toEqual({
			state: 'mapped',
			targets: [{ kind: 'topics', slug: 'intelligence' }],
			via: 'alias',
		});
		expect(resolve('Special reports')).toEqual({
			state: 'mapped',
			targets: [{ kind: 'type', type: 'special-report' }],
			via: 'alias',
		});
	});

	it('lists a label it cannot place with the nearest terms of any taxonomy', () => {
		expect(resolve('Recruitmnet')).toMatchObject({
			state: 'unknown',
			suggestions: ['topic recruitment'],
			ambiguous: [],
		});
		expect(resolve('Kunduzz')).toMatchObject({ state: 'unknown', suggestions: ['region kunduz'] });
	});

	it('places a label by its WordPress slug when its name is unknown', () => {
		expect(resolve('Islamic State K.', 'iskp')).toMatchObject({
			state: 'mapped',
			targets: [{ kind: 'groups', slug: 'is-k' }],
		});
	});

	it('follows the mapping file first: a term, several, a type, or ignore', () => {
		const map = mapOf(
			`labels:\n  Economic: topic economic crisis\n  Rise of ISIS in Afghanistan: [group ISIS, type Special report]\n  Uncategorized: ignore\n  IS-K: topic counter-terrorism\n`,
		);
		const r = labelResolver(map, t);
		expect(r('Economic')).toEqual({
			state: 'mapped',
			targets: [{ kind: 'topics', slug: 'economic-crisis' }],
			via: 'map',
		});
		expect(r('Rise of ISIS in Afghanistan')).toEqual({
			state: 'mapped',
			targets: [
				{ kind: 'groups', slug: 'islamic-state' },
				{ kind: 'type', type: 'special-report' },
			],
			via: 'map',
		});
		expect(r('uncategorized')).toEqual({ state: 'ignored' });
		expect(r('IS-K')).toMatchObject({ targets: [{ kind: 'topics', slug: 'counter-terrorism' }] });
	});

	it('keeps a label the mapping file marks TODO unknown, noting that it is listed already', () => {
		expect(labelResolver(mapOf('labels:\n  Nangarhar: TODO\n'), t)('Nangarhar')).toMatchObject({
			state: 'unknown',
			todo: true,
		});
	});
});

describe('readMap', () => {
	it('names the line, the entry and the nearest term of every mistake', () => {
		const map = mapOf(
			`publisher: Rise to Peace\ntype: memo\nlabels:\n  Economic: topic economics\n  IS-K: grup is-k\nauthors:\n  riseadmin: rise-to-peas\nslugs:\n  "12": ../x\ncolour: blue\n`,
		);
		expect(map.problems).toEqual([
			'import-map.yaml:2: type: one of brief, analysis, special-report, backgrounder',
			'import-map.yaml:4: labels."Economic": there is no topic "economics" in content/topics/; did you mean economic-crisis (Economic and humanitarian crisis)? (add it with npm run new:term)',
			'import-map.yaml:5: labels."IS-K": "grup is-k" is not "group <term>", "region <term>", "topic <term>", "type <type>", "ignore" or "TODO"',
			'import-map.yaml:7: authors."riseadmin": there is no author "rise-to-peas" in content/authors/; did you mean rise-to-peace-ct-fellow (Rise to Peace Counter-Terrorism Research Fellow)? (or write none for an unsigned report)',
			'import-map.yaml:9: slugs."12": "../x" is not a report slug: a slug may use only lower-case a-z, digits 0-9 and single hyphens between words, and not digits alone',
			'import-map.yaml:10: "colour" is not a setting of the mapping file (publisher, type, postTypes, labels, authors, slugs)',
		]);
	});

	it('reports broken YAML with its line', () => {
		expect(mapOf('labels:\n  a: [b\n').problems[0]).toMatch(/^import-map\.yaml:\d+: /);
	});

	it('reads the template it writes without a mistake', () => {
		const map = mapOf(mapTemplate('Rise to Peace'));
		expect(map.problems).toEqual([]);
		expect(map.publisher).toBe('Rise to Peace');
		expect(map.type).toBe('analysis');
		expect(map.postTypes).toEqual(['post']);
	});
});

describe('addTodoLabels', () => {
	it('adds each unknown label as TODO with its nearest terms, keeping the editor’s lines and comments', () => {
		const text =
			'# My notes on the labels\npublisher: "Rise to Peace"\nlabels:\n  Economic: topic economic-crisis # checked with Sam\n';
		const out = addTodoLabels(
			mapOf(text),
			new Map([['Nangarhar', { suggestions: ['region kandahar'], ambiguous: [] }]]),
		);
		expect(out).toBe(
			'# My notes on the labels\npublisher: "Rise to Peace"\nlabels:\n  Economic: topic economic-crisis # checked with Sam\n  Nangarhar: TODO # nearest: region kandahar\n',
		);
	});

	it('adds nothing, and says so, when every unknown label is listed already', () => {
		const text = 'labels:\n  Nangarhar: TODO\n';
		expect(
			addTodoLabels(mapOf(text), new Map([['Nangarhar', { suggestions: [], ambiguous: [] }]])),
		).toBeUndefined();
	});

	it('gives the result back to readMap without a mistake', () => {
		const out = addTodoLabels(
			mapOf(mapTemplate('X')),
			new Map([['A: b', { suggestions: [], ambiguous: ['group a', 'topic a'] }]]),
		)!;
		expect(out).toContain('"A: b": TODO # names group a and topic a: choose');
		expect(mapOf(out).problems).toEqual([]);
	});
});

describe('reportType', () => {
	it('knows a type by slug, name or plural', () => {
		expect(reportType('special-report')).toBe('special-report');
		expect(reportType('Backgrounders')).toBe('backgrounder');
		expect(reportType('memo')).toBeUndefined();
	});
});
