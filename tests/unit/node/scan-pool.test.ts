/**
 * The content checks' body scans on two cores (src/lib/node/scan-pool.ts): the same scans, in the
 * same order, as scanning every body on one thread, whether the worker thread does its half or
 * fails to start.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanBody } from '../../../src/lib/checks/body.ts';
import type { ScanInput } from '../../../src/lib/checks/validate.ts';
import { PARALLEL_FROM, scanAll } from '../../../src/lib/node/scan-pool.ts';

const WORKER = join(import.meta.dirname, '../../../src/workers/scan-worker.ts');

/** Bodies of both formats, a third of them with something the checks refuse. */
function bodies(n: number): ScanInput[] {
	return Array.from({ length: n }, (_, i) => ({
		body:
			`## Section ${i}\n\nA paragraph with [a link](/reports/r-${i}/) and ![a map](/maps/m-${i}.png).\n` +
			(i % 3 === 0 ? `\n<script>alert(${i})</script>\n\n[bad](javascript:alert(${i}))\n` : ''),
		format: i % 4 === 0 ? 'mdx' : 'md',
		owner: 'reports',
	}));
}

const oneThread = (inputs: readonly ScanInput[]) =>
	inputs.map((i) => scanBody(i.body, i.format, i.owner));

describe('scanAll', () => {
	it('gives each body the scan scanBody gives it, in order, with half scanned by the worker', async () => {
		const inputs = bodies(130);
		expect(inputs.length).toBeGreaterThanOrEqual(PARALLEL_FROM * 2);
		const scans = await scanAll(inputs, WORKER);
		expect(scans).toEqual(oneThread(inputs));
		// What the scans hold, so that equal empty results cannot pass: body 0 and the last of the
		// worker's half (index 129) have a script and a javascript: link; body 1 has neither.
		expect(scans[0]!.problems.map((p) => p.message).join('\n')).toMatch(/<script>/);
		expect(scans[129]!.problems.length).toBeGreaterThan(0);
		expect(scans[129]!.links).toContainEqual(expect.objectContaining({ url: '/reports/r-129/' }));
		expect(scans[1]!.problems).toEqual([]);
	});

	it('scans everything itself when the worker cannot start, and loses no scan', async () => {
		const inputs = bodies(PARALLEL_FROM + 10);
		const scans = await scanAll(inputs, join(import.meta.dirname, 'no-such-worker.ts'));
		expect(scans).toHaveLength(inputs.length);
		expect(scans).toEqual(oneThread(inputs));
	});

	it('starts no worker for a few bodies', async () => {
		const inputs = bodies(PARALLEL_FROM - 1);
		// A worker script that does not exist would be no loss here either; a scan function that
		// counts its calls shows every body was scanned on this thread.
		let here = 0;
		const scans = await scanAll(inputs, join(import.meta.dirname, 'no-such-worker.ts'), (i) => {
			here++;
			return scanBody(i.body, i.format, i.owner);
		});
		expect(here).toBe(inputs.length);
		expect(scans).toEqual(oneThread(inputs));
	});

	it('has the worker scan the second half, not this thread', async () => {
		const inputs = bodies(PARALLEL_FROM * 2);
		let here = 0;
		await scanAll(inputs, WORKER, (i) => {
			here++;
			return scanBody(i.body, i.format, i.owner);
		});
		expect(here).toBe(PARALLEL_FROM);
	});
});
