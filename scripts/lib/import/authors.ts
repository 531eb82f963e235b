/**
 * WordPress users as the archive's authors. A post's author (`dc:creator`, a login) is found in
 * the mapping file, else by the user's display name or login through the authors' alias table;
 * an author the archive does not have yet is created in `content/authors/`, with a note in the
 * file saying where it came from and what to check. E-mail addresses are never copied.
 */
import type { AuthorData } from '../../../src/lib/model/schema.ts';
import { slugFromTitle } from '../scaffold.ts';
import type { ImportMap, Tables } from './mapping.ts';
import type { WxrAuthor } from './wxr.ts';

export type AuthorChoice =
	| { state: 'known'; slug: string }
	| { state: 'none' }
	| { state: 'new'; slug: string; name: string; path: string; text: string };

/** The text of an author file the import creates. */
export function renderNewAuthor(
	name: string,
	login: string,
	affiliation: string | undefined,
): string {
	const data: Pick<AuthorData, 'name' | 'kind'> & { affiliation?: string } = {
		name,
		kind: 'person',
	};
	if (affiliation) data.affiliation = affiliation;
	const lines = [`name: ${JSON.stringify(data.name)}`, `kind: ${data.kind}`];
	if (data.affiliation) lines.push(`affiliation: ${JSON.stringify(data.affiliation)}`);
	return `---\n${lines.join('\n')}\n---\n\nCreated by the WordPress import from the user "${login}". Check the name as it should appear in bylines, change \`kind\` to \`desk\` if this is an institutional byline rather than a person, and write a short biography here.\n`;
}

/** Decides each login's author once; new authors get distinct slugs. */
export function authorResolver(
	users: readonly WxrAuthor[],
	map: ImportMap,
	tables: Tables,
	affiliation: string | undefined,
): (login: string) => AuthorChoice {
	const byLogin = new Map(users.map((u) => [u.login, u]));
	const decided = new Map<string, AuthorChoice>();
	const taken = new Set(tables.authors.terms.map((t) => t.slug));
	return (login) => {
		const earlier = decided.get(login);
		if (earlier) return earlier;
		let choice: AuthorChoice;
		const mapped = map.authors.get(login);
		const user = byLogin.get(login);
		const name =
			user?.displayName || [user?.firstName, user?.lastName].filter(Boolean).join(' ') || login;
		if (mapped === 'none' || !login) choice = { state: 'none' };
		else if (mapped) choice = { state: 'known', slug: mapped };
		else {
			const found = tables.authors.get(name) ?? tables.authors.get(login);
			if (found) choice = { state: 'known', slug: found.slug };
			else {
				const base = slugFromTitle(name) || slugFromTitle(login) || 'author';
				let slug = base;
				for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
				taken.add(slug);
				choice = {
					state: 'new',
					slug,
					name,
					path: `authors/${slug}.md`,
					text: renderNewAuthor(name, login, affiliation),
				};
			}
		}
		decided.set(login, choice);
		return choice;
	};
}
