/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's own Vite setup, so `astro/zod` and the rest of Astro resolve in tests as in the build.
export default getViteConfig(
	{
		test: {
			environment: 'node',
			include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		},
	},
	{ devToolbar: { enabled: false } },
);
