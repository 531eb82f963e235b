/**
 * Which Chromium the browser tests drive: a system Chromium when one is installed (this is how CI
 * and machines without Playwright's own browser download run), otherwise Playwright's own.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const SYSTEM_CHROMIUMS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
];

export function systemChromium(): string | undefined {
	const candidates = [process.env.CHROMIUM_PATH, ...SYSTEM_CHROMIUMS];
	return candidates.find((p): p is string => Boolean(p) && existsSync(p!));
}

export function chromiumLaunchOptions(): LaunchOptions {
	const executablePath = systemChromium();
	if (!executablePath) return {};
	return {
		executablePath,
		// --no-sandbox: Chromium refuses to start as root otherwise (CI runs as root). The
		// background-networking flags stop it from calling home on a machine with no network.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
		],
	};
}
