/**
 * The one script on every page, and a small one: `/` focuses the search field, and a page opened
 * from a search result (`?highlight=…`) gets the searched words highlighted by Pagefind's
 * highlighter, which is loaded only then.
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
