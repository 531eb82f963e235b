/**
 * The project's folder as Astro resolved it (`config.root`), for the caches the pages keep between
 * builds. The content-check integration hands it over as a constant, as it does the publish mode;
 * outside a build with that integration, the working directory.
 */
declare const __BRIEF_ROOT__: string | undefined;

export const projectRoot: string =
	typeof __BRIEF_ROOT__ === 'string' ? __BRIEF_ROOT__ : process.cwd();
