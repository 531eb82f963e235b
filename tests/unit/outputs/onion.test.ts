import { describe, expect, it } from 'vitest';
import { checkOnionUrl, onionHeadersRule } from '../../../src/lib/outputs/onion.ts';

const ONION = `http://${'a'.repeat(52)}2345.onion`;

describe('the onion service', () => {
	it('is announced in _headers for every path, pointing at its home page', () => {
		expect(onionHeadersRule(ONION)).toContain(`/*\n  Onion-Location: ${ONION}/\n`);
	});

	it('must be a v3 onion address', () => {
		expect(checkOnionUrl(`${ONION}/`)).toBe(`${ONION}/`);
		for (const bad of [
			'https://briefs.example.org',
			'http://short.onion',
			`ftp://${ONION.slice(7)}`,
		])
			expect(() => checkOnionUrl(bad)).toThrow(/BRIEF_ONION_URL must be an onion service/);
	});
});
