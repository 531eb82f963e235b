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

/** A date known to the day, `YYYY-MM-DD`: what a change after publication is dated by. */
export const daySchema = partialDateSchema.refine((date) => date.precision === 'day', {
	error: 'give the day, written YYYY-MM-DD: a change is dated to the day it was made',
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

/** A URL that must be on another site (a web archive, a profile): the same rule, and not a path. */
export const webUrlSchema = urlSchema.refine((url) => !url.startsWith('/'), {
	error: 'must be a web address starting with https:// or http://, not a path on this site',
});

/** A number as a publisher writes it: `12`, or text on one line such as `"2022-04"`. */
const numberLike = z.union([oneLine(), z.number().int().nonnegative()]).transform(String);

/** Term references: a slug, name or alias of an entry in the matching collection. */
const termList = z.array(z.string().trim().min(1)).default([]);

export const ATTACHMENT_FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'json', 'zip', 'other'] as const;

/** A copy of a page or file in a web archive (the Wayback Machine, archive.today, …). */
export const archivedCopySchema = z.strictObject({
	/** The address of the archived copy: a web address. */
	url: webUrlSchema,
	/** The day the copy was taken, as the web archive gives it: `"2021-03-12"`. */
	date: daySchema,
});

/**
 * A file that belongs to a report, such as the original PDF: a copy kept in this repository
 * (`file`), the original address (`url`), or both.
 */
export const attachmentSchema = z.strictObject({
	/** What the file is, as readers see it: "Full report (PDF)". */
	title: oneLine(),
	/**
	 * A copy kept in this repository, as a path under the content folder: `files/report.pdf` for
	 * `content/files/report.pdf`. The site serves it at `/files/report.pdf`, with its size, page
	 * count (PDF) and SHA-256 worked out by the build. Its extension must be its `format` (a
	 * `.pdf` for `pdf`, …): a page, an image or a script is never kept here.
	 */
	file: z
		.string()
		.regex(/^files\/[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/, {
			error: 'must be a path under content/files/, e.g. files/report.pdf (letters, digits, . _ -)',
		})
		.refine((path) => !path.split('/').some((part) => part === '.' || part === '..'), {
			error: 'must not contain . or .. segments',
		})
		.optional(),
	/** Where the file was published: an absolute https URL, or a path on this site starting with `/`. */
	url: urlSchema.optional(),
	/** A copy of the original file in a web archive, with the day it was taken. */
	archived: archivedCopySchema.optional(),
	/** The file format. */
	format: z.enum(ATTACHMENT_FORMATS),
	/** Size in bytes, when known (worked out by the build for a kept `file`). */
	size: z.number().int().positive().optional(),
	/** Number of pages of a document, when known (worked out by the build for a kept PDF). */
	pages: z.number().int().positive().optional(),
	/** True when this file is the report's full text and the page only summarises it. */
	fullText: z.boolean().default(false),
});

/**
 * An attachment needs a kept copy, an original address, or both. A kept copy is served from the
 * site's own origin as its extension says, so it must be a document of its declared format: an
 * `.html` or `.svg` file kept here would be a page of this site that runs whatever it holds.
 */
const attachment = attachmentSchema
	.refine((a) => a.file !== undefined || a.url !== undefined, {
		error: 'give the file kept here (`file`), its original address (`url`), or both',
	})
	.superRefine((a, ctx) => {
		if (a.file === undefined) return;
		const extension = /\.([a-z0-9]+)$/i.exec(a.file)?.[1]?.toLowerCase();
		if (a.format === 'other' || extension !== a.format) {
			const kinds = ATTACHMENT_FORMATS.filter((f) => f !== 'other').join(', ');
			ctx.addIssue({
				code: 'custom',
				path: ['file'],
				message: `a file kept here must be a document whose extension is its format (${kinds}); "${a.file}" with format "${a.format}" is not: link to anything else by its url instead`,
			});
		}
	});

/** Where a report first appeared: the source of record readers should be able to cite. */
export const sourceSchema = z.strictObject({
	/** Who first published it: "Rise to Peace". */
	publisher: oneLine(),
	/** The original page, or the original site when the page is not known: https://… or /…. */
	url: urlSchema.optional(),
	/** The category label the original site printed above the report, kept for the record. */
	label: oneLine().optional(),
	/** A copy of the original page in a web archive, with the day it was taken. */
	archived: archivedCopySchema.optional(),
	/** Anything else a reader should know about the provenance. */
	note: z.string().trim().min(1).optional(),
});

/** A correction: something the report said that was wrong, and what it says now. */
export const correctionSchema = z.strictObject({
	/** The day the correction was made: `"2024-03-02"`. */
	date: daySchema,
	/** What the report said that was wrong, quoted or described. */
	was: z.string().trim().min(1).max(1000),
	/** What it says now. */
	now: z.string().trim().min(1).max(1000),
});

/** An update: a substantive addition after publication (not a correction of an error). */
export const updateSchema = z.strictObject({
	/** The day the report was updated: `"2024-05-14"`. */
	date: daySchema,
	/** What was added or changed, in a sentence: "Adds a section on the attacks of May 2024." */
	note: z.string().trim().min(1).max(1000),
});

/** Why and when a report was withdrawn. It stays at its address, marked, never removed. */
export const withdrawnSchema = z.strictObject({
	/** The day it was withdrawn. */
	date: daySchema,
	/** Why, in a sentence or two, shown at the top of the report. */
	reason: z.string().trim().min(1).max(1000),
});

/** The series a report belongs to, with its volume and issue when the series numbers them. */
export const seriesSchema = z.strictObject({
	/** The series' name: "Afghanistan Security Briefs". */
	name: oneLine(),
	/** The volume, when the series has volumes. */
	volume: numberLike.optional(),
	/** The issue within the series (or volume). */
	issue: numberLike.optional(),
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
	/**
	 * A short form of the title for Chicago short notes (four words or so, from the title's own words),
	 * only when the automatic one reads badly: "Afghanistan’s Economic Crisis".
	 */
	titleShort: oneLine(80).optional(),
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
	/**
	 * The day the report entered this archive, `"YYYY-MM-DD"`: what feeds date it by. Needed when
	 * `published` has no day (feeds need one and the archive never invents one).
	 */
	added: daySchema.optional(),
	/**
	 * Date of the last change not listed under `corrections` or `updates`, in the same form as
	 * `published`. The byline's "Last updated" is the latest of this and those.
	 */
	updated: partialDateSchema.optional(),
	/** Corrections made after publication, each dated, saying what was wrong and what it says now. */
	corrections: z.array(correctionSchema).default([]),
	/** Substantive updates after publication, each dated, saying what was added. */
	updates: z.array(updateSchema).default([]),
	/** The report that replaces this one, by slug. This report stays at its address, marked. */
	supersededBy: z.string().trim().min(1).optional(),
	/** Set when the report is withdrawn: the day and the reason. It stays at its address, marked. */
	withdrawn: withdrawnSchema.optional(),
	/** The report's number, when the publisher numbers its reports: `12` or `"2022-04"`. */
	number: numberLike.optional(),
	/** The report's DOI, without the resolver: `"10.1234/brief.12"`. */
	doi: z
		.string()
		.trim()
		.regex(/^10\.\d{4,9}\/\S+$/, {
			error: 'must be a DOI such as 10.1234/brief.12, without https://doi.org/',
		})
		.optional(),
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
	attachments: z.array(attachment).default([]),
	/**
	 * Earlier URLs of this report on this site (paths starting with `/`); they keep working. A path
	 * with a query string (WordPress's `/?p=123`) is forwarded by the home page's script.
	 */
	aliases: z
		.array(
			z.string().regex(/^\/\S*$/, { error: 'must be a path starting with / and without spaces' }),
		)
		.default([]),
	/**
	 * The series the report belongs to: its name (`"Khorasan Papers"`), or the name with its
	 * volume and issue (`{ name: "Khorasan Papers", volume: 2, issue: 3 }`).
	 */
	series: z
		.union([
			z
				.string()
				.trim()
				.min(1)
				.transform((name) => ({ name })),
			seriesSchema,
		])
		.optional(),
	/** Reports to show as related first, by slug (file name without extension). */
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

/** A link on an author's profile: their own site, a profile elsewhere. */
export const profileLinkSchema = z.strictObject({
	/** What the link is, as readers see it: "Personal site", "ORCID". */
	label: z.string().trim().min(1).max(80),
	/** The address: a web address (https:// or http://). */
	url: webUrlSchema,
});

/**
 * An author: a person, or a desk (an institutional or anonymous byline such as "Counter-Terrorism
 * Research Fellow"). The Markdown body is a note on the byline's provenance (where the name comes
 * from, what the archive knows of it), shown apart from the profile.
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
	family: z.string().trim().min(1).optional(),
	/** A short biography in the author's own terms, one to three sentences, shown on their page. */
	bio: z.string().trim().min(1).max(600).optional(),
	/** Links to the author's own site or profiles elsewhere. */
	links: z.array(profileLinkSchema).default([]),
	aliases,
});

/**
 * An earlier version of a report, kept as it was: `content/versions/<slug>/<n>.md`, where `n`
 * counts from 1 (the text as first published). The fields are the report's as they were then; the
 * Markdown body is its text as it was. `npm run new:version -- <slug>` writes one.
 */
export const versionSchema = z.strictObject({
	/** The headline as it was. */
	title: oneLine(200),
	/** The sentence-case title for APA, as it was, if the report had one. */
	titleSentenceCase: oneLine(200).optional(),
	/** The short title for Chicago notes, as it was, if the report had one. */
	titleShort: oneLine(80).optional(),
	/** The summary as it was. */
	summary: z.string().trim().min(1).max(400),
	/** The byline as it was, by slug, name or alias. */
	authors: termList,
	/** The publication date, as the report gives it. */
	published: partialDateSchema,
	/** The corrections the report listed then. */
	corrections: z.array(correctionSchema).default([]),
	/** The updates the report listed then. */
	updates: z.array(updateSchema).default([]),
});

export type ReportData = z.output<typeof reportSchema>;
export type GroupData = z.output<typeof groupSchema>;
export type RegionData = z.output<typeof regionSchema>;
export type TopicData = z.output<typeof topicSchema>;
export type AuthorData = z.output<typeof authorSchema>;
export type Attachment = z.output<typeof attachmentSchema>;
export type VersionData = z.output<typeof versionSchema>;
export type Correction = z.output<typeof correctionSchema>;
export type Update = z.output<typeof updateSchema>;
export type Series = z.output<typeof seriesSchema>;
export type ArchivedCopy = z.output<typeof archivedCopySchema>;
