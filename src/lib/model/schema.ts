/**
 * The content model in one place. `src/content.config.ts` wires these schemas to the folders under
 * `content/`; tests run them directly against fixture files. Each field's JSDoc is what it means to
 * an author.
 *
 * References to groups, regions, topics and authors are plain strings here (a slug, a name or an
 * alias); they are resolved, with did-you-mean suggestions for unknown terms, by `./archive.ts`,
 * because Astro's own `reference()` only warns on a dangling reference.
 */
import { z } from 'astro/zod';
import { PARTIAL_DATE_FORMS, parsePartialDate, type PartialDate } from './dates.ts';
import { REPORT_TYPES } from './report-types.ts';
import { siteOrWebUrlProblem } from './urls.ts';

/** A date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; its precision is kept. */
export const partialDateSchema = z
	.union([z.string(), z.number(), z.date()], {
		error: `expected a date written as ${PARTIAL_DATE_FORMS}`,
	})
	.transform((value, ctx): PartialDate => {
		const parsed = parsePartialDate(value);
		if ('error' in parsed) {
			ctx.addIssue({ code: 'custom', message: parsed.error });
			return z.NEVER;
		}
		return parsed;
	});

const ISO_WITH_OFFSET =
	/^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Why an ISO date-time with offset is not a real instant, or undefined when it is one. */
function instantProblem(text: string): string | undefined {
	const m = ISO_WITH_OFFSET.exec(text);
	if (!m) return 'is not a date-time with a time-zone offset';
	const day = parsePartialDate(m[1]);
	if ('error' in day) return `has an impossible date: ${day.error}`;
	const [hh, mm, ss = '0', oh = '0', om = '0'] = m.slice(2);
	if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59 || Number(oh) > 23 || Number(om) > 59) {
		return 'has an impossible time';
	}
	return undefined;
}

/**
 * An instant: an ISO 8601 date-time with a time-zone offset, e.g. `"2026-12-01T09:00:00+01:00"`.
 * Quote it, so that YAML keeps the offset as written.
 */
export const instantSchema = z
	.union([z.string(), z.date()], {
		error: 'expected a date-time with a time-zone offset, e.g. "2026-12-01T09:00:00+01:00"',
	})
	.transform((value, ctx): Date => {
		if (value instanceof Date) return value;
		const problem = instantProblem(value.trim());
		if (problem) {
			ctx.addIssue({
				code: 'custom',
				message: `"${value}" ${problem}; write e.g. "2026-12-01T09:00:00+01:00" or "2026-12-01T08:00:00Z"`,
			});
			return z.NEVER;
		}
		return new Date(value);
	});

/**
 * One line of plain text: a title or a name, which goes into headings, feeds, citations and the
 * page title, where a line break (a YAML `|` block) or a control character has no place.
 */
const oneLine = (max?: number) =>
	(max === undefined ? z.string().trim().min(1) : z.string().trim().min(1).max(max)).refine(
		(text) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(text),
		{ error: 'contains a line break or a control character; write it on one line' },
	);

/**
 * A URL in frontmatter: a web address (`https://…`, `http://…`) or a path on this site (`/…`).
 * Every URL field uses this one rule: a `javascript:` address would become a live link on the
 * page and in `/reports.json`, and one starting with `//` leads to another site.
 */
export const urlSchema = z.string().superRefine((url, ctx) => {
	const problem = siteOrWebUrlProblem(url);
	if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Term references: a slug, name or alias of an entry in the matching collection. */
const termList = z.array(z.string().trim().min(1)).default([]);

export const ATTACHMENT_FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'json', 'zip', 'other'] as const;

/** A file that belongs to a report, such as the original PDF. */
export const attachmentSchema = z.strictObject({
	/** What the file is, as readers see it: "Full report (PDF)". */
	title: oneLine(),
	/** Where it is: an absolute https URL, or a path on this site starting with `/`. */
	url: urlSchema,
	/** The file format. */
	format: z.enum(ATTACHMENT_FORMATS),
	/** Size in bytes, when known. */
	size: z.number().int().positive().optional(),
	/** True when this file is the report's full text and the page only summarises it. */
	fullText: z.boolean().default(false),
});

/** Where a report first appeared: the source of record readers should be able to cite. */
export const sourceSchema = z.strictObject({
	/** Who first published it: "Rise to Peace". */
	publisher: oneLine(),
	/** The original page, or the original site when the page is not known: https://… or /…. */
	url: urlSchema.optional(),
	/** The category label the original site printed above the report, kept for the record. */
	label: oneLine().optional(),
	/** Anything else a reader should know about the provenance. */
	note: z.string().trim().min(1).optional(),
});

export const REPORT_STATUSES = ['draft', 'published'] as const;

export const reportSchema = z.strictObject({
	/** The headline. Plain text on one line, 200 characters at most. */
	title: oneLine(200),
	/**
	 * The title in sentence case, for APA citations, only when the automatic conversion gets it
	 * wrong (a proper noun the archive does not know): "Iran’s role in the Herat water dispute".
	 */
	titleSentenceCase: oneLine(200).optional(),
	/** One or two sentences shown in listings, feeds and search results. 400 characters at most. */
	summary: z.string().trim().min(1).max(400),
	/** What kind of report it is: brief, analysis, special-report or backgrounder. */
	type: z.enum(REPORT_TYPES),
	/**
	 * `draft` (seen by no reader; shown only in previews) or `published` (public, once any `embargo`
	 * has passed).
	 */
	status: z.enum(REPORT_STATUSES),
	/** Not public before this instant (checked at build time). A date-time with an offset, quoted. */
	embargo: instantSchema.optional(),
	/**
	 * Publication date at the precision known, in quotes: `"2022"`, `"2022-05"` or `"2022-05-07"`. Never
	 * invent a day.
	 */
	published: partialDateSchema,
	/** Date of the last substantive correction or update, in the same form. */
	updated: partialDateSchema.optional(),
	/** Authors or desks (content/authors/), by slug, name or alias. Leave out for an unsigned report. */
	authors: termList,
	/** Armed groups the report is about, by slug, name or alias (content/groups/). */
	groups: termList,
	/** Countries, provinces and cities the report is about (content/regions/). */
	regions: termList,
	/** Topics (content/topics/). */
	topics: termList,
	/** Provenance: the original publisher and page. */
	source: sourceSchema.optional(),
	/** Files that belong to the report, such as the original PDF. */
	attachments: z.array(attachmentSchema).default([]),
	/**
	 * Earlier URLs of this report on this site (paths starting with `/`); they keep working. A path
	 * with a query string (WordPress's `/?p=123`) is forwarded by the home page's script.
	 */
	aliases: z
		.array(
			z.string().regex(/^\/\S*$/, { error: 'must be a path starting with / and without spaces' }),
		)
		.default([]),
	/** A series the report belongs to, by name. */
	series: oneLine().optional(),
	/**
	 * Reports to show as related first, by slug (file name without extension). Not a draft; one under
	 * embargo is shown once its embargo has passed.
	 */
	related: z.array(z.string().trim().min(1)).default([]),
});

/** Alternative spellings and acronyms: every one finds the same term. */
const aliases = z.array(z.string().trim().min(1)).default([]);

/** An armed group. The Markdown body is its short profile. */
export const groupSchema = z.strictObject({
	/** The name used in headings and links: "Islamic State Khorasan Province (IS-K)". */
	name: oneLine(),
	/** A short form for tight spaces such as report metadata: "IS-K". */
	shortName: oneLine().optional(),
	aliases,
});

export const REGION_KINDS = ['country', 'province', 'city'] as const;

/** A country, province or city. The Markdown body is its short profile. */
export const regionSchema = z.strictObject({
	/** The name used in headings and links: "Kunduz". */
	name: oneLine(),
	/** country, province or city. */
	kind: z.enum(REGION_KINDS),
	/** The slug of the region that contains this one (a province's country, a city's province). */
	parent: z.string().trim().min(1).optional(),
	aliases,
});

/** A topic. The Markdown body is its short description. */
export const topicSchema = z.strictObject({
	/** The name used in headings and links: "Counter-terrorism". */
	name: oneLine(),
	aliases,
});

export const AUTHOR_KINDS = ['person', 'desk'] as const;

/**
 * An author: a person, or a desk (an institutional or anonymous byline such as "Counter-Terrorism
 * Research Fellow"). The Markdown body is a short biography.
 */
export const authorSchema = z.strictObject({
	/** The byline as printed. */
	name: oneLine(),
	/** `person` for a named individual, `desk` for an institutional or anonymous byline. */
	kind: z.enum(AUTHOR_KINDS),
	/** The organisation the author wrote for, when the byline names one. */
	affiliation: oneLine().optional(),
	/**
	 * A person's family name as it appears in `name`, for citations, when it is not the last word
	 * ("van der Berg", or a family name written first).
	 */
	family: oneLine().optional(),
	aliases,
});

export type ReportData = z.output<typeof reportSchema>;
export type GroupData = z.output<typeof groupSchema>;
export type RegionData = z.output<typeof regionSchema>;
export type TopicData = z.output<typeof topicSchema>;
export type AuthorData = z.output<typeof authorSchema>;
export type Attachment = z.output<typeof attachmentSchema>;
