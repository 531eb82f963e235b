import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('../../fixtures/ipc/child.ts', import.meta.url));

/** Forks the child, asks it for `n` messages and holds this thread as a busy build would. */
function heard(n: number, wait: boolean): Promise<{ messages: number; code: number | null }> {
	return new Promise((resolve, reject) => {
		let messages = 0;
		const child = fork(CHILD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		child.on('message', () => messages++);
		child.on('error', reject);
		child.on('close', (code) => resolve({ messages, code }));
		child.send({ n, wait });
		const until = Date.now() + 1500;
		while (Date.now() < until) {
			// busy, as Astro's main thread is while it syncs and renders
		}
	});
}

describe('sendNow', () => {
	it('delivers every message a child sends before it disconnects, though the parent was busy', async () => {
		expect(await heard(2000, true)).toEqual({ messages: 2000, code: 0 });
	});

	it('is needed: plain process.send then disconnect loses messages while the parent is busy', async () => {
		// The failure sendNow prevents, seen here so that the test above cannot pass for nothing.
		const plain = await heard(2000, false);
		expect(plain.code).toBe(0);
		expect(plain.messages).toBeLessThan(2000);
	});
});
