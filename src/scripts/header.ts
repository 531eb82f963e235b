/**
 * The one script on every page, and a small one. It imports nothing, so that it shares no chunk
 * with the search page's script (a shared chunk costs the search page a round trip); the paths it
 * needs are written into the header by SiteHeader.astro, from src/lib/routes.ts.
 *
 * - `/` focuses the search field (the header's, or the search page's own);
 * - a reader who starts typing in the header's search field gets what the search page loads
 *   first fetched meanwhile (`<link rel="prefetch">`), so the search page finds it in the cache;
 * - a page opened from a search result (`?highlight=Kundoz&highlight=IS-K`) gets those words
 *   marked where the report writes them, by Pagefind's highlighter, loaded only then;
 * - the service worker that keeps pages for offline reading is registered
 *   (src/sw/service-worker.ts; nothing is stored without this script).
 *
 * The paths in the header's attributes already carry the site's base (a sub-path, if any).
 */
const header = document.querySelector<HTMLElement>('[data-search-ahead]');

function isTyping(target: EventTarget | null): boolean {
	return (
		target instanceof HTMLElement &&
		(target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
	);
}

document.addEventListener('keydown', (event) => {
	if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
	if (isTyping(event.target)) return;
	const field = [
		...document.querySelectorAll<HTMLInputElement>('input[aria-keyshortcuts="/"]'),
	].find((f) => !f.closest('[hidden]'));
	if (!field) return;
	event.preventDefault();
	field.focus();
	field.select();
});

document.querySelector('#site-search')?.addEventListener(
	'input',
	() => {
		for (const href of header?.dataset.searchAhead?.split(' ') ?? []) {
			const hint = document.createElement('link');
			hint.rel = 'prefetch';
			hint.href = href;
			document.head.append(hint);
		}
	},
	{ once: true },
);

const highlighter = header?.dataset.highlighter;
if (highlighter && new URLSearchParams(location.search).has('highlight')) {
	type Highlighter = new (options: {
		highlightParam: string;
		markContext: string;
		markOptions: Record<string, unknown>;
		addStyles: boolean;
	}) => unknown;
	// addStyles: false, because its inline <style> would be refused by the Content Security
	// Policy; the site's own CSS styles `mark`. The words come as the report writes them, so they
	// are matched whole ("IS-K" does not mark the end of "ISIS-K"), punctuation around them aside.
	void (import(/* @vite-ignore */ highlighter) as Promise<{ default: Highlighter }>)
		.then(({ default: PagefindHighlight }) => {
			new PagefindHighlight({
				highlightParam: 'highlight',
				// The report's indexed text: Report.astro's article, the one marked
				// data-pagefind-body (named by its class, so that no page says "pagefind-body"
				// but one that is indexed: this script is inlined into every page).
				markContext: 'article.report',
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

// The service worker, once the page has loaded so that it never competes with the page itself on a
// slow connection. Built sites only: `astro dev` has no /sw.js. Its scope is the site's base.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
	const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
	const register = () => {
		navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => undefined);
	};
	if (document.readyState === 'complete') register();
	else window.addEventListener('load', register, { once: true });
}
