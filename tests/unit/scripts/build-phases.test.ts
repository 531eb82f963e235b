import { describe, expect, it } from 'vitest';
import { astroPhases, astroSeconds } from '../../../scripts/lib/build-phases.ts';

/** The lines of a real `astro build` log that the phases are read from (an incremental build). */
const LOG = `07:27:52 [brief-archive:content-check] 1155 content files checked in 4.2 s: no problems
07:27:59 [types] Generated 7.32s
07:27:59 [build] ✓ Completed in 11.66s.
07:28:00 [vite] ✓ built in 867ms
07:28:00 [vite] ✓ built in 77ms
 generating static routes
07:28:00   ├─ /404.html (+17ms)
07:28:00   ├─ /reports/a/index.html (restored)
07:28:01   └─ /atom.xml (+9ms)
07:28:13 ✓ Completed in 13.27s.
07:28:18 [brief-archive:social-cards] 992 social cards: 992 drawn in 1 worker processes at a time (done 26.1 s after they started), 0 from the cache; 992 copied into the output in 0.1 s
07:28:22 [brief-archive:pagefind] search index: 992 reports from 1218 pages indexed in 2.1 s, 1097 files (1097 written) in 4.1 s
07:28:24 [brief-offline:collections] offline: 106 collections (the whole archive 21 MB), worker 1efd9fa1d9a0 (their pages measured while the search index was written, in 3.2 s), finished in 0.6 s
`;

describe('astroPhases', () => {
	it('reads each phase of a build from what Astro and the integrations print', () => {
		const { seconds, rendered, kept } = astroPhases(LOG);
		expect(seconds).toEqual({
			'content checks': 4.2,
			'content sync': 7.32,
			bundle: 0.944,
			pages: 13.27,
			cards: 0.1,
			'search index': 4.1,
			'offline collections': 0.6,
		});
		expect({ rendered, kept }).toEqual({ rendered: 2, kept: 1 });
	});

	it('leaves out a phase the build did not print', () => {
		const { seconds } = astroPhases(LOG.replace(/^.*offline:.*$/m, ''));
		expect(seconds).not.toHaveProperty('offline collections');
		expect(seconds['search index']).toBe(4.1);
	});
});

describe('astroSeconds', () => {
	it('reads milliseconds, seconds and minutes', () => {
		expect([astroSeconds('512ms'), astroSeconds('12.34s'), astroSeconds('5m 3s')]).toEqual([
			0.512, 12.34, 303,
		]);
		expect(astroSeconds('soon')).toBeUndefined();
	});
});
