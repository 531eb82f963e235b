/**
 * Valid HTML: html-validate's recommended rules on every HTML file in dist/, zero errors. Each
 * rule switched off or tuned says why (./html-validate-config.ts).
 */
import { HtmlValidate, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { distFiles, readDist } from './dist.ts';
import { CONFIG } from './html-validate-config.ts';

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
