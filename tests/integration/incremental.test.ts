/**
 * The proof that an incremental build is a cold build, only faster: a generated archive is built
 * once, then edited in three rounds, each followed by an incremental build (`npm run build`) and,
 * for comparison, a cold one of the same content (`--full`, into an empty folder, with an empty
 * cache but for the social cards, which are files named by a hash of what they show and cost most
 * of a cold build of this size). After each round the two outputs must hold the same files with
 * the same bytes. Nothing is excluded from the comparison: the build time is fixed by
 * BRIEF_BUILD_TIME, and everything else is made from the content alone.
 *
 * A key that leaves out something its page shows makes this test fail: the incremental build
 * restores a page the cold build renders differently (docs/architecture.md, "Incremental
 * builds", says how this was shown). The rounds group edits so that one edit's pages are not
 * rendered again by another's, which would hide a missing dependency:
 *
 * 1. one report's body, another's title (every listing, feed, related block, citation and JSON
 *    that shows it), and a topic's profile;
 * 2. a report added, one deleted, a draft published, a report renamed with an alias, an embargo
 *    lifted by a later BRIEF_BUILD_TIME, and a group's aliases changed (which every citation
 *    uses, so every report page and citation file is rendered again: the other edits of this
 *    round are seen through the listings, feeds, indexes and JSON);
 * 3. a component and a stylesheet changed (the builds run in a copy of the project);
 * 4. only a topic's profile, which no report page shows: the search index is kept as it was, and
 *    the early indexing begun for it is stopped (src/integrations/pagefind.ts) without harm.
 *
 * Issue 15's routes are in it too: a report keeps its first version (`/reports/<slug>/v1/`, whose
 * text is edited in round 1) and a PDF (`/files/…`, replaced by other bytes in round 2), and a
 * report superseded by another shows its successor's title (retitled in round 1).
 *
 * The fixture is 150 generated reports (scripts/lib/corpus.ts): more than a page of listings
 * in the archive and its types, so pages shift when reports come and go.
 */
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/lib/corpus.ts';
import { withBuildLock } from '../support/fixture-build.ts';
import { buildEnv, copyProject, runBuild } from '../support/project-copy.ts';

const REPORTS = 150;
const scratch = mkdtempSync(join(tmpdir(), 'brief-incremental-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 120_000);

const project = join(scratch, 'project');
const content = join(scratch, 'content');
const out = join(scratch, 'incremental', 'dist');
const cache = join(scratch, 'incremental', 'cache');
/** Before the embargo set below; round 3 moves past it. */
let buildTime = '2025-01-01T00:00:00Z';
const EMBARGO = '2025-06-01T00:00:00Z';

/** Every file under a folder, relative to it, with the hash of its bytes. */
function snapshot(dir: string): Map<string, string> {
	return new Map(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((d) => d.isFile())
			.map((d) => {
				const file = join(d.parentPath, d.name);
				return [
					file.slice(dir.length + 1),
					createHash('sha256').update(readFileSync(file)).digest('hex'),
				] as const;
			}),
	);
}

/** What differs between two outputs, with the first differing line of each text file. */
function differences(incremental: string, cold: string): string[] {
	const a = snapshot(incremental);
	const b = snapshot(cold);
	const found: string[] = [];
	for (const [file, hash] of b) {
		if (!a.has(file)) found.push(`only in the cold build: ${file}`);
		else if (a.get(file) !== hash) {
			const x = readFileSync(join(incremental, file), 'utf8').split(/(?<=>)|\n/);
			const y = readFileSync(join(cold, file), 'utf8').split(/(?<=>)|\n/);
			const at = y.findIndex((part, i) => part !== x[i]);
			found.push(
				`differs: ${file}\n      incremental: ${x[at]?.slice(0, 160)}\n      cold:        ${y[at]?.slice(0, 160)}`,
			);
		}
	}
	for (const file of a.keys())
		if (!b.has(file)) found.push(`only in the incremental build: ${file}`);
	return found;
}

function build(args: string[], dir: string, cacheDir: string) {
	const result = withBuildLock(() =>
		runBuild(
			project,
			['--outDir', dir, ...args],
			buildEnv(content, cacheDir, { BRIEF_BUILD_TIME: buildTime }),
		),
	);
	expect(result.status, result.output.slice(-6000)).toBe(0);
	// The build's own summary: how long each phase took, how many routes were rendered.
	console.log(
		`${args.join(' ') || 'incremental'}: ${/^Phases: .*$/m.exec(result.output)?.[0]}\n  ${/^Routes: .*$/m.exec(result.output)?.[0]}`,
	);
	return result.output;
}

let round = 0;
/** An incremental build, then a cold one of the same content; returns the first's log. */
function buildAndCompare(): string {
	round++;
	const log = build([], out, cache);
	const cold = join(scratch, `cold-${round}`);
	cpSync(join(cache, 'brief-cards'), join(cold, 'cache', 'brief-cards'), { recursive: true });
	const coldLog = build(['--full'], join(cold, 'dist'), join(cold, 'cache'));
	// The cold build indexed its report pages for search as Astro wrote them, and put the cards in
	// place as they were ready (src/integrations/pagefind.ts, social-cards.ts): the comparison
	// below proves that what it made so is what the incremental build made.
	expect(coldLog).toMatch(
		/search index: \d+ reports from \d+ pages \d+ indexed again, the rest while the site was built/,
	);
	expect(coldLog).toMatch(
		/social cards: .* copied into the output in [\d.]+ s after the pages \(the rest as they were ready/,
	);
	const found = differences(out, join(cold, 'dist'));
	expect(
		found,
		`round ${round}: ${found.length} files differ\n  ${found.slice(0, 12).join('\n  ')}`,
	).toEqual([]);
	rmSync(cold, { recursive: true, force: true });
	return log;
}

/** How many routes the incremental build rendered and restored, from its summary line. */
function routes(log: string): { rendered: number; kept: number } {
	const m = /Routes: (\d+) rendered, (\d+) kept/.exec(log);
	return { rendered: Number(m?.[1]), kept: Number(m?.[2]) };
}

const file = (path: string) => join(content, path);
const read = (path: string) => readFileSync(file(path), 'utf8');
const write = (path: string, text: string) => writeFileSync(file(path), text);
const slugOf = (path: string) => path.replace(/^reports\/|\.md$/g, '');

/** Reports by role, picked from the generated corpus so that each edit is valid. */
const picks = {} as Record<
	| 'body'
	| 'title'
	| 'removed'
	| 'draft'
	| 'renamed'
	| 'embargoed'
	| 'versioned'
	| 'superseded'
	| 'successor',
	string
>;
/** The PDF the versioned report keeps in the content folder's files/. */
const KEPT_FILE = 'files/kept-brief.pdf';
const PDF = join(import.meta.dirname, '../fixtures/record/files/corrected-report.pdf');
/** The first paragraph of a report's body. */
const firstParagraph = (text: string) => text.split('---\n\n')[1]!.split('\n\n')[0]!;

beforeAll(() => {
	copyProject(project);
	writeCorpus(content, { n: REPORTS, seed: 18 });
	const reports = readdirSync(file('reports'))
		.sort()
		.map((name) => `reports/${name}`);
	const linked = new Set(
		reports.flatMap((r) => [...read(r).matchAll(/\]\(\/reports\/([^/]+)\//g)].map((m) => m[1]!)),
	);
	const free = reports.filter(
		(r) => read(r).includes('status: published') && !linked.has(slugOf(r)),
	);
	const [body, removed, draft, renamed, embargoed, superseded, successor] = free;
	Object.assign(picks, { body, removed, draft, renamed, embargoed, superseded, successor });
	// A report with a correction, its first version kept and a PDF kept (/reports/<slug>/v1/,
	// /files/…), published before the correction and the first build time.
	picks.versioned = free.find(
		(r) => !Object.values(picks).includes(r) && /^published: "20(0\d|1\d|2[0-3])/m.test(read(r)),
	)!;
	const versioned = read(picks.versioned);
	const was = firstParagraph(versioned);
	const field = (name: string) => new RegExp(`^${name}: .*$`, 'm').exec(versioned)![0];
	const authors = /^authors:\n(?: {2}- .*\n)+/m.exec(versioned)?.[0] ?? 'authors: []\n';
	mkdirSync(file(`versions/${slugOf(picks.versioned)}`), { recursive: true });
	write(
		`versions/${slugOf(picks.versioned)}/1.md`,
		`---\n${field('title')}\n${field('summary')}\n${authors}${field('published')}\n---\n\n${was} As first published.\n`,
	);
	mkdirSync(file('files'), { recursive: true });
	cpSync(PDF, file(KEPT_FILE));
	write(
		picks.versioned,
		versioned.replace(
			'---\n\n',
			[
				'corrections:',
				'  - date: "2024-06-03"',
				'    was: "As first published."',
				'    now: "The sentence is gone."',
				'attachments:',
				'  - title: "The brief (PDF)"',
				`    file: "${KEPT_FILE}"`,
				'    format: pdf',
				'---\n\n',
			].join('\n'),
		),
	);
	// A report superseded by another, whose title its notice shows; retitled in round 1.
	write(
		picks.superseded,
		read(picks.superseded).replace('---\n\n', `supersededBy: ${slugOf(picks.successor)}\n---\n\n`),
	);
	// A draft and an embargoed report to publish later; neither is linked from anywhere.
	write(picks.draft, read(picks.draft).replace('status: published', 'status: draft'));
	write(
		picks.embargoed,
		read(picks.embargoed).replace('---\n\n', `embargo: '${EMBARGO}'\n---\n\n`),
	);
	build([], out, cache);
	// The report whose title is corrected: one of the newest fifty (so in the feeds and on the
	// first page of its listings) that most other reports show among their related reports.
	const shownAsRelated = new Map<string, number>();
	for (const r of reports) {
		const page = join(out, `reports/${slugOf(r)}/index.html`);
		if (!existsSync(page)) continue;
		const related = /<section class="related[\s\S]*?<\/section>/.exec(readFileSync(page, 'utf8'));
		for (const m of related?.[0].matchAll(
			/<h3 class="card__title"><a href="\/reports\/([^/]+)\//g,
		) ?? []) {
			shownAsRelated.set(m[1]!, (shownAsRelated.get(m[1]!) ?? 0) + 1);
		}
	}
	const published = (r: string) => /^published: "([^"]+)"/m.exec(read(r))?.[1] ?? '';
	const taken = new Set(Object.values(picks));
	const recent = reports
		.filter((r) => read(r).includes('status: published') && !taken.has(r))
		.sort((a, b) => published(b).localeCompare(published(a)))
		.slice(0, 50);
	picks.title = recent.sort(
		(a, b) => (shownAsRelated.get(slugOf(b)) ?? 0) - (shownAsRelated.get(slugOf(a)) ?? 0),
	)[0]!;
	expect(shownAsRelated.get(slugOf(picks.title))).toBeGreaterThan(0);
}, 900_000);

describe(
	'an incremental build equals a cold build of the same content',
	{ timeout: 900_000 },
	() => {
		it('after a body edit, a title edit and a changed topic profile, a kept version’s text and the title of a report that supersedes another', () => {
			// The body now writes a spelling of a term that no report wrote: the search page's term
			// table must learn it (its per-report cache is keyed by the report's digest).
			const terms = (dir: string) =>
				(
					JSON.parse(readFileSync(join(dir, 'search/terms.json'), 'utf8')) as {
						terms: { name: string; spellings: string[]; written: string[] }[];
					}
				).terms;
			const unwritten = terms(out)
				.flatMap((t) => t.spellings.filter((s) => !t.written.includes(s)).map((s) => [t.name, s]))
				.find(([, s]) => /^[A-Za-z]{2,}$/.test(s!));
			expect(unwritten, 'a spelling no report writes').toBeDefined();
			const [termName, spelling] = unwritten!;
			write(
				picks.body,
				`${read(picks.body)}\nA correction: the attack was in May, by ${spelling}.\n`,
			);
			const version = `versions/${slugOf(picks.versioned)}/1.md`;
			write(version, read(version).replace('As first published.', 'As it first read.'));
			write(
				picks.successor,
				read(picks.successor).replace(/^title: .*$/m, "title: 'The successor, retitled'"),
			);
			write(
				picks.title,
				read(picks.title).replace(/^title: .*$/m, "title: 'A corrected title: Kunduz & beyond'"),
			);
			const topic = readdirSync(file('topics')).sort()[0]!;
			write(`topics/${topic}`, `${read(`topics/${topic}`)}\nA second paragraph of profile.\n`);
			const log = buildAndCompare();
			expect(terms(out).find((t) => t.name === termName)?.written).toContain(spelling);
			// The content store reached the pages from a file, not as one huge literal bundled
			// (src/integrations/store-module.ts): Astro's store file and content-data mark are still
			// where the module is made from them.
			expect(log).toMatch(
				/content store: [\d.]+ MB of JSON read by the pages from a file \(Astro's store file, copied\)/,
			);
			// The same reports as last time: the search index was begun from the last output while
			// Astro built, and only the pages that changed were handed to Pagefind again
			// (src/integrations/pagefind.ts). The comparison below proves that index equals a cold one.
			const again = /search index: \d+ reports from \d+ pages (\d+) indexed again/.exec(log);
			expect(again, 'the search index had no head start').not.toBeNull();
			expect(Number(again![1])).toBeGreaterThan(0);
			// …and Pagefind wrote it over the kept pages' last fragments, compressing only the changed
			// ones (src/lib/node/pagefind-fragments.ts): the comparison proves that a cold build's too.
			const reused = /written, (\d+) fragments kept as they were\)/.exec(log);
			expect(reused, 'no fragment of the last index was kept').not.toBeNull();
			expect(Number(reused![1])).toBeGreaterThan(REPORTS / 2);
			// Restored where nothing changed: far fewer routes rendered than the archive has (two
			// retitled reports are shown on a few dozen pages each).
			const { rendered, kept } = routes(log);
			expect(rendered).toBeGreaterThan(0);
			expect(rendered).toBeLessThan((rendered + kept) / 5);
			const v1 = readFileSync(
				join(out, `reports/${slugOf(picks.versioned)}/v1/index.html`),
				'utf8',
			);
			expect(v1).toContain('As it first read.');
			expect(
				readFileSync(join(out, `reports/${slugOf(picks.superseded)}/index.html`), 'utf8'),
			).toContain('The successor, retitled');
		});

		it('after reports are added, deleted, published, renamed and released from embargo, a kept file replaced, and a group’s aliases change', () => {
			const model = read(picks.body);
			write(
				'reports/a-new-report-on-the-border.md',
				model
					.replace(/^title: .*$/m, "title: 'A new report on the border'")
					.replace(/^type: .*$/m, 'type: brief')
					.replace(/^published: .*$/m, 'published: "2025-12-30"'),
			);
			rmSync(file(picks.removed));
			write(picks.draft, read(picks.draft).replace('status: draft', 'status: published'));
			const renamed = read(picks.renamed).replace(
				'---\n\n',
				`aliases: ['/reports/${slugOf(picks.renamed)}/']\n---\n\n`,
			);
			rmSync(file(picks.renamed));
			write('reports/a-renamed-report.md', renamed);
			buildTime = '2026-01-01T00:00:00Z';
			// The kept PDF replaced in place by other bytes: its address stays, its content changes.
			writeFileSync(file(KEPT_FILE), Buffer.concat([readFileSync(PDF), Buffer.from('% kept\n')]));
			const group = readdirSync(file('groups'))
				.sort()
				.find((g) => read(`groups/${g}`).includes('aliases:\n'))!;
			write(
				`groups/${group}`,
				read(`groups/${group}`).replace('aliases:\n', 'aliases:\n  - "Zarqawists"\n'),
			);
			buildAndCompare();
			expect(existsSync(join(out, `reports/${slugOf(picks.removed)}/index.html`))).toBe(false);
			expect(
				readFileSync(join(out, `reports/${slugOf(picks.renamed)}/index.html`), 'utf8'),
			).toContain('url=/reports/a-renamed-report/');
			expect(existsSync(join(out, `reports/${slugOf(picks.embargoed)}/index.html`))).toBe(true);
			expect(readFileSync(join(out, KEPT_FILE))).toEqual(readFileSync(file(KEPT_FILE)));
		});

		it('after a component and a stylesheet change', () => {
			const component = join(project, 'src/components/Toc.astro');
			writeFileSync(
				component,
				readFileSync(component, 'utf8').replace('\t\t\tContents\n', '\t\t\tIn this report\n'),
			);
			const styles = join(project, 'src/styles/base.css');
			writeFileSync(
				styles,
				`${readFileSync(styles, 'utf8')}\n.toc__title { letter-spacing: 0.02em; }\n`,
			);
			buildAndCompare();
			const page = readFileSync(join(out, `reports/${slugOf(picks.body)}/index.html`), 'utf8');
			expect(page).toContain('In this report');
			expect(page).not.toContain('>Contents<');
		});

		it('after only a topic’s profile changes: the search index is kept as it was, though its early indexing had begun', () => {
			const topic = readdirSync(file('topics')).sort()[1]!;
			write(`topics/${topic}`, `${read(`topics/${topic}`)}\nA profile line for round four.\n`);
			const index = (dir: string) =>
				[...snapshot(join(dir, 'pagefind'))].sort(([a], [b]) => a.localeCompare(b));
			const before = index(out);
			const log = buildAndCompare();
			expect(log).toMatch(
				/search index: \d+ reports, none changed: the index is kept as it was \(the indexing begun early is stopped\)/,
			);
			expect(index(out)).toEqual(before);
			const slug = topic.replace(/\.md$/, '');
			expect(readFileSync(join(out, `topics/${slug}/index.html`), 'utf8')).toContain(
				'A profile line for round four.',
			);
		});
	},
);
