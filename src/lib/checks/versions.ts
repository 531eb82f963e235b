/**
 * The kept earlier versions of reports (`versions/<slug>/<n>.md`) as the checks read them: which
 * files are versions, and each one's bytes, frontmatter and fields, checked against
 * `versionSchema`. Whether the versions fit their report's history (numbered without a gap, each
 * change explained by a correction or update) is checked by `buildArchive` itself
 * (`../archive/record.ts`), with the other references between files.
 */
import { posix } from 'node:path';
import type { ContentIssue } from '../model/content-error.ts';
import { VERSIONS_FOLDER, versionFileOf } from '../model/collections.ts';
import { versionSchema, type VersionData } from '../model/schema.ts';
import type { Entry, Folder } from './entries.ts';
import { readFrontmatter } from './frontmatter.ts';
import { checkFields } from './schema-issues.ts';
import { decodeSource } from './source-text.ts';

/** One kept version, read. */
export interface VersionEntry {
	/** `<slug>/<n>`: the id the content collection gives it. */
	id: string;
	slug: string;
	number: number;
	/** As shown in messages: `content/versions/a/1.md`. */
	file: string;
	/** Its body, as an entry of the report it belongs to, for the body checks. */
	body: Entry;
	data: VersionData | undefined;
}

/**
 * Every kept version of the content folder, read and checked against its schema, and an issue
 * for each Markdown file under `versions/` that the build would not read.
 */
export function readVersions(content: Folder): {
	versions: VersionEntry[];
	issues: ContentIssue[];
} {
	const versions: VersionEntry[] = [];
	const issues: ContentIssue[] = [];
	for (const path of content.paths) {
		const [folder, ...rest] = path.split('/');
		if (folder !== VERSIONS_FOLDER) continue;
		const inner = rest.join('/');
		const file = `${content.label}/${path}`;
		const at = versionFileOf(inner);
		if (!at) {
			const base = posix.basename(path);
			if (/\.mdx?$/i.test(base) && !/^[_.]/.test(base) && rest.length > 1) {
				issues.push({
					file,
					field: 'file',
					message: `this file is not read by the build: a kept version is ${VERSIONS_FOLDER}/<report slug>/<number>.md, numbered 1, 2, 3 …`,
				});
			}
			continue;
		}
		const format = inner.endsWith('.mdx') ? 'mdx' : 'md';
		const body: Entry = {
			collection: 'reports',
			// Its links and images are the report's, so they resolve from the report's place.
			path: `reports/${at.slug}.${format}`,
			file,
			slug: at.slug,
			format,
			frontmatter: undefined,
			data: undefined,
		};
		const version: VersionEntry = {
			id: `${at.slug}/${at.number}`,
			slug: at.slug,
			number: at.number,
			file,
			body,
			data: undefined,
		};
		versions.push(version);
		const decoded = decodeSource(content.read(path));
		for (const p of decoded.problems) {
			issues.push({ file, line: p.line, field: 'file', message: p.message });
		}
		if (decoded.text === undefined) continue;
		const fm = readFrontmatter(decoded.text);
		if ('problem' in fm) {
			issues.push({
				file,
				line: fm.problem.line,
				field: 'frontmatter',
				message: fm.problem.message,
			});
			continue;
		}
		body.frontmatter = fm;
		const checked = checkFields(versionSchema, fm.data, fm, 'a kept version');
		for (const i of checked.issues) issues.push({ file, ...i });
		version.data = checked.data;
	}
	return { versions, issues };
}
