/**
 * The one script on every page, and a small one:
 *
 * - `/` focuses the search field;
 * - a reader who starts typing in the header's search field gets the search engine fetched
 *   meanwhile (`<link rel="prefetch">`), so the search page finds it in the cache;
 * - a page opened from a search result (`?highlight=Kundoz&highlight=IS-K`) gets those words
 *   marked where the report writes them, by Pagefind's highlighter, loaded only then.
 */
import { SEARCH_PATH, SEARCH_TERMS_PATH } from '../lib/routes.ts';
import { loadPagefindModule, PAGEFIND_BASE } from './pagefind-api.ts';

function isTyping(target: EventTarget | null): boolean {
	return (
		target instanceof HTMLElement &&
		(target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
	);
}

document.addEventListener('keydown', (event) => {
	if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
	if (isTyping(event.target)) return;
	const field =
		document.querySelector<HTMLInputElement>('search-page input[name="q"]') ??
		document.querySelector<HTMLInputElement>('#site-search');
	if (!field || field.closest('[hidden]')) return;
	event.preventDefault();
	field.focus();
	field.select();
});

/** What the search page loads first; fetched ahead while the reader types in the header. */
const AHEAD = [
	SEARCH_PATH,
	`${PAGEFIND_BASE}pagefind.js`,
	`${PAGEFIND_BASE}pagefind-worker.js`,
	`${PAGEFIND_BASE}wasm.en.pagefind`,
	SEARCH_TERMS_PATH,
];
const headerField = document.querySelector<HTMLInputElement>('#site-search');
headerField?.addEventListener(
	'input',
	() => {
		for (const href of AHEAD) {
			const hint = document.createElement('link');
			hint.rel = 'prefetch';
			hint.href = href;
			document.head.append(hint);
		}
	},
	{ once: true },
);

if (new URLSearchParams(location.search).has('highlight')) {
	type Highlighter = new (options: {
		highlightParam: string;
		markContext: string;
		markOptions: Record<string, unknown>;
		addStyles: boolean;
	}) => unknown;
	// addStyles: false, because its inline <style> would be refused by the Content Security
	// Policy; the site's own CSS styles `mark`. The words come as the report writes them, so they
	// are matched whole ("IS-K" does not mark the end of "ISIS-K"), punctuation around them aside.
	void loadPagefindModule<{ default: Highlighter }>('pagefind-highlight.js')
		.then(({ default: PagefindHighlight }) => {
			new PagefindHighlight({
				highlightParam: 'highlight',
				markContext: '[data-pagefind-body]',
				markOptions: {
					className: 'pagefind-highlight',
					exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'],
					accuracy: {
						value: 'exactly',
						limiters: [
							',',
							'.',
							';',
							':',
							'!',
							'?',
							'(',
							')',
							'"',
							"'",
							'“',
							'”',
							'‘',
							'’',
							'—',
							'–',
						],
					},
				},
				addStyles: false,
			});
		})
		.catch(() => undefined);
}
