/**
 * The downloadable citation files of a report, `/reports/<slug>/cite.bib`, `cite.ris` and
 * `cite.json`: their media types, in one table used by the endpoints, by the preview server, by
 * the `_headers` file for static hosts, and by the tests.
 */
import type { CitationRecord } from './record.ts';
import { toCslJson } from './record.ts';
import { toBibtex } from './bibtex.ts';
import { toRis } from './ris.ts';
import { reportFileOf, reportFilePath } from '../routes.ts';

/** One downloadable format. */
export interface CitationFile {
	/** What readers call it. */
	label: string;
	/** The file extension, without the dot. */
	ext: string;
	/** The media type it is served with. */
	contentType: string;
	/** Makes the file's text. */
	make: (record: CitationRecord) => string;
}

/** The three downloadable formats, in the order the panel lists them. */
export const CITATION_FILES = {
	bibtex: {
		label: 'BibTeX',
		ext: 'bib',
		// Not registered with IANA; the type reference managers and repositories use.
		contentType: 'application/x-bibtex; charset=utf-8',
		make: toBibtex,
	},
	ris: {
		label: 'RIS',
		ext: 'ris',
		contentType: 'application/x-research-info-systems; charset=utf-8',
		make: toRis,
	},
	csl: {
		label: 'CSL-JSON',
		ext: 'json',
		// Registered with IANA by the Citation Style Language project.
		contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8',
		make: toCslJson,
	},
} as const satisfies Record<string, CitationFile>;

/** `bibtex`, `ris` or `csl`. */
export type CitationFileKind = keyof typeof CITATION_FILES;

/** `/reports/<slug>/cite.bib` and so on. */
export function citationFilePath(slug: string, kind: CitationFileKind): string {
	return reportFilePath(slug, `cite.${CITATION_FILES[kind].ext}`);
}

/** The name a downloaded file is saved under: `<slug>.bib`, so downloads do not overwrite each other. */
export function citationFileName(slug: string, kind: CitationFileKind): string {
	return `${slug}.${CITATION_FILES[kind].ext}`;
}

/** The media type of a citation file path, or undefined when the path is not one. */
export function citationFileType(pathname: string): string | undefined {
	const file = reportFileOf(pathname)?.file;
	return Object.values(CITATION_FILES).find((f) => `cite.${f.ext}` === file)?.contentType;
}

/**
 * Rules in the `_headers` format that Netlify and Cloudflare Pages read, so those hosts serve the
 * files with their types. (Other servers map types by extension: add `bib` and `ris` there; see
 * docs/citations.md, "Media types".)
 */
export function citationHeadersRules(): string {
	return Object.values(CITATION_FILES)
		.map((f) => `${reportFilePath('*', `cite.${f.ext}`)}\n  Content-Type: ${f.contentType}\n`)
		.join('');
}
