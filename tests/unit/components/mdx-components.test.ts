/**
 * The MDX components authors use, rendered through Astro's Container API as a report page renders
 * them: the markup readers and assistive technology get, and the errors authors get.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import { MDX_COMPONENTS } from '../../../src/components/mdx/index.ts';
import {
	CONFIDENCE_LEVELS,
	LIKELIHOODS,
	parseConfidence,
	parseLikelihood,
} from '../../../src/lib/markdown/estimative.ts';

const { Callout, Figure, Judgment, KeyJudgments, Quote } = MDX_COMPONENTS;

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

/** The text as read aloud: block elements separate words, inline ones do not. */
const text = (html: string) =>
	html
		.replace(/<\/?(div|p|li|ol|aside|figure|figcaption|blockquote)\b[^>]*>/g, ' ')
		.replace(/<[^>]+>/g, '')
		.replace(/\s+/g, ' ')
		.trim();

describe('estimative vocabulary (ICD 203)', () => {
	it('has the seven likelihood terms in order, with bands that meet, and three confidence levels', () => {
		expect(LIKELIHOODS.map((l) => l.term)).toEqual([
			'almost no chance',
			'very unlikely',
			'unlikely',
			'roughly even chance',
			'likely',
			'very likely',
			'almost certain',
		]);
		for (let i = 1; i < LIKELIHOODS.length; i++) {
			expect(LIKELIHOODS[i]!.range[0]).toBe(LIKELIHOODS[i - 1]!.range[1]);
		}
		expect(CONFIDENCE_LEVELS).toEqual(['low', 'moderate', 'high']);
	});

	it('reads any case and hyphenation, and names the allowed terms otherwise', () => {
		expect(parseLikelihood('Very-Likely')).toMatchObject({ term: 'very likely' });
		expect(parseConfidence('High confidence')).toBe('high');
		expect(parseLikelihood('probably')).toEqual({
			error:
				'likelihood "probably" is not one of the terms of ICD 203: "almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely", "very likely", "almost certain"',
		});
		expect(parseConfidence('medium')).toEqual({
			error: 'confidence "medium" is not one of the levels of ICD 203: "low", "moderate", "high"',
		});
	});
});

describe('KeyJudgments and Judgment', () => {
	it('render a numbered list whose items say the likelihood, its band and the confidence in words', async () => {
		const item = await container.renderToString(Judgment, {
			props: { likelihood: 'very likely', confidence: 'moderate' },
			slots: { default: 'IS-K will attack Kabul again.' },
		});
		expect(item).toMatch(/^<li class="judgment">/);
		expect(text(item)).toBe(
			'IS-K will attack Kabul again. Likelihood: Very likely (80–95%) Confidence: Moderate',
		);
		expect(item).toContain('data-likelihood="very likely"');
		expect(item).toContain('data-confidence="moderate"');
		const list = await container.renderToString(KeyJudgments, { slots: { default: item } });
		expect(list).toMatch(/^<ol class="key-judgments">\s*<li class="judgment">/);
	});

	it('stop the build on a likelihood or confidence outside the vocabulary', async () => {
		await expect(
			container.renderToString(Judgment, {
				props: { likelihood: 'probable', confidence: 'high' },
				slots: { default: 'x' },
			}),
		).rejects.toThrow('<Judgment>: likelihood "probable" is not one of the terms of ICD 203');
		await expect(
			container.renderToString(Judgment, {
				props: { likelihood: 'likely', confidence: 'medium' },
			}),
		).rejects.toThrow('<Judgment>: confidence "medium"');
	});
});

describe('Callout', () => {
	it('labels a note in words and names itself to assistive technology', async () => {
		const html = await container.renderToString(Callout, { slots: { default: '<p>Text.</p>' } });
		expect(html).toContain('<aside class="callout callout--note" aria-label="Note">');
		expect(text(html)).toBe('Note Text.');
	});

	it('dates an update and carries a title', async () => {
		const html = await container.renderToString(Callout, {
			props: { type: 'update', date: '2026-11-28', title: 'Denial' },
			slots: { default: 'The Taliban denied it.' },
		});
		expect(html).toContain('aria-label="Update: Denial"');
		expect(html).toContain('<time datetime="2026-11-28">28 November 2026</time>');
		expect(text(html)).toBe('Update 28 November 2026: Denial The Taliban denied it.');
	});

	it('refuses an unknown type and a malformed date', async () => {
		await expect(container.renderToString(Callout, { props: { type: 'tip' } })).rejects.toThrow(
			'<Callout>: type "tip" is not allowed; use one of: note, warning, update',
		);
		await expect(
			container.renderToString(Callout, { props: { type: 'update', date: '28/11/2026' } }),
		).rejects.toThrow('write "2026-11-28"');
	});
});

describe('Figure', () => {
	it('renders the image with its alt text, caption and credit', async () => {
		const html = await container.renderToString(Figure, {
			props: {
				src: '/images/map.png',
				alt: 'Map of Kunduz province',
				caption: 'Districts of Kunduz.',
				credit: 'OCHA',
			},
		});
		expect(html).toContain('<figure class="figure">');
		expect(html).toContain('src="/images/map.png"');
		expect(html).toContain('alt="Map of Kunduz province"');
		expect(text(html)).toBe('Districts of Kunduz. Credit: OCHA');
	});

	it('refuses an image without alt text, or from another site', async () => {
		await expect(
			container.renderToString(Figure, { props: { src: '/images/map.png', alt: ' ' } }),
		).rejects.toThrow('<Figure src="/images/map.png">: alt is required');
		await expect(
			container.renderToString(Figure, { props: { src: 'https://x.org/a.png', alt: 'A' } }),
		).rejects.toThrow('must be a path on this site starting with /');
		for (const src of ['//x.org/a.png', '/\\x.org/a.png']) {
			await expect(
				container.renderToString(Figure, { props: { src, alt: 'A' } }),
				src,
			).rejects.toThrow('must be a path on this site starting with /');
		}
	});
});

describe('Quote', () => {
	it('renders the quotation with its source, linked when it has an address', async () => {
		const html = await container.renderToString(Quote, {
			props: { source: 'Taliban spokesman, 2022', url: 'https://example.org/x' },
			slots: { default: '<p>We will.</p>' },
		});
		expect(html).toContain('<blockquote cite="https://example.org/x"><p>We will.</p></blockquote>');
		expect(html).toContain(
			'<cite><a href="https://example.org/x">Taliban spokesman, 2022</a></cite>',
		);
	});

	it('refuses a quotation without a source', async () => {
		await expect(
			container.renderToString(Quote, { props: { source: '' }, slots: { default: 'x' } }),
		).rejects.toThrow('<Quote>: source is required');
	});
});

describe('MDX_COMPONENTS', () => {
	it('offers every component to MDX reports by the name documented', () => {
		expect(Object.keys(MDX_COMPONENTS).sort()).toEqual([
			'Callout',
			'Figure',
			'Judgment',
			'KeyJudgments',
			'Quote',
		]);
	});

	it('needs no client JavaScript', async () => {
		const html = await container.renderToString(Callout, { slots: { default: 'x' } });
		expect(html).not.toContain('<script');
	});
});
