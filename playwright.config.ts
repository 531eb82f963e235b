import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium.ts';

const isCI = Boolean(process.env.CI);
/** The preview server's port; set E2E_PORT to run two checkouts' suites side by side. */
const port = Number(process.env.E2E_PORT ?? 4322);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
	testDir: './tests/e2e',
	outputDir: 'test-results',
	fullyParallel: true,
	forbidOnly: isCI,
	retries: isCI ? 1 : 0,
	workers: 2,
	reporter: [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL,
		trace: 'retain-on-failure',
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				// A system Chromium when there is one, otherwise Playwright's own (tests/support/chromium.ts).
				launchOptions: chromiumLaunchOptions(),
			},
		},
	],
	// `astro preview` serves the existing dist/, so build first (`npm test` does).
	webServer: {
		command: `npx astro preview --port ${port} --host 127.0.0.1 --ignore-lock`,
		url: `${baseURL}/`,
		reuseExistingServer: !isCI,
		timeout: 60_000,
	},
});
