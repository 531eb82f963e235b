/**
 * html-validate's configuration for the site's HTML, shared by the gate over dist/
 * (./html-validate.test.ts) and the paginated fixture (tests/integration/pagination.test.ts).
 */
import type { ConfigData } from 'html-validate';

export const CONFIG: ConfigData = {
	extends: ['html-validate:recommended'],
	rules: {
		// Lists styled without bullets carry role="list" on purpose: Safari with VoiceOver drops
		// the list semantics of a <ul> or <ol> whose list-style is none, and the role restores them.
		'no-redundant-role': 'off',
		// The RIS citation shown in a <pre> ends with "ER  - ", whose trailing space the RIS format
		// requires; the text is copied from the page as it is.
		'no-trailing-whitespace': 'off',
		// A report's <title> is its own title plus the site name; authors' titles are long, and
		// shortening them would change what readers bookmark and cite. Search engines truncate.
		'long-title': 'off',
	},
};
