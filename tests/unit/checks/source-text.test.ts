import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../src/lib/checks/source-text.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeSource', () => {
	it('decodes UTF-8 text with no problems', () => {
		expect(decodeSource(utf8('---\ntitle: Kunduz – Qunduz\n---\n'))).toEqual({
			text: '---\ntitle: Kunduz – Qunduz\n---\n',
			problems: [],
		});
	});

	it('reports a byte-order mark on line 1 and decodes the text without it', () => {
		const { text, problems } = decodeSource(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('---\n')]));
		expect(text).toBe('---\n');
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ line: 1 });
		expect(problems[0]?.message).toContain('byte-order mark');
	});

	it('finds the line, column and value of the first byte that is not UTF-8', () => {
		const bytes = Uint8Array.from([...utf8('---\ntitle: Café '), 0xe9, ...utf8('\n---\n')]);
		const { text, problems } = decodeSource(bytes);
		expect(text).toBeUndefined();
		expect(problems).toHaveLength(1);
		expect(problems[0]?.line).toBe(2);
		expect(problems[0]?.message).toContain('byte 0xE9 in column 13');
	});

	it('counts columns in characters, so a multi-byte character before the bad byte counts once', () => {
		const bytes = Uint8Array.from([...utf8('ééé'), 0xff]);
		expect(decodeSource(bytes).problems[0]?.message).toContain('byte 0xFF in column 4');
	});

	it('reports an empty file, and a file of only white space, as empty', () => {
		for (const text of ['', ' \n\n\t']) {
			const { text: decoded, problems } = decodeSource(utf8(text));
			expect(decoded).toBeUndefined();
			expect(problems[0]?.message).toMatch(/^the file is empty/);
		}
	});
});
