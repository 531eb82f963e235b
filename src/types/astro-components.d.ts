/**
 * `.astro` components imported from TypeScript (the MDX component map, Container API tests).
 * `astro check` reads the components themselves; plain `tsc` and typed ESLint cannot, and see
 * this instead.
 */
declare module '*.astro' {
	import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
	const component: AstroComponentFactory;
	export default component;
}
