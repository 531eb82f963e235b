/**
 * The content collections: one folder per collection under the content directory, each file's
 * frontmatter checked against its schema in `src/lib/model/schema.ts`.
 *
 * The content directory is `content/` unless `BRIEF_CONTENT_DIR` names another one (the test
 * fixtures and the benchmark corpus build that way, never touching `content/`).
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { contentDir, entryPattern, type CollectionName } from './lib/model/collections.ts';
import {
	authorSchema,
	groupSchema,
	regionSchema,
	reportSchema,
	topicSchema,
	versionSchema,
} from './lib/model/schema.ts';
import { VERSION_PATTERN } from './lib/model/collections.ts';
import { hasKeptVersions } from './lib/node/kept-files.ts';

const root = contentDir();

/**
 * Markdown (and, for reports, MDX) files directly in the folder: the file name is the permanent
 * slug. A file whose name starts with `_` is ignored (a partial or a note).
 */
const folder = (name: CollectionName) =>
	glob({ pattern: entryPattern(name), base: `${root}/${name}` });

/**
 * The versions' loader: Astro's glob loader when the content folder keeps any version, else one
 * that loads nothing (the glob loader would warn about a folder without files on every build).
 */
function keptVersions(): Loader {
	const inner = glob({ pattern: VERSION_PATTERN, base: `${root}/versions` });
	return {
		name: 'kept-versions',
		load: async (context) => {
			if (hasKeptVersions(root)) await inner.load(context);
			else context.store.clear();
		},
	};
}

export const collections = {
	reports: defineCollection({ loader: folder('reports'), schema: reportSchema }),
	groups: defineCollection({ loader: folder('groups'), schema: groupSchema }),
	regions: defineCollection({ loader: folder('regions'), schema: regionSchema }),
	topics: defineCollection({ loader: folder('topics'), schema: topicSchema }),
	authors: defineCollection({ loader: folder('authors'), schema: authorSchema }),
	/**
	 * Kept earlier versions of reports, `versions/<slug>/<n>.md`, with ids `<slug>/<n>`: the text as
	 * it was before each change, rendered at `/reports/<slug>/v<n>/`.
	 */
	versions: defineCollection({
		loader: keptVersions(),
		schema: versionSchema,
	}),
};
