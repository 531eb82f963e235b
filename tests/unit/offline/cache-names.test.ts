import { describe, expect, it } from 'vitest';
import {
	cachesToDelete,
	compactTime,
	lookupOrder,
	packCacheName,
	packCaches,
	parseCacheName,
	siteCacheName,
} from '../../../src/lib/offline/cache-names.ts';

const MARCH = { built: '2026-03-01T10:00:00.000Z', version: 'aaa111' };
const APRIL = { built: '2026-04-02T08:30:15Z', version: 'bbb222' };
const MAY = { built: '2026-05-03T00:00:00Z', version: 'ccc333' };

describe('cache names', () => {
	it('name each cache by the build it belongs to, its date first so that names sort in build order', () => {
		expect(compactTime('2026-03-01T10:00:00.000Z')).toBe('20260301T100000Z');
		expect(siteCacheName(MARCH)).toBe('brief:site:20260301T100000Z:aaa111');
		expect(packCacheName('groups/is-k', APRIL)).toBe(
			'brief:pack:groups/is-k:20260402T083015Z:bbb222',
		);
		expect(packCacheName('all', MAY)).toBe('brief:pack:all:20260503T000000Z:ccc333');
		expect(siteCacheName(MARCH) < siteCacheName(APRIL)).toBe(true);
	});

	it('read back what they name, and nothing that is not ours', () => {
		expect(parseCacheName(siteCacheName(MARCH))).toEqual({
			name: 'brief:site:20260301T100000Z:aaa111',
			kind: 'site',
			built: '20260301T100000Z',
			version: 'aaa111',
		});
		expect(parseCacheName(packCacheName('years/2022', APRIL))).toMatchObject({
			kind: 'pack',
			id: 'years/2022',
			version: 'bbb222',
		});
		for (const other of ['workbox-precache', 'brief', 'brief:site:yesterday:x', 'brief:pack::1:2'])
			expect(parseCacheName(other)).toBeUndefined();
	});

	it('refuse a date that is not one, and a collection id with a colon or a space', () => {
		expect(() => compactTime('soon')).toThrow(/not a date-time/);
		expect(() => packCacheName('groups/a:b', MARCH)).toThrow(/not a collection id/);
		expect(() => packCacheName('groups/a b', MARCH)).toThrow(/not a collection id/);
	});
});

describe('cachesToDelete', () => {
	const names = [
		siteCacheName(MARCH),
		siteCacheName(APRIL),
		siteCacheName(MAY),
		packCacheName('groups/is-k', MARCH),
		'brief-old-scheme',
		'someone-elses-cache',
	];

	it('keep the new build and the one before it, whose pages may still be open, and delete older site caches', () => {
		expect(cachesToDelete(names, MAY)).toEqual([siteCacheName(MARCH), 'brief-old-scheme']);
	});

	it('never delete a saved collection, however old, nor a cache that is not ours', () => {
		const deleted = cachesToDelete(names, MAY);
		expect(deleted).not.toContain(packCacheName('groups/is-k', MARCH));
		expect(deleted).not.toContain('someone-elses-cache');
	});

	it('delete nothing on the first install', () => {
		expect(cachesToDelete([], MARCH)).toEqual([]);
	});
});

describe('lookupOrder', () => {
	it('look in this build first, then the saved collections newest first, then older builds', () => {
		const names = [
			siteCacheName(MARCH),
			packCacheName('groups/is-k', MARCH),
			siteCacheName(MAY),
			packCacheName('all', APRIL),
			'someone-elses-cache',
		];
		expect(lookupOrder(names, MAY)).toEqual([
			siteCacheName(MAY),
			packCacheName('all', APRIL),
			packCacheName('groups/is-k', MARCH),
			siteCacheName(MARCH),
		]);
		expect(packCaches(names).map((c) => c.id)).toEqual(['all', 'groups/is-k']);
	});
});
