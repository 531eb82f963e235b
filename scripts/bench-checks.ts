/**
 * What the content checks cost on inputs made to be expensive, and how their time grows with the
 * size of a report. Prints figures; asserts nothing.
 *
 *   npm run bench:checks
 *
 * 1. The nested-list file of issue 14 (ten thousand list markers on one line, 20 KB), through
 *    `npm run check:content` as an author runs it (wall clock, Node's start included) and through
 *    the body scan alone. It once took three minutes; the target is under a second.
 * 2. Inputs at the bounds (`src/lib/checks/bounds.ts`): just under and just over each limit, so
 *    the cost of the worst accepted input is known.
 * 3. One report of 0.5, 1, 2.5 and 5 MB of realistic prose (the benchmark corpus's bodies, with
 *    raw HTML here and there), as .md and .mdx: the body scan and the whole `validateContent`,
 *    in milliseconds per megabyte, which stay about flat when the cost is linear.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanBody } from '../src/lib/checks/body.ts';
import { MAX_MARKS_PER_PARAGRAPH, MAX_NESTING } from '../src/lib/checks/bounds.ts';
import { checkContentFolder } from '../src/integrations/content-check.ts';
import { generateCorpus } from './lib/corpus.ts';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'bench-checks-'));
// The checks keep their scans between runs; these go to the scratch folder, not the project's cache.
process.env.BRIEF_CACHE_DIR = join(scratch, 'cache');
const FRONTMATTER =
	'---\ntitle: A long report\nsummary: One sentence.\ntype: brief\nstatus: published\npublished: "2022-05"\n---\n\n';

/**
 * The median of `runs` runs of `fn`: CPU milliseconds (what the work costs on an idle core, which
 * a loaded machine does not change much) and wall-clock milliseconds.
 */
function time(fn: () => unknown, runs = 3): { cpu: number; wall: number } {
	const runsOf: { cpu: number; wall: number }[] = [];
	for (let i = 0; i < runs; i++) {
		const c = process.cpuUsage();
		const t = performance.now();
		fn();
		const u = process.cpuUsage(c);
		runsOf.push({ cpu: (u.user + u.system) / 1000, wall: performance.now() - t });
	}
	return runsOf.sort((a, b) => a.cpu - b.cpu)[Math.floor(runs / 2)]!;
}
async function timeAsync(fn: () => Promise<unknown>): Promise<{ cpu: number; wall: number }> {
	const c = process.cpuUsage();
	const t = performance.now();
	await fn();
	const u = process.cpuUsage(c);
	return { cpu: (u.user + u.system) / 1000, wall: performance.now() - t };
}
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0)).padStart(7);

try {
	// 1. The issue's file.
	const nested = join(scratch, 'nested', 'reports');
	mkdirSync(nested, { recursive: true });
	const body = `${'- '.repeat(10_000)}x\n`;
	writeFileSync(join(nested, 'nested-lists.md'), FRONTMATTER + body);
	// GNU time gives the command's CPU time; without it, only the wall clock is known.
	const gnuTime = existsSync('/usr/bin/time');
	const command = ['scripts/check-content.ts'];
	const started = performance.now();
	const run = spawnSync(
		gnuTime ? '/usr/bin/time' : process.execPath,
		gnuTime ? ['-f', 'TIME %e %U %S', process.execPath, ...command] : command,
		{
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, BRIEF_CONTENT_DIR: join(scratch, 'nested') },
		},
	);
	const wall = performance.now() - started;
	const times = /TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(run.stderr);
	const scan = time(() => scanBody(body, 'md'));
	console.log(
		`Load average ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')} on ${availableParallelism()} cores: wall-clock times include waiting for a core.`,
	);
	console.log('\n1. The 20 KB file of ten thousand nested list markers (issue 14)');
	console.log(
		`   npm run check:content (Node's start included): ${fmt(wall)} ms wall${times ? `, ${fmt((Number(times[2]) + Number(times[3])) * 1000)} ms CPU` : ''}`,
	);
	console.log(
		`   the body scan alone:                            ${fmt(scan.wall)} ms wall, ${fmt(scan.cpu)} ms CPU`,
	);
	console.log(
		`   says: ${
			run.stderr
				.split('\n')
				.find((l) => l.includes('nested'))
				?.trim() ?? run.stderr
		}`,
	);

	// 2. At the bounds.
	const under = MAX_NESTING;
	const cases: [string, string, 'md' | 'mdx'][] = [
		[`${under} list markers on one line`, `${'- '.repeat(under)}x\n`, 'md'],
		[`${under + 1} list markers on one line (refused)`, `${'- '.repeat(under + 1)}x\n`, 'md'],
		[`${under} quotes on one line`, `${'> '.repeat(under)}x\n`, 'md'],
		[
			`${under} lists nested by indentation`,
			Array.from({ length: under }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
			'md',
		],
		[`emphasis nested ${under} deep`, `${'*a '.repeat(under)}x${' b*'.repeat(under)}\n`, 'md'],
		[
			`${MAX_MARKS_PER_PARAGRAPH} emphasis marks in one paragraph`,
			`${'a* '.repeat(MAX_MARKS_PER_PARAGRAPH)}\n`,
			'md',
		],
		[
			`${MAX_MARKS_PER_PARAGRAPH + 1} emphasis marks (refused)`,
			`${'a* '.repeat(MAX_MARKS_PER_PARAGRAPH + 1)}\n`,
			'md',
		],
		[`links nested ${under} deep`, `${'['.repeat(under)}x${'](/)'.repeat(under)}\n`, 'md'],
		[`HTML nested ${under} deep`, `${'<div>'.repeat(under)}x${'</div>'.repeat(under)}\n`, 'md'],
		[
			`HTML nested 20,000 deep (refused)`,
			`${'<div>'.repeat(20_000)}x${'</div>'.repeat(20_000)}\n`,
			'md',
		],
		[
			`components nested ${under} deep`,
			`${'<Callout>'.repeat(under - 1)}x${'</Callout>'.repeat(under - 1)}\n`,
			'mdx',
		],
	];
	console.log('\n2. Inputs at the bounds (body scan, median of 3, CPU)');
	for (const [name, text, format] of cases) {
		let problems = 0;
		const ms = time(() => (problems = scanBody(text, format).problems.length));
		console.log(
			`   ${fmt(ms.cpu)} ms  ${name} (${(text.length / 1024).toFixed(1)} KB${problems ? ', refused' : ''})`,
		);
	}

	// 3. A long report of realistic prose.
	const bodies: string[] = [];
	let i = 0;
	for (const file of generateCorpus({ n: 600 })) {
		if (!file.path.startsWith('reports/')) continue;
		const b = file.text.slice(file.text.indexOf('\n---', 3) + 4);
		bodies.push(
			b,
			`\nA paragraph with <abbr title="Islamic State Khorasan Province">ISKP</abbr>, x<sup>${i++}</sup> and <kbd>raw HTML</kbd>.\n`,
		);
	}
	const prose = bodies.join('\n');
	const cut = (bytes: number) => {
		let text = '';
		while (text.length < bytes) text += prose;
		return text.slice(0, text.lastIndexOf('\n\n', bytes));
	};
	console.log("\n3. One long report (the corpus's prose with raw HTML; one run each, CPU)");
	console.log('      size   format   body scan    ms/MB   all checks    ms/MB');
	for (const mb of [0.5, 1, 2.5, 5]) {
		const text = cut(mb * 1024 * 1024);
		for (const format of ['md', 'mdx'] as const) {
			const scan = time(() => scanBody(text, format), 1);
			const dir = join(scratch, `long-${mb}-${format}`);
			mkdirSync(join(dir, 'reports'), { recursive: true });
			writeFileSync(join(dir, 'reports', `long.${format}`), FRONTMATTER + text);
			const all = await timeAsync(() =>
				checkContentFolder({ root, content: dir, now: new Date('2026-06-01T00:00:00Z') }),
			);
			const size = text.length / 1024 / 1024;
			console.log(
				`   ${size.toFixed(2).padStart(5)} MB   ${format.padEnd(6)} ${fmt(scan.cpu)} ms ${fmt(scan.cpu / size)}   ${fmt(all.cpu)} ms ${fmt(all.cpu / size)}`,
			);
		}
	}
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
