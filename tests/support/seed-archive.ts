/**
 * The archive built from the real content/ folder, parsed as Astro parses it (frontmatter through
 * Astro's `parseFrontmatter`, then the real schemas and `buildArchive`), for tests that check
 * output against the seed reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { ZodType } from 'astro/zod';
import { buildArchive, type Archive, type RawEntry } from '../../src/lib/archive/build-archive.ts';
import {
	authorSchema,
	groupSchema,
	regionSchema,
	reportSchema,
	topicSchema,
} from '../../src/lib/model/schema.ts';

const root = new URL('../../content/', import.meta.url);

function entries<D>(folder: string, schema: ZodType<D>): RawEntry<D>[] {
	const dir = new URL(`${folder}/`, root);
	return readdirSync(dir)
		.filter((name) => /^[^_].*\.mdx?$/.test(name))
		.map((name) => {
			const { frontmatter } = parseFrontmatter(readFileSync(new URL(name, dir), 'utf8'));
			return {
				id: name.replace(/\.mdx?$/, ''),
				filePath: `content/${folder}/${name}`,
				data: schema.parse(frontmatter),
			};
		});
}

/** The seed archive, as of mid-2026. */
export function seedArchive(): Archive {
	return buildArchive(
		{
			reports: entries('reports', reportSchema),
			groups: entries('groups', groupSchema),
			regions: entries('regions', regionSchema),
			topics: entries('topics', topicSchema),
			authors: entries('authors', authorSchema),
		},
		new Date('2026-06-01T00:00:00Z'),
	);
}
