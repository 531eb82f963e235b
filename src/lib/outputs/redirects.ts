/**
 * Permalinks: a report's `aliases` (its former URLs on this site) keep working. For each alias the
 * build writes a small redirect page at the alias's path (canonical link, immediate refresh, a
 * visible link, noindex) and a line in `_redirects`, which Netlify and Cloudflare Pages read to
 * answer with a real 301.
 *
 * An alias with a query string (`/?p=123`, WordPress's address for every post) cannot have a page
 * of its own: it goes into one list (`queryRedirectsFile`, see `../model/aliases.ts`) that the
 * home page and the 404 page read to forward the reader. Its path must be `/` or a path nothing
 * is built at (which a host answers with the 404 page).
 *
 * An alias must not take over a live URL, nor another alias: the build stops and names the file
 * and the alias. Whether a path is live is asked of the built output itself (`isTaken`), so pages,
 * feeds, images and files from `public/` are all covered, whoever added them.
 */
import { isQueryAlias, QUERY_REDIRECTS_PATH, queryAliasKey } from '../model/aliases.ts';
import { ContentError, type ContentIssue } from '../model/content-error.ts';

/** What the redirect planner needs to know about a public report. */
export interface RedirectSource {
	/** The report's path: `/reports/<slug>/`. */
	url: string;
	title: string;
	/** The report's content file, for error messages. */
	file: string;
	aliases: readonly string[];
}

/** One former URL and where it now leads. */
export interface Redirect {
	/** The alias as the author wrote it: `/2022/05/old-slug/`. */
	from: string;
	/** The report's path. */
	to: string;
	title: string;
	/**
	 * The file the redirect page is written to, relative to the output folder; undefined for an
	 * alias with a query string, which is forwarded from the list instead.
	 */
	outFile: string | undefined;
}

/** Where an alias's redirect page goes: `old/index.html` for `/old/` or `/old`, `old.html` as is. */
export function aliasOutFile(alias: string): string {
	const path = safeDecode(alias).replace(/^\/+/, '');
	if (path === '' || path.endsWith('/')) return `${path}index.html`;
	const last = path.slice(path.lastIndexOf('/') + 1);
	return last.includes('.') ? path : `${path}/index.html`;
}

function safeDecode(path: string): string {
	try {
		return decodeURI(path);
	} catch {
		return path;
	}
}

/** Why an alias cannot be served by a static host, or undefined when it can. */
function aliasProblem(alias: string): string | undefined {
	if (!alias.startsWith('/')) return 'must be a path on this site starting with /';
	if (alias.includes('#')) {
		return 'a fragment (#…) never reaches the server, so it cannot be redirected; give the path only';
	}
	if (isQueryAlias(alias) && !queryAliasKey(alias)) {
		return 'has a ? but no parameter after it; give the path only, or the path and its parameters (/?p=123)';
	}
	const path = alias.replace(/\?.*$/, '');
	if (path.split('/').some((segment) => segment === '..' || segment === '.')) {
		return 'must not contain "." or ".." segments';
	}
	return undefined;
}

/**
 * Pairs every alias with its report and checks that none collides with a live URL or with another
 * alias. `isTaken(file)` says whether the output already has a file at that path (relative to the
 * output folder). Throws one `ContentError` listing every problem.
 */
export function planRedirects(
	reports: readonly RedirectSource[],
	isTaken: (file: string) => boolean,
): Redirect[] {
	const issues: ContentIssue[] = [];
	const claimed = new Map<string, { file: string; alias: string }>();
	const redirects: Redirect[] = [];
	for (const report of reports) {
		report.aliases.forEach((alias, i) => {
			const field = `aliases[${i}]`;
			const problem = aliasProblem(alias);
			if (problem) {
				issues.push({ file: report.file, field, message: `"${alias}" ${problem}` });
				return;
			}
			if (isQueryAlias(alias)) {
				const key = queryAliasKey(alias)!;
				const path = alias.slice(0, alias.indexOf('?')) || '/';
				const page = aliasOutFile(path);
				const bare = page.replace(/\/?index\.html$/, '');
				const earlier = claimed.get(key);
				if (earlier) {
					const where =
						earlier.file === report.file ? 'this report lists it' : `${earlier.file} lists it`;
					issues.push({
						file: report.file,
						field,
						message: `alias "${alias}" is the same address as the alias "${earlier.alias}": ${where} already. Each former URL can lead to one report only`,
					});
					return;
				}
				if (page !== 'index.html' && (isTaken(page) || (bare !== '' && isTaken(bare)))) {
					issues.push({
						file: report.file,
						field,
						message: `alias "${alias}": ${path} is a live page, and only the home page and addresses that lead nowhere (the 404 page) forward a query string; give the path alone, or a query on /`,
					});
					return;
				}
				claimed.set(key, { file: report.file, alias });
				redirects.push({ from: alias, to: report.url, title: report.title, outFile: undefined });
				return;
			}
			const outFile = aliasOutFile(alias);
			// `old/index.html` is also served at `/old`; a file named `old` would be found first.
			const bare = outFile.replace(/\/?index\.html$/, '');
			const earlier = claimed.get(outFile);
			if (earlier) {
				const where =
					earlier.file === report.file ? 'this report lists it' : `${earlier.file} lists it`;
				issues.push({
					file: report.file,
					field,
					message: `alias "${alias}" is the same address as the alias "${earlier.alias}": ${where} already. Each former URL can lead to one report only`,
				});
				return;
			}
			if (isTaken(outFile) || (bare !== '' && bare !== outFile && isTaken(bare))) {
				const live = `/${outFile.replace(/index\.html$/, '')}`;
				issues.push({
					file: report.file,
					field,
					message: `alias "${alias}" collides with a live URL (${live}, built as ${outFile}); an alias must be a former address that nothing else uses`,
				});
				return;
			}
			claimed.set(outFile, { file: report.file, alias });
			redirects.push({ from: alias, to: report.url, title: report.title, outFile });
		});
	}
	if (issues.length) throw new ContentError(issues);
	return redirects;
}

/**
 * `_redirects` in the format Netlify and Cloudflare Pages share: `from to 301`, one per line. A
 * directory-style alias is listed with and without its trailing slash, so both spellings of the
 * old link get the 301.
 */
export function redirectsFile(redirects: readonly Redirect[]): string {
	const lines = [
		'# Former URLs of reports (their `aliases`), answered with a permanent redirect.',
		'# Written by the build from the reports; edit the aliases in content/reports/, not this file.',
	];
	for (const r of redirects) {
		if (r.outFile === undefined) {
			// Netlify could match the query (`/ p=123 /to 301`), but Cloudflare Pages would misread the
			// line; the home and 404 pages forward these from the query list instead.
			lines.push(
				`# ${r.from} → ${r.to} (a query address: forwarded by the page, see ${QUERY_REDIRECTS_PATH})`,
			);
			continue;
		}
		const from = encodeURI(safeDecode(r.from));
		const forms = from.endsWith('/') && from !== '/' ? [from.slice(0, -1), from] : [from];
		for (const form of forms) lines.push(`${form} ${r.to} 301`);
	}
	return `${lines.join('\n')}\n`;
}

/**
 * The list of query addresses (`QUERY_REDIRECTS_PATH`): each alias's key (`/?p=123`) and the
 * report it leads to, sorted, as JSON.
 */
export function queryRedirectsFile(redirects: readonly Redirect[]): string {
	const entries = redirects
		.filter((r) => r.outFile === undefined)
		.map((r) => [queryAliasKey(r.from)!, r.to] as const)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `${JSON.stringify(Object.fromEntries(entries))}\n`;
}

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/**
 * The page served at an alias on hosts that ignore `_redirects`: it refreshes at once to the
 * report (by a root-relative path, so it works on any host name), names the absolute canonical
 * URL for search engines, asks not to be indexed, and shows a link for readers whose browser does
 * not follow the refresh. No script and no stylesheet.
 */
export function redirectPage(
	redirect: Pick<Redirect, 'to' | 'title'>,
	site: string,
	lang: string,
): string {
	const canonical = escapeHtml(new URL(redirect.to, site).href);
	const to = escapeHtml(redirect.to);
	const title = escapeHtml(redirect.title);
	return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Moved: ${title}</title>
<link rel="canonical" href="${canonical}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${to}">
</head>
<body>
<p>This report has a new address: <a href="${to}">${title}</a>.</p>
</body>
</html>
`;
}
