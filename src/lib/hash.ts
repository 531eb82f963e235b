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
