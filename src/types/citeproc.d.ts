/**
 * The part of citeproc-js (npm `citeproc`) this archive uses. The package ships no types; see
 * https://citeproc-js.readthedocs.io/ for the full API.
 */
declare module 'citeproc' {
	interface Sys {
		retrieveLocale(lang: string): string;
		retrieveItem(id: string): unknown;
	}
	interface Engine {
		setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
		updateItems(ids: string[]): void;
		makeBibliography(): [unknown, string[]] | false;
		makeCitationCluster(items: { id: string }[]): string;
		/** The item registry: internal, not documented; src/lib/citation/styles.ts reaches into it. */
		registry: unknown;
	}
	const CSL: {
		Engine: new (sys: Sys, style: string, lang?: string, forceLang?: boolean) => Engine;
	};
	export default CSL;
}
