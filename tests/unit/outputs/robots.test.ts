import { describe, expect, it } from 'vitest';
import { robotsTxt } from '../../../src/lib/outputs/robots.ts';

describe('robotsTxt', () => {
	it('allows everything and names the sitemap by its absolute URL on the configured site', () => {
		expect(robotsTxt('https://briefs.example.net')).toBe(
			'User-agent: *\nAllow: /\n\nSitemap: https://briefs.example.net/sitemap-index.xml\n',
		);
	});
});
