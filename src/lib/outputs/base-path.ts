/**
 * A site served under a sub-path (`https://example.org/briefs/`, Astro's `base`): every page
 * links to others by site path (`/reports/a/`, made in `src/lib/routes.ts`), and here, once a page
 * is rendered, each such link in its HTML is given the base (`/briefs/reports/a/`). Doing it on
 * the finished HTML covers every link whatever made it: components, the Markdown of reports,
 * MDX. `src/middleware.ts` applies it to each page as it is rendered; at the root of a host
 * (base `/`) nothing is done.
 *
 * The scan reads tags as an HTML tokenizer does: comments, doctypes and end tags are skipped,
 * attribute values are read quoted or unquoted, and the raw text of `script`, `style`, `textarea`
 * and `title` is never touched, so a link written as text in a code sample stays as written.
 */
import { withBase } from '../routes.ts';

/** The attributes whose value is one URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'formaction', 'data']);
/** Elements whose content is raw text, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

const isSpace = (c: string | undefined) =>
	c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** `srcset` ("a.png 1x, b.png 2x"): each candidate's URL gets the base. */
function rebaseSrcset(value: string, base: string): string {
	return value
		.split(',')
		.map((candidate) => {
			const lead = /^\s*/.exec(candidate)?.[0] ?? '';
			const rest = candidate.slice(lead.length);
			const [url = '', ...descriptors] = rest.split(/(\s+)/);
			return lead + withBase(url, base) + descriptors.join('');
		})
		.join(',');
}

/** A page's HTML with every site path in a URL attribute put under `base`. */
export function rebaseHtml(html: string, base: string): string {
	if (base === '/') return html;
	const out: string[] = [];
	let copied = 0;
	let i = 0;
	const n = html.length;
	while (i < n) {
		const lt = html.indexOf('<', i);
		if (lt < 0) break;
		if (html.startsWith('<!--', lt)) {
			const end = html.indexOf('-->', lt + 4);
			i = end < 0 ? n : end + 3;
			continue;
		}
		const next = html[lt + 1] ?? '';
		if (!/[a-zA-Z]/.test(next)) {
			// An end tag, a doctype, or a lone "<" in text.
			const end = next === '/' || next === '!' || next === '?' ? html.indexOf('>', lt) : lt;
			i = end < 0 ? n : end + 1;
			continue;
		}
		let j = lt + 1;
		while (j < n && !isSpace(html[j]) && html[j] !== '>' && html[j] !== '/') j++;
		const tag = html.slice(lt + 1, j).toLowerCase();
		// Attributes, until the tag's ">".
		while (j < n) {
			while (j < n && (isSpace(html[j]) || html[j] === '/')) j++;
			if (j >= n || html[j] === '>') break;
			const nameStart = j;
			while (j < n && !isSpace(html[j]) && html[j] !== '=' && html[j] !== '>' && html[j] !== '/')
				j++;
			const name = html.slice(nameStart, j).toLowerCase();
			while (j < n && isSpace(html[j])) j++;
			if (html[j] !== '=') continue;
			j++;
			while (j < n && isSpace(html[j])) j++;
			let valueStart: number;
			let valueEnd: number;
			const quote = html[j];
			if (quote === '"' || quote === "'") {
				valueStart = j + 1;
				valueEnd = html.indexOf(quote, valueStart);
				if (valueEnd < 0) valueEnd = n;
				j = valueEnd + 1;
			} else {
				valueStart = j;
				while (j < n && !isSpace(html[j]) && html[j] !== '>') j++;
				valueEnd = j;
			}
			if (!URL_ATTRIBUTES.has(name) && name !== 'srcset') continue;
			const value = html.slice(valueStart, valueEnd);
			const rebased = name === 'srcset' ? rebaseSrcset(value, base) : withBase(value, base);
			if (rebased === value) continue;
			out.push(html.slice(copied, valueStart), rebased);
			copied = valueEnd;
		}
		i = j + 1;
		if (RAW_TEXT.has(tag)) {
			const close = new RegExp(`</${tag}`, 'gi');
			close.lastIndex = i;
			i = close.exec(html)?.index ?? n;
		}
	}
	out.push(html.slice(copied));
	return out.join('');
}
