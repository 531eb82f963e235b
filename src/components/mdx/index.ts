/**
 * The components an MDX report may use without importing them: the report page passes these to
 * its content (`<Content components={MDX_COMPONENTS} />`). Documented in docs/authoring.md.
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import Callout from './Callout.astro';
import Figure from './Figure.astro';
import Judgment from './Judgment.astro';
import KeyJudgments from './KeyJudgments.astro';
import Quote from './Quote.astro';
import type { MdxComponentName } from '../../lib/markdown/mdx-components.ts';

/**
 * Every component by the name authors write in MDX: one for each name the checks and the body
 * sanitizer know (src/lib/markdown/mdx-components.ts, which lists their attributes).
 */
export const MDX_COMPONENTS: Readonly<Record<MdxComponentName, AstroComponentFactory>> = {
	Callout,
	Figure,
	Judgment,
	KeyJudgments,
	Quote,
};
