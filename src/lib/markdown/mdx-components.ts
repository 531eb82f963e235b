/**
 * The archive's MDX components as the checks and the sanitizer know them: their names and the
 * attributes each one takes. They are the only components a report may use, and the only way to
 * put more than Markdown on a page: a report cannot define or import its own
 * (docs/authoring.md, "What MDX may contain"). `src/components/mdx/index.ts` supplies one Astro
 * component for each name here.
 */

/** How an attribute's value is checked. */
export type PropKind =
	/** Plain text, shown escaped. */
	| 'text'
	/** A number, written `{600}` or `"600"`. */
	| 'number'
	/** An image on this site: a path starting with `/` (never `//`), loaded by every reader. */
	| 'image'
	/** A link to another site: `https://` or `http://`. */
	| 'link';

/** Every component by the name authors write, with the attributes it takes and their kinds. */
export const MDX_COMPONENT_PROPS = {
	Callout: { type: 'text', title: 'text', date: 'text' },
	Figure: {
		src: 'image',
		alt: 'text',
		caption: 'text',
		credit: 'text',
		width: 'number',
		height: 'number',
	},
	Judgment: { likelihood: 'text', confidence: 'text' },
	KeyJudgments: {},
	Quote: { source: 'text', url: 'link' },
} as const satisfies Record<string, Record<string, PropKind>>;

export type MdxComponentName = keyof typeof MDX_COMPONENT_PROPS;

/** The names, in the order the documentation lists them. */
export const MDX_COMPONENT_NAMES = Object.keys(MDX_COMPONENT_PROPS) as MdxComponentName[];

/** Whether `name` is one of the archive's components (case matters, as in MDX). */
export function isMdxComponent(name: string): name is MdxComponentName {
	return Object.hasOwn(MDX_COMPONENT_PROPS, name);
}

/** The attributes a component takes, with their kinds. */
export function componentProps(name: MdxComponentName): Readonly<Record<string, PropKind>> {
	return MDX_COMPONENT_PROPS[name];
}
