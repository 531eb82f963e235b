import { describe, expect, it } from 'vitest';
import {
	contentDir,
	entryName,
	entryPattern,
	isEntryPath,
} from '../../../src/lib/model/collections.ts';

describe('collections', () => {
	it('gives the glob pattern of each collection’s entries', () => {
		expect(entryPattern('reports')).toBe('[^_]*.{md,mdx}');
		expect(entryPattern('groups')).toBe('[^_]*.md');
	});

	it('counts as entries only the files the glob matches: top level, right extension, no _ or .', () => {
		expect(isEntryPath('reports', 'a.md')).toBe(true);
		expect(isEntryPath('reports', 'a.mdx')).toBe(true);
		expect(isEntryPath('groups', 'a.mdx')).toBe(false);
		expect(isEntryPath('reports', '_note.md')).toBe(false);
		expect(isEntryPath('reports', '.hidden.md')).toBe(false);
		expect(isEntryPath('reports', '2022/a.md')).toBe(false);
		expect(isEntryPath('reports', 'a.MD')).toBe(false);
		expect(isEntryPath('reports', 'a.png')).toBe(false);
	});

	it('reads the content directory from BRIEF_CONTENT_DIR, defaulting to ./content', () => {
		expect(contentDir({})).toBe('./content');
		expect(contentDir({ BRIEF_CONTENT_DIR: '' })).toBe('./content');
		expect(contentDir({ BRIEF_CONTENT_DIR: '/tmp/x' })).toBe('/tmp/x');
	});

	it('names an entry by its file name without the extension', () => {
		expect(entryName('reports/is-k.mdx')).toBe('is-k');
	});
});
