import { describe, expect, it } from 'vitest';
import { scanBody } from '../../../../src/lib/checks/body.ts';
import {
	ALT_TODO,
	attachmentTitle,
	convertPost,
	postKey,
} from '../../../../scripts/lib/import/html.ts';

const BASE = 'https://old.example.org/';
const md = (html: string, options = {}) => convertPost(html, { base: BASE, ...options });
const messages = (html: string, options = {}) => md(html, options).notes.map((n) => n.message);

describe('classic-editor text (stored without <p>)', () => {
	it('breaks it into paragraphs at blank lines and lines at single newlines, as WordPress showed it', () => {
		expect(md('First paragraph,\nsecond line.\n\nSecond paragraph.').body).toBe(
			'First paragraph,\\\nsecond line.\n\nSecond paragraph.\n',
		);
	});

	it('keeps block elements as blocks between the paragraphs', () => {
		expect(
			md('Intro.\n\n<h2>A section</h2>\nText under it.\n\n<ul><li>one</li><li>two</li></ul>').body,
		).toBe('Intro.\n\n## A section\n\nText under it.\n\n- one\n- two\n');
	});

	it('drops paragraphs of nothing but a no-break space', () => {
		expect(md('Text.\n\n&nbsp;\n\n<p>&nbsp;</p>').body).toBe('Text.\n');
	});
});

describe('the words', () => {
	it('keeps spelling, quotes, dashes and no-break spaces exactly as the export has them', () => {
		const text = 'In Kundoz and Kandhar, the “core tenant” – religious monitories.&nbsp; Next.';
		expect(md(`<p>${text}</p>`).body).toBe(
			'In Kundoz and Kandhar, the “core tenant” – religious monitories.\u00a0 Next.\n',
		);
	});

	it('escapes what Markdown would misread, so readers see the characters written', () => {
		const { body } = md('<p>*not emphasis* and 1. not a list [sic]</p>');
		expect(body).toBe('\\*not emphasis\\* and 1. not a list \\[sic]\n');
	});

	it('keeps heading text (so anchors are stable) and moves every heading down a level when the post used <h1>', () => {
		expect(md('<h1>Top</h1><h2>Under</h2>').body).toBe('## Top\n\n### Under\n');
	});

	it('says when an old heading anchor will not work any more', () => {
		expect(messages('<h2 id="custom">Big Heading</h2><h2 id="kept">Kept</h2>')).toEqual([
			'the heading "Big Heading" had the anchor #custom on the old site; here it is #big-heading, so old links to #custom open the report at the top',
		]);
	});
});

describe('untrusted HTML', () => {
	it('removes scripts, styles, forms and event handlers, saying so, and leaves no raw HTML', () => {
		const r = md(
			'<p onclick="steal()">Text<style>*{}</style></p><script>alert(1)</script><form><input name="q"></form>',
		);
		expect(r.body).toBe('Text\n');
		expect(r.notes.map((n) => n.message)).toEqual([
			'a <style> element was removed: it restyles the whole site and can load resources from other sites',
			'a <script> element was removed: it would run code in readers’ browsers',
			'a <form> element was removed: it would send readers’ input somewhere',
		]);
	});

	it('keeps the text of a javascript: link but not the link', () => {
		const r = md(
			'<p><a href="javascript:alert(1)">click</a> <a href=" JaVa\tScript:x">here</a></p>',
		);
		expect(r.body).toBe('click here\n');
		expect(r.notes).toHaveLength(2);
	});

	it('turns an embedded frame into a link to what it showed', () => {
		const r = md('<iframe src="https://www.youtube.com/embed/abc" title="Interview"></iframe>');
		expect(r.body).toBe('[Embedded content: Interview](https://www.youtube.com/embed/abc)\n');
		expect(r.notes[0]?.kind).toBe('embed');
	});

	it('gives output the site’s own body checks accept, whatever the HTML held', () => {
		const nasty =
			'<p><img src="data:image/png;base64,AAAA" onerror="x()"><a href="vbscript:x">v</a><object data="https://x.example/a.swf"></object><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/"></p>';
		const r = md(nasty);
		expect(scanBody(r.body, r.format).problems).toEqual([]);
		expect(r.body).not.toMatch(/evil|data:|vbscript/);
	});
});

describe('links', () => {
	it('points relative links at the old site, and links to other imported posts at their reports', () => {
		const posts = new Map([[postKey('/2022/05/other/', BASE)!, '/reports/other/']]);
		expect(
			md(
				'<p><a href="/about/">About</a> and <a href="https://old.example.org/2022/05/other">other</a></p>',
				{ posts },
			).body,
		).toBe('[About](https://old.example.org/about/) and [other](/reports/other/)\n');
	});
});

describe('images, captions and documents', () => {
	const caption =
		'[caption id="attachment_9" align="aligncenter" width="640"]<a href="https://old.example.org/wp-content/uploads/2021/11/k.jpg"><img src="https://old.example.org/wp-content/uploads/2021/11/k.jpg" alt="A market" width="640" height="400" /></a> Kunduz city, 2021[/caption]';

	it('links a caption’s image on the old site until it is downloaded (an archive page loads nothing from other sites)', () => {
		const r = md(caption);
		expect(r.body).toBe(
			'Image: [Kunduz city, 2021](https://old.example.org/wp-content/uploads/2021/11/k.jpg)\n',
		);
		expect(r.format).toBe('md');
		expect(r.media).toEqual([
			{ url: 'https://old.example.org/wp-content/uploads/2021/11/k.jpg', as: 'image' },
		]);
	});

	it('makes a downloaded caption’s image a <Figure> with its alt text, caption and size', () => {
		const media = new Map([
			['https://old.example.org/wp-content/uploads/2021/11/k.jpg', '/media/2021/11/k.jpg'],
		]);
		const r = md(caption, { media });
		expect(r.format).toBe('mdx');
		expect(r.body).toBe(
			'<Figure src="/media/2021/11/k.jpg" alt="A market" caption="Kunduz city, 2021" width={640} height={400} />\n',
		);
		expect(scanBody(r.body, 'mdx').problems).toEqual([]);
	});

	it('writes the placeholder for missing alt text and asks for a description', () => {
		const media = new Map([['https://old.example.org/x.png', '/media/old.example.org/x.png']]);
		const r = md(
			'<figure class="wp-block-image"><img src="/x.png" alt=""><figcaption>Map</figcaption></figure>',
			{ media },
		);
		expect(r.body).toContain(`alt="${ALT_TODO}"`);
		expect(r.notes.map((n) => n.message)).toEqual([
			`the image x.png has no description (alt text): write one in place of "${ALT_TODO}"`,
		]);
	});

	it('escapes braces and angle brackets in the text of an MDX report', () => {
		const media = new Map([['https://old.example.org/x.png', '/media/old.example.org/x.png']]);
		const r = md('<p>Costs {about} <b>$5</b> < $10</p><p><img src="/x.png" alt="x"></p>', {
			media,
		});
		expect(r.format).toBe('mdx');
		expect(scanBody(r.body, 'mdx').problems).toEqual([]);
		expect(r.body).toContain('\\{about}');
	});

	it('turns [gview] into the report’s full-text attachment', () => {
		const r = md(
			'Summary.\n\n[gview file="https://old.example.org/wp-content/uploads/2020/12/The-Rise-of-ISIS.pdf"]',
		);
		expect(r.body).toBe('Summary.\n');
		expect(r.attachments).toEqual([
			{
				title: 'The Rise of ISIS (PDF)',
				url: 'https://old.example.org/wp-content/uploads/2020/12/The-Rise-of-ISIS.pdf',
				format: 'pdf',
				fullText: true,
			},
		]);
	});

	it('keeps an unknown shortcode where readers see it, and lists it', () => {
		const r = md('Before.\n\n[gallery ids="1,2,3"]\n\nAfter.');
		expect(r.body).toBe('Before.\n\n\\[gallery ids="1,2,3"]\n\nAfter.\n');
		expect(r.shortcodes.map((s) => s.name)).toEqual(['gallery']);
	});

	it('makes [embed] a link', () => {
		const r = md('[embed]https://www.youtube.com/watch?v=x[/embed]');
		expect(r.body).toBe('<https://www.youtube.com/watch?v=x>\n');
		expect(scanBody(r.body, 'md').links).toEqual([
			{ url: 'https://www.youtube.com/watch?v=x', line: 1 },
		]);
	});

	it('names an attachment after its file', () => {
		expect(attachmentTitle('https://x.org/a/Annual_report-2022.xlsx')).toBe(
			'Annual report 2022 (XLSX)',
		);
		expect(attachmentTitle('https://x.org/a/notes.txt')).toBe('notes (file)');
	});
});

describe('tables and footnotes', () => {
	it('keeps a table as a GFM table, and its caption as a paragraph', () => {
		expect(
			md(
				'<figure class="wp-block-table"><table><thead><tr><th>Province</th><th>Attacks</th></tr></thead><tbody><tr><td>Kabul</td><td>23</td></tr></tbody></table><figcaption>In 2022</figcaption></figure>',
			).body,
		).toBe('| Province | Attacks |\n| -------- | ------- |\n| Kabul    | 23      |\n\nIn 2022\n');
	});

	it('turns the block editor’s footnotes into Markdown footnotes, numbered as they appear', () => {
		const html =
			'<!-- wp:paragraph --><p>A<sup data-fn="b" class="fn"><a href="#b">1</a></sup> and B<sup data-fn="a" class="fn"><a href="#a">2</a></sup>.</p><!-- /wp:paragraph -->';
		const footnotes = JSON.stringify([
			{ id: 'a', content: 'Second.' },
			{ id: 'b', content: 'First, <em>with</em> emphasis.' },
		]);
		expect(md(html, { footnotes }).body).toBe(
			'A[^1] and B[^2].\n\n[^1]: First, *with* emphasis.\n\n[^2]: Second.\n',
		);
	});

	it('turns Word’s pasted footnotes into Markdown footnotes', () => {
		const html =
			'<p>Claim<a href="#_ftn1" name="_ftnref1">[1]</a>.</p>\n<p><a href="#_ftnref1" name="_ftn1">[1]</a> The source.</p>';
		expect(md(html).body).toBe('Claim[^1].\n\n[^1]: The source.\n');
	});

	it('says when a footnote’s text is missing', () => {
		expect(
			messages(
				'<!-- wp:paragraph --><p>A<sup data-fn="x" class="fn">1</sup></p><!-- /wp:paragraph -->',
			),
		).toEqual(['footnote 1 has no text in the export']);
	});
});
