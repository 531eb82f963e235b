import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../../../src/lib/checks/frontmatter.ts';
import { authorSchema } from '../../../../src/lib/model/schema.ts';
import { authorResolver } from '../../../../scripts/lib/import/authors.ts';
import { mapOf, tables } from './support.ts';

const t = tables();
const users = [
	{
		login: 'ctfellow',
		displayName: 'Rise to Peace Counter-Terrorism Research Fellow',
		firstName: '',
		lastName: '',
	},
	{ login: 'riseadmin', displayName: 'Rise to Peace', firstName: '', lastName: '' },
	{ login: 'jdoe', displayName: 'Jane Doe', firstName: 'Jane', lastName: 'Doe' },
	{ login: 'jdoe2', displayName: 'Jane Doe', firstName: 'Jane', lastName: 'Doe' },
	{ login: 'ahmad', displayName: '', firstName: 'Ahmad Shah', lastName: 'Mohibi' },
];

describe('authorResolver', () => {
	const resolve = authorResolver(users, mapOf('authors:\n  riseadmin: none\n'), t, 'Rise to Peace');

	it('finds an author the archive has by display name, or by first and last name', () => {
		expect(resolve('ctfellow')).toEqual({ state: 'known', slug: 'rise-to-peace-ct-fellow' });
		expect(resolve('ahmad')).toEqual({ state: 'known', slug: 'ahmad-shah-mohibi' });
	});

	it('leaves a report unsigned when the mapping file says none, or the post names no one', () => {
		expect(resolve('riseadmin')).toEqual({ state: 'none' });
		expect(resolve('')).toEqual({ state: 'none' });
	});

	it('creates an author the archive lacks, once, with distinct slugs for namesakes and a note to check', () => {
		const first = resolve('jdoe');
		expect(first).toMatchObject({ state: 'new', slug: 'jane-doe', path: 'authors/jane-doe.md' });
		expect(resolve('jdoe')).toBe(first);
		expect(resolve('jdoe2')).toMatchObject({ slug: 'jane-doe-2' });
		const text = (first as { text: string }).text;
		const fm = readFrontmatter(text);
		if (!('data' in fm)) throw new Error(fm.problem.message);
		expect(authorSchema.parse(fm.data)).toEqual({
			name: 'Jane Doe',
			kind: 'person',
			affiliation: 'Rise to Peace',
			links: [],
			aliases: [],
		});
		expect(fm.body).toContain('Created by the WordPress import from the user "jdoe"');
	});
});
