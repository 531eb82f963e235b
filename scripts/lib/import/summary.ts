/**
 * What the import tells the editor at the end: the tallies (posts read, reports written, drafts,
 * unknown labels, shortcodes, media), then everything that needs a person, post by post.
 */
import type { Decision } from './apply.ts';
import type { FetchFailure, Fetched } from './download.ts';
import type { Plan } from './plan.ts';

export interface RunFacts {
	source: string;
	site: string;
	version: string;
	mapFile: string;
	/** Whether the mapping file was written (new TODO labels, or created). */
	mapWritten: boolean;
	decisions: Decision[];
	removed: string[];
	dryRun: boolean;
	download?: { fetched: Fetched[]; failed: FetchFailure[] } | undefined;
	/** Downloaded before, or now: original URL → path on the site. */
	local: ReadonlyMap<string, string>;
	contentLabel: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A text bar for long runs: `[=========>          ] 512/1000 posts`. */
export function progressBar(done: number, total: number, what: string, width = 30): string {
	const filled = total ? Math.round((done / total) * width) : width;
	const bar =
		'='.repeat(Math.max(0, filled - 1)) +
		(filled ? (done === total ? '=' : '>') : '') +
		' '.repeat(width - filled);
	return `[${bar}] ${done}/${total} ${what}`;
}

const ACTION_WORDS: Record<Decision['action'], string> = {
	new: 'new',
	updated: 'updated',
	unchanged: 'unchanged',
	overwritten: 'overwritten (--force)',
	'kept-edited': 'kept: edited since the import wrote them (--force overwrites)',
	'kept-foreign': 'kept: not written by the import (--force overwrites)',
	'kept-deleted': 'not recreated: deleted since the import wrote them (--force recreates)',
};

/** The summary, as lines. */
export function summarize(plan: Plan, facts: RunFacts): string[] {
	const out: string[] = [];
	const posts = plan.items.filter((i) => i.path || i.refused);
	const written = plan.items.filter((i) => i.path);
	const drafts = written.filter((i) => i.status === 'draft');
	const would = facts.dryRun ? 'would be ' : '';
	out.push(
		`${facts.source}: ${facts.site} (WXR ${facts.version}), ${plural(plan.items.length, 'item')}`,
	);
	out.push(
		`Posts read: ${posts.length}. Reports ${would}written: ${written.length} (${written.length - drafts.length} published, ${plural(drafts.length, 'draft')})${facts.dryRun ? ' [dry run: nothing was written]' : ''}`,
	);
	const refused = plan.items.filter((i) => i.refused);
	if (refused.length) {
		out.push(`Refused: ${plural(refused.length, 'post')} (not written; fix and run again):`);
		for (const r of refused)
			out.push(`  - post ${r.id} "${r.title}" (line ${r.line}): ${r.refused}`);
	}
	const skipped = plan.items.filter((i) => i.skipped);
	if (skipped.length) {
		const byReason = new Map<string, string[]>();
		for (const s of skipped)
			byReason.set(s.skipped!, [...(byReason.get(s.skipped!) ?? []), s.title]);
		out.push(`Not imported: ${plural(skipped.length, 'item')}:`);
		for (const [reason, titles] of byReason) {
			const shown = titles
				.slice(0, 5)
				.map((t) => `"${t}"`)
				.join(', ');
			out.push(
				`  - ${titles.length} because ${reason}: ${shown}${titles.length > 5 ? `, and ${titles.length - 5} more` : ''}`,
			);
		}
	}
	if (plan.comments)
		out.push(
			`Comments: ${plan.comments} in the export, not imported (the archive has no comments).`,
		);
	if (plan.newAuthors.size) {
		out.push(
			`Authors ${would}created: ${plan.newAuthors.size} (check each; see the note in the file):`,
		);
		for (const [slug, name] of plan.newAuthors)
			out.push(`  - ${facts.contentLabel}/authors/${slug}.md: ${name}`);
	}
	if (plan.defaultType) {
		out.push(
			`Type: ${plural(plan.defaultType, 'post')} had no label giving a type and took the mapping file's default.`,
		);
	}
	if (plan.unknownLabels.size) {
		out.push(
			`Unknown labels: ${plan.unknownLabels.size}, not filed under any term (${facts.mapWritten ? 'added' : 'listed'} in ${facts.mapFile} as TODO: say what each means, then run again):`,
		);
		for (const u of [...plan.unknownLabels.values()].sort((a, b) =>
			a.label.localeCompare(b.label),
		)) {
			const near = u.ambiguous.length
				? `names ${u.ambiguous.join(' and ')}`
				: u.suggestions.length
					? `nearest: ${u.suggestions.join(', ')}`
					: 'no term is near';
			out.push(
				`  - "${u.label}" on ${plural(u.posts.length, 'post')} (${u.posts.slice(0, 5).join(', ')}${u.posts.length > 5 ? ', …' : ''}): ${near}`,
			);
		}
	} else out.push('Labels: every category and tag is placed.');
	const codes = new Map<string, number>();
	for (const i of plan.items) {
		for (const n of i.notes) {
			const m = /no rule here knows the \[([^\]]+)\] shortcode/.exec(n.message);
			if (m) codes.set(m[1]!, (codes.get(m[1]!) ?? 0) + 1);
		}
	}
	if (codes.size) {
		out.push(
			`Shortcodes kept as written (readers see them; each needs a person): ${[...codes].map(([c, n]) => `[${c}] in ${plural(n, 'post')}`).join(', ')}`,
		);
	}
	const remote = [...plan.media].filter(([url]) => !facts.local.has(url));
	out.push(
		`Media: ${plural(plan.media.size, 'file')} used by the posts, ${facts.local.size ? `${[...plan.media.keys()].filter((u) => facts.local.has(u)).length} in public${'/media/'}` : 'none downloaded'}; ${plan.library.length} in the WordPress media library.`,
	);
	if (remote.length) {
		out.push(
			`  Still on the old site${facts.download ? '' : ' (run with --download to bring them in)'}:`,
		);
		for (const [url, m] of remote.slice(0, 50))
			out.push(`  - ${url} (${m.as}, post ${m.posts.join(', ')})`);
		if (remote.length > 50) out.push(`  - and ${remote.length - 50} more`);
	}
	if (facts.download) {
		const stripped = facts.download.fetched.filter((f) => f.removed.length);
		out.push(
			`Downloaded: ${facts.download.fetched.length}${stripped.length ? `, metadata removed from ${plural(stripped.length, 'image')}` : ''}; failed: ${facts.download.failed.length}`,
		);
		for (const f of facts.download.failed) out.push(`  - ${f.url}: ${f.reason}`);
	}
	const review = plan.items.filter((i) => i.path && i.notes.length);
	if (review.length) {
		out.push(`Needs a person: ${plural(review.length, 'report')}:`);
		for (const r of review) {
			out.push(`  ${facts.contentLabel}/${r.path} (post ${r.id}, "${r.title}"):`);
			for (const n of r.notes) out.push(`    - ${n.message}`);
		}
	}
	const tally = new Map<string, number>();
	for (const d of facts.decisions) tally.set(d.action, (tally.get(d.action) ?? 0) + 1);
	const parts = [...tally].map(([a, n]) => `${n} ${ACTION_WORDS[a as Decision['action']]}`);
	out.push(
		`Files${facts.dryRun ? ' (dry run)' : ''}: ${parts.join('; ') || 'none'}${facts.mapWritten ? `; ${facts.mapFile} ${facts.dryRun ? 'would be ' : ''}written` : ''}`,
	);
	for (const d of facts.decisions.filter((d) => d.action.startsWith('kept'))) {
		out.push(`  - ${d.path}: ${ACTION_WORDS[d.action]}`);
	}
	for (const r of facts.removed)
		out.push(`  - ${r}: ${would}removed (its post is now written to another file)`);
	return out;
}
