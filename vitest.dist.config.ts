import { defineConfig } from 'vitest/config';

/**
 * The file-based gates over the built site (`npm run test:dist`): valid HTML, links, weights and
 * headers. They read dist/, so `npm test` runs them after the build.
 */
export default defineConfig({
	test: {
		environment: 'node',
		include: ['tests/built/**/*.test.ts'],
	},
});
