/**
 * The one script on every page, and a small one: `/` focuses the search field, a page opened
 * from a search result (`?highlight=…`) gets the searched words highlighted by Pagefind's
 * highlighter, which is loaded only then, and the service worker that keeps pages for offline
 * reading is registered (src/sw/service-worker.ts; nothing is stored without this script).
 */
import { loadPagefindModule } from './pagefind-api.ts';

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
		document.querySelector<HTMLInputElement>('[data-search] input[name="q"]') ??
		document.querySelector<HTMLInputElement>('#site-search');
	if (!field || field.closest('[hidden]')) return;
	event.preventDefault();
	field.focus();
	field.select();
});

if (new URLSearchParams(location.search).has('highlight')) {
	type Highlighter = new (options: {
		highlightParam: string;
		markContext: string;
		addStyles: boolean;
	}) => unknown;
	// addStyles: false, because its inline <style> would be refused by the Content Security
	// Policy; the site's own CSS styles `mark`.
	void loadPagefindModule<{ default: Highlighter }>('pagefind-highlight.js')
		.then(({ default: PagefindHighlight }) => {
			new PagefindHighlight({
				highlightParam: 'highlight',
				markContext: '[data-pagefind-body]',
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
