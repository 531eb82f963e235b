/**
 * What an import of a WordPress export would write, decided without touching a file: each post's
 * report, the authors to create, the labels and media that need a person, and the tallies of the
 * summary. `./apply.ts` compares the plan with what is on disk and writes it; `scripts/import.ts`
 * is the command.
 */
import { reportPath } from '../../../src/lib/routes.ts';
import { authorResolver } from './authors.ts';
import { convertPost, postKey, type MediaUse, type Note } from './html.ts';
import { labelResolver, type ImportMap, type Tables, type Target } from './mapping.ts';
import {
	chooseSlug,
	formerAddresses,
	MAX_SUMMARY,
	plainText,
	publishedDate,
	renderReportFile,
	reportStatus,
	TODO,
	type ReportFields,
} from './report.ts';
import type { WxrExport, WxrItem } from './wxr.ts';

/** A file the import would write, relative to the content folder. */
export interface PlannedFile {
	path: string;
	text: string;
	/** The post it comes from; undefined for an author. */
	post: string | undefined;
}

/** What became of one item of the export. */
export interface ItemOutcome {
	id: string;
	title: string;
	type: string;
	/** The file written for it, relative to the content folder. */
	path?: string;
	status?: 'published' | 'draft';
	/** Why it was not imported. */
	skipped?: string;
	/** Why it could not be imported: a person must act. */
	refused?: string;
	notes: Note[];
	line: number;
}

export interface UnknownLabel {
	label: string;
	suggestions: string[];
	ambiguous: string[];
	/** The posts that carry it. */
	posts: string[];
	/** Whether the mapping file lists it as TODO already. */
	todo: boolean;
}

export interface Plan {
	files: PlannedFile[];
	items: ItemOutcome[];
	/** Labels no rule places, by label. */
	unknownLabels: Map<string, UnknownLabel>;
	/** Authors the import creates: slug → name. */
	newAuthors: Map<string, string>;
	/** Files on the old site the imported posts use, each with the posts that use it. */
	media: Map<string, { as: MediaUse['as']; posts: string[] }>;
	/** Attachments in the WordPress media library, by URL, whether or not a post uses them. */
	library: string[];
	/** Posts that took the mapping file's default type because no label gave one. */
	defaultType: number;
	/** Comments in the export: the archive has none, so they are counted, not imported. */
	comments: number;
	publisher: string;
}

export interface PlanOptions {
	wxr: WxrExport;
	tables: Tables;
	map: ImportMap;
	/** Downloaded files: original URL → their path on this site and size in bytes. */
	media?: ReadonlyMap<string, { path: string; size: number }>;
	/** Called after each item, for a progress bar. */
	progress?: ((done: number, total: number) => void) | undefined;
}

/** Statuses WordPress puts in an export that are not posts anyone wrote. */
const NOT_CONTENT = new Set(['trash', 'auto-draft', 'inherit']);

function primaryLabel(
	item: WxrItem,
	resolve: ReturnType<typeof labelResolver>,
): string | undefined {
	const categories = item.labels.filter((l) => l.domain === 'category');
	return categories.find((c) => resolve(c.label, c.nicename).state !== 'ignored')?.label;
}

/** Plans the import of a whole export. */
export function planImport({ wxr, tables, map, media, progress }: PlanOptions): Plan {
	const publisher =
		map.publisher ?? (wxr.title || new URL(wxr.baseUrl || 'https://example.org').hostname);
	const resolve = labelResolver(map, tables);
	const authorFor = authorResolver(wxr.authors, map, tables, publisher);
	const base = wxr.baseUrl || wxr.link;
	const localPaths = new Map([...(media ?? [])].map(([url, m]) => [url, m.path]));
	const plan: Plan = {
		files: [],
		items: [],
		unknownLabels: new Map(),
		newAuthors: new Map(),
		media: new Map(),
		library: wxr.items
			.filter((i) => i.type === 'attachment' && i.attachmentUrl)
			.map((i) => i.attachmentUrl),
		defaultType: 0,
		comments: 0,
		publisher,
	};

	// First, every post's slug, so that links between posts can be kept working.
	const importable = wxr.items.filter(
		(i) => map.postTypes.includes(i.type) && !NOT_CONTENT.has(i.status),
	);
	const slugs = new Map<string, ReturnType<typeof chooseSlug>>();
	const claimed = new Map<string, string>();
	for (const item of importable) {
		let choice = chooseSlug(item, map.slugs.get(item.id));
		if ('slug' in choice) {
			const other = claimed.get(choice.slug);
			if (other) {
				choice = {
					refused: `its slug "${choice.slug}" is already post ${other}'s; give it another in the mapping file: slugs: { "${item.id}": ${choice.slug}-2 }`,
				};
			} else claimed.set(choice.slug, item.id);
		}
		slugs.set(item.id, choice);
	}
	const posts = new Map<string, string>();
	for (const item of importable) {
		const choice = slugs.get(item.id)!;
		if (!('slug' in choice) || reportStatus(item.status, item.password).status !== 'published')
			continue;
		for (const url of [item.link, item.guid, `${base.replace(/\/?$/, '/')}?p=${item.id}`]) {
			const key = url ? postKey(url, base) : undefined;
			if (key) posts.set(key, reportPath(choice.slug));
		}
	}

	const total = wxr.items.length;
	wxr.items.forEach((item, i) => {
		plan.comments += item.comments;
		const outcome: ItemOutcome = {
			id: item.id,
			title: plainText(item.title) || '(no title)',
			type: item.type,
			notes: [],
			line: item.line,
		};
		plan.items.push(outcome);
		progress?.(i + 1, total);
		if (!map.postTypes.includes(item.type)) {
			outcome.skipped =
				item.type === 'page'
					? 'it is a page, not a post'
					: item.type === 'attachment'
						? 'it is a file in the media library (listed with the media)'
						: `its post type is "${item.type}", not one the mapping file's postTypes lists (${map.postTypes.join(', ')})`;
			return;
		}
		if (NOT_CONTENT.has(item.status)) {
			outcome.skipped = `its status is "${item.status}"`;
			return;
		}
		const choice = slugs.get(item.id)!;
		if ('refused' in choice) {
			outcome.refused = choice.refused;
			return;
		}
		const slug = choice.slug;
		if (choice.note) outcome.notes.push({ kind: 'content', message: choice.note });

		// Labels.
		const targets: Target[] = [];
		for (const l of item.labels) {
			if (l.domain !== 'category' && l.domain !== 'post_tag') continue;
			const r = resolve(l.label, l.nicename);
			if (r.state === 'mapped') targets.push(...r.targets);
			else if (r.state === 'unknown') {
				const entry = plan.unknownLabels.get(l.label) ?? {
					label: l.label,
					suggestions: r.suggestions,
					ambiguous: r.ambiguous,
					posts: [],
					todo: r.todo,
				};
				if (!entry.posts.includes(item.id)) entry.posts.push(item.id);
				plan.unknownLabels.set(l.label, entry);
			}
		}
		const terms = (kind: Exclude<Target['kind'], 'type'>) => [
			...new Set(targets.flatMap((t) => (t.kind === kind ? [t.slug] : []))),
		];
		const types = [...new Set(targets.flatMap((t) => (t.kind === 'type' ? [t.type] : [])))];
		let type = types[0];
		if (!type) {
			type = map.type ?? 'analysis';
			plan.defaultType++;
		}
		if (types.length > 1) {
			outcome.notes.push({
				kind: 'content',
				message: `its labels give it the types ${types.join(' and ')}; it is a ${type}`,
			});
		}

		// Author.
		const author = authorFor(item.creator);
		if (author.state === 'new' && !plan.newAuthors.has(author.slug)) {
			plan.newAuthors.set(author.slug, author.name);
			plan.files.push({ path: author.path, text: author.text, post: undefined });
		}

		// Fields.
		const status = reportStatus(item.status, item.password);
		if (status.note) outcome.notes.push({ kind: 'content', message: status.note });
		const date = publishedDate(item.date);
		if (date.note) outcome.notes.push({ kind: 'content', message: date.note });
		let title = plainText(item.title);
		if (!title) {
			title = TODO;
			outcome.notes.push({
				kind: 'content',
				message: 'it has no title: write one in place of TODO',
			});
		}
		let summary = plainText(item.excerpt);
		if (!summary) {
			summary = TODO;
			outcome.notes.push({
				kind: 'content',
				message: 'it has no excerpt: write a summary of one or two sentences in place of TODO',
			});
		} else if (summary.length > MAX_SUMMARY) {
			outcome.notes.push({
				kind: 'content',
				message: `its excerpt is ${summary.length} characters, more than the ${MAX_SUMMARY} a summary may have: shorten it (it begins "${summary.slice(0, 60)}…")`,
			});
			summary = TODO;
		}
		const converted = convertPost(item.content, {
			base,
			media: localPaths,
			posts,
			footnotes: item.meta.footnotes,
			title,
		});
		outcome.notes.push(...converted.notes);
		for (const use of converted.media) {
			const entry = plan.media.get(use.url) ?? { as: use.as, posts: [] };
			if (!entry.posts.includes(item.id)) entry.posts.push(item.id);
			plan.media.set(use.url, entry);
		}
		const attachments = converted.attachments.map((a) => {
			const local = a.url === undefined ? undefined : media?.get(a.url);
			return local ? { ...a, url: local.path, size: local.size } : a;
		});
		const link =
			item.status === 'publish' && /^https?:\/\//.test(item.link) && !/[?&]p=\d+/.test(item.link)
				? item.link
				: undefined;
		const fields: ReportFields = {
			title,
			summary,
			type,
			status: status.status,
			published: date.published,
			authors: author.state === 'none' ? [] : [author.slug],
			groups: terms('groups'),
			regions: terms('regions'),
			topics: terms('topics'),
			source: {
				publisher,
				url: link ?? (/^https?:\/\//.test(base) ? base : undefined),
				label: primaryLabel(item, resolve),
				note: `Imported from the WordPress export of ${publisher} (post ${item.id}).`,
			},
			attachments,
			aliases: formerAddresses(item, base, slug),
		};
		const path = `reports/${slug}.${converted.format}`;
		outcome.path = path;
		outcome.status = status.status;
		plan.files.push({ path, text: renderReportFile(fields, converted.body), post: item.id });
	});
	return plan;
}
