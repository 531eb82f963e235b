import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	codeFingerprint,
	modulePaths,
	pipelineSources,
} from '../../../src/lib/node/fingerprint.ts';

const dir = mkdtempSync(join(tmpdir(), 'brief-fingerprint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A project with two modules of src/lib, one of them in a domain folder, and a lock file. */
function project(name: string): string {
	const root = join(dir, name);
	mkdirSync(join(root, 'src/lib/checks/deep'), { recursive: true });
	writeFileSync(join(root, 'src/lib/routes.ts'), 'export const a = 1;\n');
	writeFileSync(join(root, 'src/lib/checks/deep/body.ts'), 'export const b = 1;\n');
	writeFileSync(join(root, 'package-lock.json'), '{}\n');
	return root;
}

describe('codeFingerprint', () => {
	it('lists the modules in every folder under src/lib, at any depth', () => {
		expect(modulePaths(join(project('list'), 'src/lib'))).toEqual([
			'checks/deep/body.ts',
			'routes.ts',
		]);
	});

	it('is the same for the same code', () => {
		const a = project('same-a');
		const b = project('same-b');
		expect(codeFingerprint(a)).toBe(codeFingerprint(b));
	});

	it('changes when a module in a subfolder of src/lib is edited', () => {
		const root = project('edit');
		const before = codeFingerprint(root);
		writeFileSync(join(root, 'src/lib/checks/deep/body.ts'), 'export const b = 2;\n');
		expect(codeFingerprint(root)).not.toBe(before);
	});

	it('changes when a module moves to another folder', () => {
		const root = project('move');
		const before = codeFingerprint(root);
		mkdirSync(join(root, 'src/lib/markdown'));
		cpSync(join(root, 'src/lib/routes.ts'), join(root, 'src/lib/markdown/routes.ts'));
		rmSync(join(root, 'src/lib/routes.ts'));
		expect(codeFingerprint(root)).not.toBe(before);
	});

	it('changes when the lock file changes', () => {
		const root = project('lock');
		const before = codeFingerprint(root);
		writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
		expect(codeFingerprint(root)).not.toBe(before);
	});
});

describe('pipelineFingerprint', () => {
	it('reads every module its Markdown and schema modules import, so no change to them is missed', () => {
		const root = new URL('../../..', import.meta.url).pathname;
		const sources = new Set(pipelineSources(root));
		const missing: string[] = [];
		for (const file of sources) {
			if (!file.startsWith('src/lib/')) continue;
			const text = readFileSync(join(root, file), 'utf8');
			for (const m of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
				const target = relative(root, resolve(dirname(join(root, file)), m[1]!));
				if (!sources.has(target)) missing.push(`${file} imports ${target}`);
			}
		}
		expect(missing).toEqual([]);
	});
});
