/**
 * A worker thread that scans bodies for the content checks (src/lib/checks/body.ts), so that a
 * build with many unscanned bodies (the first, or after a change to the checking code) parses them
 * on two cores: src/lib/node/scan-pool.ts hands it part of the bodies in `workerData` and scans the
 * rest itself. It posts the scans back in the order it was given the bodies, and exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ScanInput } from '../lib/checks/validate.ts';
import { scanOne } from '../lib/node/scan-pool.ts';

const inputs = (workerData as { inputs: ScanInput[] }).inputs;
parentPort?.postMessage(inputs.map(scanOne));
