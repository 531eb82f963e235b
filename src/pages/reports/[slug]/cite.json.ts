/** /reports/<slug>/cite.json: the report's citation as CSL-JSON, a static file. */
import { citationFileGet, citationFileStaticPaths } from '../../../data/citations.ts';

export const getStaticPaths = citationFileStaticPaths;
export const GET = citationFileGet('csl');
