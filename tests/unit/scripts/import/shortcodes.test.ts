import { describe, expect, it } from 'vitest';
import { parseAttributes, replaceShortcodes } from '../../../../scripts/lib/import/shortcodes.ts';

describe('parseAttributes', () => {
	it('reads double, single, unquoted and positional attributes as WordPress does', () => {
		expect(parseAttributes(`file="a.pdf" width='640' align=center https://x.org/v`)).toEqual({
			attrs: { file: 'a.pdf', width: '640', align: 'center' },
			positional: ['https://x.org/v'],
		});
	});

	it('reads curly quotes, as text copied from a rendered page has them', () => {
		expect(parseAttributes('file=”https://x.org/a.pdf”').attrs).toEqual({
			file: 'https://x.org/a.pdf',
		});
	});
});

describe('replaceShortcodes', () => {
	const upper = {
		shout: () => 'LOUD',
		caption: (c: { content?: string | undefined }) => `<figure>${c.content ?? ''}</figure>`,
	};

	it('replaces the shortcodes a handler takes, enclosing ones with their content', () => {
		const r = replaceShortcodes(
			'a [shout] b [caption id="x"]<img src="i.jpg"> Text[/caption] c',
			upper,
		);
		expect(r.text).toBe('a LOUD b <figure><img src="i.jpg"> Text</figure> c');
		expect(r.found.map((f) => f.name)).toEqual(['shout', 'caption']);
		expect(r.kept).toEqual([]);
	});

	it('keeps a shortcode no handler knows exactly as written, and lists it', () => {
		const r = replaceShortcodes('Write to us: [contact-form-7 id="12" title="Tips"]', upper);
		expect(r.text).toBe('Write to us: [contact-form-7 id="12" title="Tips"]');
		expect(r.kept.map((k) => k.raw)).toEqual(['[contact-form-7 id="12" title="Tips"]']);
	});

	it('turns [[name]] into the text [name], as WordPress does, and ignores [sic] and footnote marks', () => {
		const r = replaceShortcodes('Use [[shout]] here; they said [sic] so [1].', upper);
		expect(r.text).toBe('Use [shout] here; they said [sic] so [1].');
		expect(r.found).toEqual([]);
	});

	it('keeps a handler’s refusal (undefined) as the shortcode as written', () => {
		const r = replaceShortcodes('[shout x]', { shout: () => undefined });
		expect(r.text).toBe('[shout x]');
		expect(r.kept).toHaveLength(1);
	});
});
