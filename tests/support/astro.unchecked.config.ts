/**
 * The site's own Astro configuration with the content checks turned off, for one test only: the
 * build of the hostile fixture (tests/support/hostile-build.ts), which shows that the body
 * sanitizer alone keeps every hostile input out of the built pages. The checks refuse that
 * fixture, so the real configuration would never build it. Nothing else may use this file; the
 * integration refuses to write an unchecked build into dist/.
 */
import type { AstroIntegration } from 'astro';
import config from '../../astro.config.ts';
import { contentCheck } from '../../src/integrations/content-check.ts';

const CHECK = contentCheck().name;

export default {
	...config,
	integrations: (config.integrations ?? []).map((integration) =>
		(integration as AstroIntegration).name === CHECK
			? contentCheck({ checks: false })
			: integration,
	),
};
