import { describe, expect, it } from 'vitest';
import {
	CSP_PLACEHOLDER,
	directivesOf,
	fillHeaders,
	headerPolicy,
	metaPolicy,
} from '../../../src/lib/outputs/csp.ts';

describe('the Content Security Policy for hosts', () => {
	const page = `<head><meta http-equiv="content-security-policy" content="default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-abc=';"></head>`;

	it('is read from a built page, and absent from a page without one', () => {
		expect(metaPolicy(page)).toBe(
			"default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-abc=';",
		);
		expect(metaPolicy('<head><meta charset="utf-8"></head>')).toBeUndefined();
	});

	it('splits into trimmed directives', () => {
		expect(directivesOf("a 'x';b  y ;  ;")).toEqual(["a 'x'", 'b y']);
	});

	it("adds frame-ancestors 'none', which a <meta> cannot carry", () => {
		expect(headerPolicy(metaPolicy(page) ?? '')).toBe(
			"default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-abc='; frame-ancestors 'none'",
		);
	});

	it('fills in the placeholder of _headers, and refuses a file without one', () => {
		expect(fillHeaders(`/*\n  ${CSP_PLACEHOLDER}\n  X: y\n`, "default-src 'self'")).toBe(
			"/*\n  Content-Security-Policy: default-src 'self'\n  X: y\n",
		);
		expect(() => fillHeaders('/*\n  X: y\n', 'a')).toThrow(/no "Content-Security-Policy/);
	});
});
