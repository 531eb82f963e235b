/**
 * The file system and terminal side of `npm run new` and `npm run new:term`: reading the known
 * terms from the content folder, asking questions, and writing a new file without overwriting.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline/promises';
import { isEntryPath, type CollectionName } from '../../src/lib/model/collections.ts';
import {
	aliasTables,
	describeTerm,
	readTerms,
	resolveTerms,
	splitList,
	type KnownTerm,
} from './scaffold.ts';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../../src/lib/model/kinds.ts';
import type { AliasTable } from '../../src/lib/model/terms.ts';

/** The entry files of one collection folder (names with extension), none if it does not exist. */
export function entryFiles(content: string, collection: CollectionName): string[] {
	const dir = join(content, collection);
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => isEntryPath(collection, name))
		.sort();
}

/** The alias tables of the content folder's four taxonomies. */
export function loadTables(content: string): Record<TaxonomyKind, AliasTable<KnownTerm>> {
	const read = (kind: TaxonomyKind) =>
		readTerms(
			kind,
			entryFiles(content, kind).map((file) => ({
				slug: file.replace(/\.md$/, ''),
				text: readFileSync(join(content, kind, file), 'utf8'),
			})),
		);
	const terms = Object.fromEntries(TAXONOMY_KINDS.map((k) => [k, read(k)])) as Record<
		TaxonomyKind,
		KnownTerm[]
	>;
	return aliasTables(terms);
}

/** Stops with a message for the author, exit code 1. */
export function stop(message: string): never {
	console.error(message);
	process.exit(1);
}

/** How a path is shown: relative to the working directory when inside it. */
export function shown(path: string): string {
	const rel = relative(process.cwd(), resolve(path));
	return rel && !rel.startsWith('..') ? rel : resolve(path);
}

/** Writes a new file, never over an existing one. */
export function writeNew(path: string, text: string): void {
	mkdirSync(join(path, '..'), { recursive: true });
	writeFileSync(path, text, { flag: 'wx' });
}

/** A question-and-answer session on the terminal, or undefined when stdin is not one. */
export function terminal(): Interface | undefined {
	return process.stdin.isTTY
		? createInterface({ input: process.stdin, output: process.stdout })
		: undefined;
}

/** Asks until the answer passes `check` (which returns a problem, or undefined when fine). */
export async function ask(
	rl: Interface,
	question: string,
	check: (answer: string) => string | undefined = () => undefined,
): Promise<string> {
	for (;;) {
		const answer = (await rl.question(question)).trim();
		const problem = check(answer);
		if (!problem) return answer;
		console.log(`  ${problem}`);
	}
}

/** A line per unknown spelling, with the nearest known terms. */
export function unknownMessage(
	noun: string,
	folder: string,
	unknown: readonly { spelling: string; suggestions: string[] }[],
): string {
	return unknown
		.map(
			(u) =>
				`unknown ${noun} "${u.spelling}"${u.suggestions.length ? `; did you mean ${u.suggestions.join(' or ')}?` : ''} Known ${noun}s are in ${folder}/ (add one with npm run new:term)`,
		)
		.join('; ');
}

/**
 * Asks for terms of one taxonomy, listing the known ones with their aliases, until every answer
 * resolves; returns their slugs.
 */
export async function askTerms(
	rl: Interface,
	table: AliasTable<KnownTerm>,
	noun: string,
	folder: string,
): Promise<string[]> {
	console.log(
		`\nKnown ${noun}s (type a slug, name or alias; several separated by commas; Enter for none):`,
	);
	for (const term of table.terms) console.log(`  ${describeTerm(term)}`);
	let slugs: string[] = [];
	await ask(rl, `${noun[0]!.toUpperCase()}${noun.slice(1)}s: `, (answer) => {
		const resolved = resolveTerms(table, splitList([answer]));
		slugs = resolved.slugs;
		return resolved.unknown.length ? unknownMessage(noun, folder, resolved.unknown) : undefined;
	});
	return slugs;
}
