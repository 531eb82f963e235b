import { describe, expect, it } from 'vitest';
import {
	isQueryAlias,
	isRedirectTarget,
	queryAliasKey,
	queryKeysOf,
} from '../../../src/lib/model/aliases.ts';

describe('query aliases', () => {
	it('tells a query address from a path', () => {
		expect(isQueryAlias('/?p=123')).toBe(true);
		expect(isQueryAlias('/2022/05/old/')).toBe(false);
	});

	it('lists a query address under its path and its parameters in a fixed order', () => {
		expect(queryAliasKey('/?p=123')).toBe('/?p=123');
		expect(queryAliasKey('/blog/?p=12&cat=4')).toBe('/blog/?cat=4&p=12');
		expect(queryAliasKey('?p=1')).toBe('/?p=1');
		expect(queryAliasKey('/old/')).toBeUndefined();
		expect(queryAliasKey('/old/?')).toBeUndefined();
	});

	it('finds an alias from the address a reader arrived at, extra parameters and their order notwithstanding', () => {
		const key = queryAliasKey('/?p=123')!;
		expect(queryKeysOf('/', '?p=123')).toContain(key);
		expect(queryKeysOf('/', '?utm_source=mail&p=123')).toContain(key);
		expect(queryKeysOf('/', '?cat=4&p=12')[0]).toBe(queryAliasKey('/?p=12&cat=4'));
		expect(queryKeysOf('/', '')).toEqual([]);
	});

	it('sends readers only to a path on this site', () => {
		expect(isRedirectTarget('/reports/x/')).toBe(true);
		expect(isRedirectTarget('//evil.example/')).toBe(false);
		expect(isRedirectTarget('https://evil.example/')).toBe(false);
		expect(isRedirectTarget('/\\evil.example')).toBe(false);
		expect(isRedirectTarget(42)).toBe(false);
	});
});
