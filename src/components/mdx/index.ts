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

type Name = 'Callout' | 'Figure' | 'Judgment' | 'KeyJudgments' | 'Quote';

/** Every component by the name authors write in MDX. */
export const MDX_COMPONENTS: Readonly<Record<Name, AstroComponentFactory>> = {
	Callout,
	Figure,
	Judgment,
	KeyJudgments,
	Quote,
};
