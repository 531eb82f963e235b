import { describe, expect, it } from 'vitest';
import { planImport } from '../../../../scripts/lib/import/plan.ts';
import { progressBar, summarize, type RunFacts } from '../../../../scripts/lib/import/summary.ts';
import { fixture, fixtureMap, tables } from './support.ts';

const t = tables();
const plan = planImport({ wxr: fixture(), tables: t, map: fixtureMap(t) });
const facts: RunFacts = {
	source: 'export.xml',
	site: 'Rise to Peace (https://www.risetopeace.org)',
	version: '1.2',
	mapFile: 'content/import-map.yaml',
	mapWritten: true,
	decisions: plan.files.map((f) => ({ path: f.path, action: 'new', owned: true })),
	removed: [],
	dryRun: false,
	download: undefined,
	local: new Map(),
	contentLabel: 'content',
};

describe('summarize', () => {
	const lines = summarize(plan, facts);

	it('gives the tallies: posts read, reports written, drafts, files', () => {
		expect(lines).toContain('Posts read: 6. Reports written: 6 (4 published, 2 drafts)');
		expect(lines).toContain('Files: 7 new; content/import-map.yaml written');
		expect(lines).toContain(
			'Comments: 1 in the export, not imported (the archive has no comments).',
		);
	});

	it('lists the unknown labels with their posts and nearest terms, and the shortcodes kept', () => {
		expect(lines).toContain('  - "Nangarhar" on 1 post (106): nearest: region kandahar');
		expect(lines).toContain(
			'Shortcodes kept as written (readers see them; each needs a person): [contact-form-7] in 1 post',
		);
	});

	it('lists the media still on the old site, and what needs a person, report by report', () => {
		expect(lines).toContain('  Still on the old site (run with --download to bring them in):');
		const at = lines.indexOf(
			'  content/reports/kunduz-after-the-taliban-takeover.md (post 105, "Kunduz after the Taliban takeover"):',
		);
		expect(at).toBeGreaterThan(0);
		expect(lines[at + 2]).toBe(
			'    - it has no excerpt: write a summary of one or two sentences in place of TODO',
		);
	});

	it('says plainly that a dry run wrote nothing', () => {
		const dry = summarize(plan, { ...facts, dryRun: true });
		expect(dry[1]).toBe(
			'Posts read: 6. Reports would be written: 6 (4 published, 2 drafts) [dry run: nothing was written]',
		);
	});
});

describe('progressBar', () => {
	it('fills as the work is done', () => {
		expect(progressBar(0, 100, 'posts', 10)).toBe('[          ] 0/100 posts');
		expect(progressBar(50, 100, 'posts', 10)).toBe('[====>     ] 50/100 posts');
		expect(progressBar(100, 100, 'posts', 10)).toBe('[==========] 100/100 posts');
	});
});
