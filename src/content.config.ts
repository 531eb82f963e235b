/**
 * The content collections: one folder per collection under the content directory, each file's
 * frontmatter checked against its schema in `src/lib/model/schema.ts`.
 *
 * The content directory is `content/` unless `BRIEF_CONTENT_DIR` names another one (the test
 * fixtures and the benchmark corpus build that way, never touching `content/`).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir, entryPattern, type CollectionName } from './lib/model/collections.ts';
import {
	authorSchema,
	groupSchema,
	regionSchema,
	reportSchema,
	topicSchema,
} from './lib/model/schema.ts';

const root = contentDir();

/**
 * Markdown (and, for reports, MDX) files directly in the folder: the file name is the permanent
 * slug. A file whose name starts with `_` is ignored (a partial or a note).
 */
const folder = (name: CollectionName) =>
	glob({
		pattern: entryPattern(name),
		base: `${root}/${name}`,
		// Pages render the HTML the content layer made; nothing reads the raw body from the store,
		// and leaving it out halves the store, which every build reads, writes and bundles whole.
		retainBody: false,
	});

export const collections = {
	reports: defineCollection({ loader: folder('reports'), schema: reportSchema }),
	groups: defineCollection({ loader: folder('groups'), schema: groupSchema }),
	regions: defineCollection({ loader: folder('regions'), schema: regionSchema }),
	topics: defineCollection({ loader: folder('topics'), schema: topicSchema }),
	authors: defineCollection({ loader: folder('authors'), schema: authorSchema }),
};
