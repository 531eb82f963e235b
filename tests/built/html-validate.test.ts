/**
 * Valid HTML: html-validate's recommended rules on every HTML file in dist/, zero errors. Each
 * rule switched off or tuned below says why.
 */
import { HtmlValidate, type ConfigData, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { distFiles, readDist } from './dist.ts';

const CONFIG: ConfigData = {
	extends: ['html-validate:recommended'],
	rules: {
		// Lists styled without bullets carry role="list" on purpose: Safari with VoiceOver drops
		// the list semantics of a <ul> or <ol> whose list-style is none, and the role restores them.
		'no-redundant-role': 'off',
		// The RIS citation shown in a <pre> ends with "ER  - ", whose trailing space the RIS format
		// requires; the text is copied from the page as it is.
		'no-trailing-whitespace': 'off',
		// A report's <title> is its own title plus the site name; authors' titles are long, and
		// shortening them would change what readers bookmark and cite. Search engines truncate.
		'long-title': 'off',
	},
};

const files = distFiles('.html');
const validator = new HtmlValidate(CONFIG);

describe(`html-validate on every HTML file in dist/ (${files.length} files)`, () => {
	it('finds the pages', () => {
		expect(files.length).toBeGreaterThan(30);
		console.log(`html-validate: ${files.length} HTML files checked`);
	});

	it.each(files)('%s has no errors', async (file) => {
		const report = await validator.validateString(readDist(file), file);
		const errors = report.results.flatMap((r) =>
			r.messages.map((m: Message) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
		);
		expect(errors).toEqual([]);
	});
});
