/** /reports/<slug>/cite.bib: the report's citation as BibTeX, a static file. */
import { citationFileGet, citationFileStaticPaths } from '../../../data/citations.ts';

export const getStaticPaths = citationFileStaticPaths;
export const GET = citationFileGet('bibtex');
