/**
 * Where a build's time went, read from what `astro build` and our integrations print, so that
 * `npm run build` can end with one line of phases and `npm run bench` can tabulate them.
 */

/** Seconds in one of Astro's durations: `512ms`, `12.34s` or, past a minute, `5m 3s`. */
export function astroSeconds(text: string): number | undefined {
	const m = /^(?:(\d+)m (\d+)s|([\d.]+)(ms|s))$/.exec(text.trim());
	if (!m) return undefined;
	if (m[1] !== undefined) return Number(m[1]) * 60 + Number(m[2]);
	return Number(m[3]) / (m[4] === 'ms' ? 1000 : 1);
}

const DURATION = String.raw`(\d+m \d+s|[\d.]+m?s)`;

/** The phases of `astro build` in seconds, and how many routes it rendered and kept. */
export interface AstroPhases {
	seconds: Record<string, number>;
	/** Paths Astro rendered. */
	rendered: number;
	/** Paths it restored from its cache or kept in place (incremental builds). */
	kept: number;
}

/** Reads an `astro build` log. */
export function astroPhases(output: string): AstroPhases {
	const seconds: Record<string, number> = {};
	const grab = (name: string, re: RegExp) => {
		const m = re.exec(output);
		const s = m ? astroSeconds(m[1]!.replace(/ s$/, 's')) : undefined;
		if (s !== undefined) seconds[name] = s;
	};
	grab('content checks', /content files checked in ([\d.]+ s)/);
	grab('content sync', new RegExp(String.raw`\[types\] Generated ${DURATION}`));
	if (seconds['content sync'] === undefined) {
		grab(
			'content sync',
			new RegExp(
				String.raw`\[content\] Synced content[\s\S]*?\[build\] ✓ Completed in ${DURATION}`,
			),
		);
	}
	const bundles = [...output.matchAll(new RegExp(String.raw`\[vite\] ✓ built in ${DURATION}`, 'g'))]
		.map((m) => astroSeconds(m[1]!) ?? 0)
		.reduce((a, b) => a + b, 0);
	if (bundles > 0) seconds.bundle = bundles;
	grab('pages', new RegExp(String.raw`generating static routes[\s\S]*?✓ Completed in ${DURATION}`));
	grab('cards', /social cards: .* copied into the output in ([\d.]+ s)/);
	grab('search index', /search index: [^\n]* in ([\d.]+ s)\s*$/m);
	grab('offline collections', /offline: [^\n]* finished in ([\d.]+ s)\s*$/m);
	const kept = (output.match(/\((?:restored|cached)\)/g) ?? []).length;
	const rendered = (output.match(/[├└]─ \S+ \(\+[\d.]+m?s\)/g) ?? []).length;
	return { seconds, rendered, kept };
}

/** `12.3 s`, or `0.4 s`: one decimal. */
const sec = (s: number) => `${s.toFixed(1)} s`;

/** The one-line summary `npm run build` ends with. */
export function phaseLine(phases: readonly [string, number][]): string {
	return phases.map(([name, s]) => `${name} ${sec(s)}`).join(' · ');
}

/** The line's machine-readable twin, which `npm run bench` reads back. */
export const PHASES_JSON = 'build phases:';

/** Reads the phases a build printed with `PHASES_JSON`, or undefined. */
export function printedPhases(output: string): Record<string, number> | undefined {
	const line = output.split('\n').find((l) => l.startsWith(PHASES_JSON));
	if (!line) return undefined;
	try {
		return JSON.parse(line.slice(PHASES_JSON.length)) as Record<string, number>;
	} catch {
		return undefined;
	}
}
