/**
 * A worker thread that searches part of a build's output for the leak check
 * (src/lib/node/output-scan.ts, `scanFilesInParallel`), so that a full scan reads and searches
 * the output on two cores. It posts its findings once every file it was given is searched, and
 * exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanFiles } from '../lib/node/output-scan.ts';

const { dir, files, needles } = workerData as { dir: string; files: string[]; needles: string[] };
parentPort?.postMessage({ findings: scanFiles(dir, files, needles) });
