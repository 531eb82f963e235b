/** /reports/<slug>/cite.ris: the report's citation as RIS, a static file. */
import { citationFileGet, citationFileStaticPaths } from '../../../data/citations.ts';

export const getStaticPaths = citationFileStaticPaths;
export const GET = citationFileGet('ris');
