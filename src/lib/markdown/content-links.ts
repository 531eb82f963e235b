/**
 * Relative links between content files (`[see](./other-report.md#section)`), the way authors link
 * in an editor or on a code host. The build rewrites them to the site's URLs; the content checks
 * resolve them the same way and refuse those that lead nowhere.
 */
import { posix, relative, sep } from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import {
	COLLECTIONS,
	isEntryPath,
	VERSIONS_FOLDER,
	versionFileOf,
	type CollectionName,
} from '../model/collections.ts';
import { reportPath, termPath } from '../routes.ts';

/** A relative link that names a Markdown file: `x.md`, `./x.mdx#part`, `../groups/taliban.md`. */
const MARKDOWN_FILE_LINK = /^(?![a-z][a-z0-9+.-]*:|\/|#)([^?#]*\.mdx?)(?:\?[^#]*)?(?:#(.*))?$/i;

/** Where a relative link to a Markdown file leads. */
export interface ContentLinkTarget {
	/** The target's path relative to the content directory, e.g. `reports/x.md`. */
	path: string;
	/** The collection and slug when the path is an entry, otherwise undefined. */
	entry: { collection: CollectionName; slug: string } | undefined;
	/** The fragment after `#`, decoded, or undefined. */
	fragment: string | undefined;
}

/**
 * Resolves a relative link to a Markdown file, written in the entry at `fromPath` (relative to the
 * content directory, e.g. `reports/a.md`). Returns undefined when the URL is not such a link.
 */
export function resolveContentLink(fromPath: string, url: string): ContentLinkTarget | undefined {
	const m = MARKDOWN_FILE_LINK.exec(url.trim());
	if (!m) return undefined;
	let file: string;
	let fragment: string | undefined;
	try {
		file = decodeURIComponent(m[1]!);
		fragment = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
	} catch {
		file = m[1]!;
		fragment = m[2];
	}
	const path = posix.normalize(posix.join(posix.dirname(fromPath), file));
	const [folder, ...rest] = path.split('/');
	const collection = COLLECTIONS.find((c) => c === folder);
	const name = rest.join('/');
	const entry =
		collection && isEntryPath(collection, name)
			? { collection, slug: name.replace(/\.mdx?$/, '') }
			: undefined;
	return { path, entry, fragment: fragment || undefined };
}

/** The site URL of an entry, with an optional fragment. */
export function entryUrl(collection: CollectionName, slug: string, fragment?: string): string {
	if (collection === 'reports') return reportPath(slug, fragment);
	return `${termPath(collection, slug)}${fragment ? `#${fragment}` : ''}`;
}

/**
 * Remark plugin: rewrites relative links to content files into the site's URLs, so
 * `[see](./other.md#background)` becomes `/reports/other/#background`. Links that lead to no
 * entry are left alone: the content checks have already stopped the build on them.
 */
export function remarkContentLinks(options: { contentDir: string }) {
	return (tree: Root, file: { path?: string | undefined }) => {
		if (!file.path) return;
		let from = relative(options.contentDir, file.path).split(sep).join('/');
		if (from.startsWith('..')) return;
		// A kept version's links are its report's, written from the report's place.
		const version = from.startsWith(`${VERSIONS_FOLDER}/`)
			? versionFileOf(from.slice(VERSIONS_FOLDER.length + 1))
			: undefined;
		if (version) from = `reports/${version.slug}.md`;
		visit(tree, (node) => {
			if (node.type !== 'link' && node.type !== 'definition') return;
			const target = resolveContentLink(from, node.url);
			if (target?.entry) {
				node.url = entryUrl(target.entry.collection, target.entry.slug, target.fragment);
			}
		});
	};
}
