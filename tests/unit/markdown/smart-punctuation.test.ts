import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownPlugins } from '../../../src/lib/markdown/plugins.ts';

const CONTENT = join(import.meta.dirname, '../../../content');

let astro: MarkdownRenderer;
let site: MarkdownRenderer;
beforeAll(async () => {
	const plugins = markdownPlugins(CONTENT);
	// Astro's own smart punctuation (remark-smartypants), with the site's other plugins.
	astro = await createMarkdownProcessor({
		...plugins,
		remarkPlugins: plugins.remarkPlugins.slice(1),
		smartypants: true,
		syntaxHighlight: false,
	});
	site = await createMarkdownProcessor({ ...plugins, syntaxHighlight: false });
});

const html = async (processor: MarkdownRenderer, body: string) =>
	(await processor.render(body)).code;

describe('smart punctuation', () => {
	it('is the site’s own plugin: Astro’s is turned off in the shared options', () => {
		const plugins = markdownPlugins(CONTENT);
		expect(plugins.smartypants).toBe(false);
		expect(plugins.remarkPlugins[0]).toHaveProperty('name', 'remarkSmartPunctuation');
	});

	it('curls quotes and apostrophes, and makes dashes and ellipses, as a reader expects', async () => {
		const out = await html(
			site,
			`The Taliban's "interim" government -- so called... It's 'official'. Wait . . . ok.`,
		);
		expect(out).toContain('The Taliban’s “interim” government — so called… It’s ‘official’.');
		expect(out).toContain('Wait … ok.');
	});

	const cases: [string, string][] = [
		['quotes around a link', 'He said "[the report](https://example.org/x) is wrong" twice.'],
		['quotes around emphasis', '"*Emphasis* inside" and "**strong**" and \'_single_\'.'],
		['inline code is never changed', 'Run `a -- b ... "c"` and then "quote `x`".'],
		['a quote at the start of a block', '"Opening" paragraph.\n\n\'Single\' one.'],
		['headings', '## The "new" order -- and the old...\n\nText.'],
		[
			'tables',
			"| Group | Note |\n| --- | --- |\n| IS-K | \"claims\" -- 2021... |\n| 'TTP' | it's |",
		],
		['backticks typed as quotes', "``Old style'' quotes and ``more''."],
		['dashes of every length', 'a - b -- c --- d ---- e'],
		['dots of every kind', 'one.. two... three.... four . . . five .. . six'],
		['decades and elisions', "In the '90s, rock 'n' roll; 'tis the season; it's 5 o'clock."],
		['nested quotes', `"She said 'no' to them," he wrote. "'Twas 'so'."`],
		['quotes next to punctuation', `"Yes!" "No?" ("Maybe.") ["Or"] "end".`],
		['lists and block quotes', `- "one" -- first\n- 'two'...\n\n> "Quoted" -- said\n> 'who'`],
		['footnotes', 'A claim.[^1]\n\n[^1]: "Source" -- a report... 2021.'],
		['a spaced ellipsis alone', 'Wait . . . then go.'],
		['an ellipsis spaced with other white space', 'dots .\u00a0.\u00a0. and .\u2009.\u2009. here'],
		['an ellipsis spaced with a next line', 'dots .\u0085.\u0085. here'],
		['non-breaking spaces by a dash', 'a --\u00a0b'],
		['Pashto and Dari text', '"طالبان" -- د \'افغانستان\'... and "ISIS-K".'],
		['text with no punctuation to change', 'Plain words, one sentence. Another one. A third.'],
		['an empty body', ''],
	];
	for (const [name, body] of cases) {
		it(`writes what Astro’s smart punctuation writes: ${name}`, async () => {
			expect(await html(site, body)).toBe(await html(astro, body));
		});
	}

	it('writes what Astro’s smart punctuation writes for every report in content/', async () => {
		const reports = readdirSync(join(CONTENT, 'reports')).filter((f) => f.endsWith('.md'));
		expect(reports.length).toBeGreaterThan(0);
		for (const file of reports) {
			const body = readFileSync(join(CONTENT, 'reports', file), 'utf8').replace(
				/^---\n[\s\S]*?\n---\n/,
				'',
			);
			expect(await html(site, body), file).toBe(await html(astro, body));
		}
	});
});
