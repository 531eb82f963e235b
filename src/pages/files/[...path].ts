/** `/files/<path>`: a file kept in the repository (`content/files/<path>`) that a public report attaches. */
import { keptFileGet, keptFileStaticPaths } from '../../data/files.ts';

export const getStaticPaths = keptFileStaticPaths;
export const GET = keptFileGet;
