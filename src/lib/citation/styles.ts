/**
 * APA 7 and Chicago (notes and bibliography, 17th edition) through citeproc-js, the reference CSL
 * processor (the one Zotero and Mendeley run), with the official CSL style files as published by
 * the Citation Style Language project, taken from npm packages:
 *
 * - `apa.csl` ("APA Style 7th edition") and `locales-en-US.xml` from @citation-js/plugin-csl;
 * - `chicago-fullnote-bibliography.csl` ("Chicago Manual of Style 17th edition (full note)") from
 *   @citation/csl-style-chicago-fullnote-bibliography, for the full note and the bibliography
 *   entry;
 * - `chicago-note-bibliography.csl` ("Chicago Manual of Style 17th edition (note)") from
 *   @citation/csl-style-chicago-note-bibliography, whose notes are the short form, for the short
 *   note.
 *
 * Each style gets the item as the style guide wants it where the 2017 style files fall short
 * (`styleItems`): APA omits the publisher when it is the group author (APA 7 §9.24); the Chicago
 * files print no report number, so it goes with the report type ("Brief 12", as CMOS 14.115 prints
 * report numbers), and a version goes in as an edition ("version 2").
 *
 * This runs at build time only: readers download the formatted text, never the processor. Each
 * engine parses its style once per build (a few seconds) and is then reused for every report.
 */
import CSL from 'citeproc';
import cslStyles from '@citation-js/plugin-csl/lib/styles.json' with { type: 'json' };
import cslLocales from '@citation-js/plugin-csl/lib/locales.json' with { type: 'json' };
import chicagoStyle from '@citation/csl-style-chicago-note-bibliography/info.json' with { type: 'json' };
import chicagoFullStyle from '@citation/csl-style-chicago-fullnote-bibliography/info.json' with { type: 'json' };
import citeprocPackage from 'citeproc/package.json' with { type: 'json' };
import type { CslItem } from './record.ts';
import { hashOf } from '../hash.ts';

/** Where formatted citations are kept between builds (`../node/file-cache.ts` makes one). */
export interface CitationCache {
	get(key: string): FormattedCitations | undefined;
	set(key: string, value: FormattedCitations): void;
}

/** Raise when the formatting code changes what it outputs for the same item and styles. */
export const FORMAT_VERSION = 2;

/** One formatted citation: HTML (with italics) for the page, plain text for copying. */
export interface Formatted {
	html: string;
	text: string;
}

/** The formatted citations of one report. */
export interface FormattedCitations {
	/** APA 7 reference-list entry. */
	apa: Formatted;
	/** Chicago 17 bibliography entry. */
	chicago: Formatted;
	/** Chicago 17 full note: the first citation of a work in the notes. */
	chicagoNote: Formatted;
	/** Chicago 17 short note: later citations, or every note when a bibliography is given. */
	chicagoShortNote: Formatted;
}

/** The CSL style files in use, with their titles as they name themselves. */
export const CSL_STYLES = {
	apa: cslStyles.apa,
	/** Full notes and the bibliography. */
	chicago: chicagoFullStyle.content,
	/** Short notes. */
	chicagoShort: chicagoStyle.content,
};

/**
 * The item each style formats, from the CSL-JSON item (which stays as CSL defines its variables):
 *
 * - APA: a group author that is also the publisher is not repeated as publisher (APA 7 §9.24),
 *   so an unsigned report reads "Rise to Peace. (2021). Title. Brief Archive. URL".
 * - Chicago: the 2017 style files print no `number` for a report, so a report number joins the
 *   type ("Brief 12"); a series' volume and issue follow its name ("Khorasan Papers, vol. 2,
 *   no. 3"); and a version goes in as an edition ("version 2"), which the files print in its
 *   place after the title.
 */
export function styleItems(item: CslItem): { apa: CslItem; chicago: CslItem } {
	const apa = { ...item };
	const [only] = item.author ?? [];
	if (item.author?.length === 1 && only && 'literal' in only && only.literal === item.publisher) {
		delete (apa as Partial<CslItem>).publisher;
	}
	const chicago = { ...item };
	if (item.number !== undefined) {
		chicago.genre = `${item.genre ?? ''} ${item.number}`.trim();
		delete chicago.number;
	}
	const seriesParts = [
		item.volume !== undefined ? `vol. ${item.volume}` : undefined,
		item.issue !== undefined ? `no. ${item.issue}` : undefined,
	].filter((p): p is string => p !== undefined);
	if (item['collection-title'] && seriesParts.length) {
		chicago['collection-number'] = seriesParts.join(', ');
	}
	delete chicago.volume;
	delete chicago.issue;
	if (item.version !== undefined) {
		chicago.edition = `version ${item.version}`;
		delete chicago.version;
	}
	return { apa, chicago };
}

const LOCALE = 'en-US';

/** Plain text of citeproc's HTML: tags dropped, character references decoded (once each). */
export function htmlToText(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (_, d, x, e) =>
			d
				? String.fromCodePoint(Number(d))
				: x
					? String.fromCodePoint(parseInt(x as string, 16))
					: (ENTITIES[(e as string).toLowerCase()] ?? ''),
		)
		.replace(/\s+/g, ' ')
		.trim();
}
const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/**
 * citeproc reads a few HTML tags in any field as rich text (`<i>`, `<b>`, `<sc>`, `<sup>`,
 * `<span style=…>`): a report titled "Why <i>jihad</i>?" would be set in italics, and markup in
 * a title could reach the page. Every `<` in the item is replaced by this private-use character,
 * which citeproc leaves alone, and turned back into `&lt;` (HTML) or `<` (text) afterwards.
 */
const LESS_THAN = '\u{e000}';

function maskMarkup<T>(value: T): T {
	if (typeof value === 'string') return value.replaceAll('<', LESS_THAN) as T;
	if (Array.isArray(value)) return value.map((v: unknown) => maskMarkup(v)) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [k, maskMarkup(v as unknown)]),
		) as T;
	}
	return value;
}

/**
 * citeproc writes some formatting as inline styles (`<span style="font-style:normal;">` for
 * roman type inside italics), which the Content Security Policy blocks: they become classes
 * (styled in src/styles/cite.css). A style this table does not know is dropped, never kept.
 */
const STYLE_CLASSES: Readonly<Record<string, string>> = {
	'font-style:normal;': 'csl-roman',
	'font-style:italic;': 'csl-italic',
	'font-variant:small-caps;': 'csl-small-caps',
	'font-variant:normal;': 'csl-normal-variant',
	'font-weight:normal;': 'csl-normal-weight',
	'font-weight:bold;': 'csl-bold',
	'text-decoration:underline;': 'csl-underline',
	'text-decoration:none;': 'csl-no-decoration',
	'vertical-align:sup;': 'csl-sup',
	'vertical-align:sub;': 'csl-sub',
	'vertical-align:baseline;': 'csl-baseline',
};

/** citeproc's HTML with its inline styles as classes. */
export function withoutInlineStyles(html: string): string {
	return html.replace(/<span style="([^"]*)">/g, (_, style: string) => {
		const name = STYLE_CLASSES[style.replace(/\s+/g, '')];
		return name ? `<span class="${name}">` : '<span>';
	});
}

function formatted(html: string): Formatted {
	const inner = withoutInlineStyles(
		html
			.trim()
			.replace(/^<div class="csl-entry">/, '')
			.replace(/<\/div>$/, '')
			.trim(),
	);
	return {
		html: inner.replaceAll(LESS_THAN, '&lt;'),
		text: htmlToText(inner).replaceAll(LESS_THAN, '<'),
	};
}

/** The part of citeproc's item registry (internal, undocumented) that `skipManyItemSteps` replaces. */
interface Registry {
	mylist: string[];
	ambigsTouched: Record<string, boolean>;
	akeys: Record<string, boolean>;
	setsortkeys: (this: Registry) => void;
	setdisambigs: (this: Registry) => void;
}

/**
 * The two steps of citeproc's registry update that only matter between two or more items: the
 * bibliography's sort keys (which order the entries) and disambiguation (which tells apart cites
 * that would read alike: "2021a", added given names). `updateItems` runs both for every item, and
 * for a registry of one item they are about a quarter of the formatting time and change nothing.
 * They still run when the registry holds more than one item. tests/unit/citation/styles.test.ts
 * proves, on varied items, that the output is the same as with the full update; it fails if a
 * citeproc release makes either step matter for a lone item like them.
 */
function skipManyItemSteps(engine: InstanceType<typeof CSL.Engine>): void {
	const registry = engine.registry as Registry;
	const { setsortkeys, setdisambigs } = registry;
	registry.setsortkeys = function () {
		if (this.mylist.length > 1) setsortkeys.call(this);
	};
	registry.setdisambigs = function () {
		if (this.mylist.length > 1) return setdisambigs.call(this);
		// What setdisambigs leaves behind once it has run.
		this.ambigsTouched = {};
		this.akeys = {};
	};
}

/** A CSL processor for one style, fed one item at a time. */
class StyleEngine {
	#engine: InstanceType<typeof CSL.Engine>;
	#item: CslItem | undefined;
	#seen = new Set<string>();

	constructor(style: string, locale: string, options: { fullUpdate?: boolean } = {}) {
		this.#engine = new CSL.Engine(
			{
				retrieveLocale: () => locale,
				retrieveItem: () => this.#item,
			},
			style,
			LOCALE,
			true,
		);
		this.#engine.setOutputFormat('html');
		if (!options.fullUpdate) skipManyItemSteps(this.#engine);
	}

	/**
	 * Makes `item` the only item in the engine's registry. citeproc keeps an item it has seen
	 * under the same id instead of fetching it again, so an id seen before (in tests; a build sees
	 * each slug once) first empties the registry, which costs about a quarter more.
	 */
	load(item: CslItem): this {
		this.#item = { ...maskMarkup(item), id: item.id };
		if (this.#seen.has(item.id)) this.#engine.updateItems([]);
		this.#seen.add(item.id);
		this.#engine.updateItems([item.id]);
		return this;
	}

	/** The loaded item's bibliography entry. */
	bibliography(): Formatted {
		const id = this.#item?.id ?? '';
		const bib = this.#engine.makeBibliography();
		if (!bib || !bib[1][0]) throw new Error(`citeproc made no bibliography entry for ${id}`);
		return formatted(bib[1][0]);
	}

	/** The loaded item's note (a first citation, no locator; a short-note style gives the short form). */
	note(): Formatted {
		return formatted(this.#engine.makeCitationCluster([{ id: this.#item?.id ?? '' }]));
	}
}

/** Formats reports in APA and Chicago. Create one per build: the engines are costly to start. */
export interface CitationFormatter {
	format(item: CslItem): FormattedCitations;
}

/**
 * What shapes the formatted output besides the item: the style and locale files, the processor's
 * version and this module's `FORMAT_VERSION`. Cache entries are keyed under it.
 */
export const FORMAT_FINGERPRINT = hashOf(
	String(FORMAT_VERSION),
	CSL_STYLES.apa,
	CSL_STYLES.chicago,
	CSL_STYLES.chicagoShort,
	cslLocales[LOCALE],
	citeprocPackage.version,
);

/**
 * A formatter whose engines start on first use. With a cache, an item formatted by an earlier
 * build is read back, and a build whose items are all cached never starts the engines.
 */
export function createCitationFormatter(
	options: {
		cache?: CitationCache;
		/**
		 * Runs citeproc's whole registry update for every item, without `skipManyItemSteps`: slower,
		 * the same output; for the test that proves it is the same.
		 */
		fullUpdate?: boolean;
	} = {},
): CitationFormatter {
	let engines: { apa: StyleEngine; chicago: StyleEngine; chicagoShort: StyleEngine } | undefined;
	return {
		format(item) {
			const key = options.cache && hashOf(JSON.stringify(item));
			const cached = key && options.cache?.get(key);
			if (cached) return cached;
			const engine = (style: string) => new StyleEngine(style, cslLocales[LOCALE], options);
			engines ??= {
				apa: engine(CSL_STYLES.apa),
				chicago: engine(CSL_STYLES.chicago),
				chicagoShort: engine(CSL_STYLES.chicagoShort),
			};
			const items = styleItems(item);
			const chicago = engines.chicago.load(items.chicago);
			const result = {
				apa: engines.apa.load(items.apa).bibliography(),
				chicago: chicago.bibliography(),
				chicagoNote: chicago.note(),
				chicagoShortNote: engines.chicagoShort.load(items.chicago).note(),
			};
			if (key) options.cache?.set(key, result);
			return result;
		},
	};
}
