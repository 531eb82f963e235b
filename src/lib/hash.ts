/**
 * A short hash of text: the fingerprint of a cache's inputs, or the key of one item. Build-time
 * only (it uses Node's crypto), but pure: it reads and writes nothing.
 */
import { createHash } from 'node:crypto';

export function hashOf(...parts: string[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\u0000');
	return hash.digest('hex').slice(0, 32);
}

/** A short hash of bytes (a file's contents), with `parts` before them. */
export function hashOfBytes(bytes: Uint8Array, ...parts: string[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\u0000');
	return hash.update(bytes).digest('hex').slice(0, 32);
}
