import { describe, expect, it } from 'vitest';
import { scanBody } from '../../../src/lib/checks/body.ts';

const messages = (body: string, format: 'md' | 'mdx' = 'md') =>
	scanBody(body, format).problems.map((p) => `${p.line}: ${p.message}`);

describe('scanBody: Markdown', () => {
	it('collects links, reference definitions and raw HTML anchors with their lines', () => {
		const scan = scanBody(
			'[a](/reports/a/)\n\n[b][ref]\n\n<a href="/groups/x/">x</a>\n\n[ref]: /reports/b/#c\n',
			'md',
		);
		expect(scan.problems).toEqual([]);
		expect(scan.links).toEqual([
			{ url: '/reports/a/', line: 1 },
			{ url: '/groups/x/', line: 5 },
			{ url: '/reports/b/#c', line: 7 },
		]);
	});

	it('collects local images and checks their alt text, reference-style images included', () => {
		const scan = scanBody('![A map](./map.png)\n\n![][pic]\n\n[pic]: ./photo.jpg\n', 'md');
		expect(scan.images).toEqual([
			{ url: './map.png', line: 1 },
			{ url: './photo.jpg', line: 3 },
		]);
		expect(scan.problems.map((p) => p.line)).toEqual([3]);
		expect(scan.problems[0]?.message).toMatch(/^image "\.\/photo\.jpg" has no alt text/);
	});

	it('refuses an image loaded from another site', () => {
		expect(messages('![A chart](https://cdn.example/chart.png)\n')).toEqual([
			'1: image "https://cdn.example/chart.png" is loaded from another site, which would see every reader’s visit; save the image next to the report (or in public/) and use its path',
		]);
	});

	it('refuses javascript: links however they are written, autolinks and entities included', () => {
		expect(messages('<javascript:alert(1)>\n')).toEqual([
			'1: link "javascript:alert(1)" uses javascript:, which is not allowed: it runs code in readers’ browsers',
		]);
		expect(messages('[x](java&#x73;cript:alert(1))\n')[0]).toContain('uses javascript:');
		expect(messages('<a href="JAVA&#x09;SCRIPT:x">x</a>\n')[0]).toContain('uses javascript:');
	});

	it('checks raw HTML as a browser parses it: tags in any case, nested, on later lines', () => {
		expect(messages('Text\n\n<div>\n<p>x</p>\n<SCRIPT>x()</SCRIPT>\n</div>\n')).toEqual([
			'5: <script> is not allowed in a report: it would run code in readers’ browsers. To embed rich content, use an MDX component',
		]);
		expect(messages('<svg><a xlink:href="javascript:x">x</a></svg>\n')).toEqual([
			'1: <svg> is not allowed in a report: SVG can carry scripts and load other sites; save the image as a file and use ![description](/images/file.svg). To embed rich content, use an MDX component',
		]);
	});

	it('says nothing about HTML that is only shown as code', () => {
		expect(messages('`<script>`\n\n```html\n<iframe src="x"></iframe>\n```\n')).toEqual([]);
	});

	it('refuses <img> without alt, and accepts it with alt', () => {
		expect(messages('<img src="/a.png">\n')).toEqual([
			'1: <img src="/a.png"> has no alt text; add alt="…" describing what it shows',
		]);
		expect(messages('<img src="/a.png" alt="A chart">\n')).toEqual([]);
	});
});

describe('scanBody: MDX', () => {
	it('checks lower-case JSX elements as HTML, and refuses imports and components not the archive’s', () => {
		const body =
			'import Chart from "../../components/Chart.astro";\n\n<Chart onLoad={x} src="https://x" />\n\n<iframe src="/x" />\n\n<a href="javascript:x" onClick={f}>x</a>\n';
		expect(messages(body, 'mdx')).toEqual([
			'1: import is not allowed in MDX (import Chart from "../../components/Chart.astro";): a report cannot run code, on the build machine or in readers’ browsers. The archive’s components (Callout, Figure, Judgment, KeyJudgments, Quote) need no import; for anything else, ask a maintainer for a component',
			'3: <Chart> is not one of the archive’s components (Callout, Figure, Judgment, KeyJudgments, Quote); a report cannot define or import components of its own: ask a maintainer for a new one',
			'5: <iframe> is not allowed in a report: it loads another site into the page. To embed rich content, use an MDX component',
			'7: <a href="javascript:x"> uses javascript:, which is not allowed: it runs code in readers’ browsers',
			'7: the onclick= attribute on <a> is not allowed: event handlers run code in readers’ browsers',
		]);
	});

	it('accepts the archive’s components with written-out attributes, literal numbers and MDX comments', () => {
		const body =
			'{/* a note for editors */}\n\n<Callout type="update" date="2026-11-28" title="A correction">\n  The text.\n</Callout>\n\n<Figure src="/images/map.png" alt="A map" width={600} height={400} />\n\n<Quote source="A spokesman" url="https://example.org/">We will.</Quote>\n';
		expect(messages(body, 'mdx')).toEqual([]);
		expect(scanBody(body, 'mdx').images).toEqual([{ url: '/images/map.png', line: 7 }]);
	});

	it('reports MDX that does not parse, at its line', () => {
		expect(messages('# Title\n\nText {1 +}\n', 'mdx')).toEqual([
			'3: the MDX cannot be read: Could not parse expression with acorn',
		]);
	});
});
