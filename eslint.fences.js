// @ts-check
/**
 * The fences between the kinds of code, as ESLint `no-restricted-imports` rules: what may import
 * what (docs/architecture.md, "What may import what"). eslint.config.js spreads them into the
 * lint; tests/unit/lint-fences.test.ts lints deliberate bad imports against them.
 */

/** What src/lib may not import: Astro's own layers above it, and the developer commands. */
const LIB_FENCE = [
	{
		regex: '^astro:',
		message: 'src/lib is plain TypeScript: astro:* modules belong to src/data/ and the pages.',
	},
	{
		regex: '\\.astro$|/(components|layouts|pages|data|integrations)/',
		message: 'src/lib may not import components, layouts, pages, src/data or integrations.',
	},
	{
		regex: '(^|/)scripts/',
		message: 'src/lib may not import the developer commands (scripts/) or the browser scripts.',
	},
];

/** Node built-ins that do I/O or start processes: only src/lib/node/ may use them. */
const NO_IO = [
	{
		regex: '^node:(?!path$|buffer$|crypto$)',
		message:
			'Only src/lib/node/ touches the machine (files, processes, network); move this code there.',
	},
	{
		regex: '^(fs|fs/promises|child_process|os|net|http|https|worker_threads|zlib|module)$',
		message: 'Only src/lib/node/ touches the machine; import Node built-ins with the node: prefix.',
	},
	{
		regex: '(^|/)node/',
		message: 'Only Node-side wiring (integrations, src/data, scripts) may import src/lib/node/.',
	},
];

/** The modules of src/lib that code running in the browser may import. */
const BROWSER_SAFE =
	'search/|model/|offline/|routes\.ts$|citation/section\.ts$|view/format\.ts$|view/count\.ts$|view/no-break\.ts$';
const BROWSER_MESSAGE =
	'This code runs in the browser: from src/lib it may import only search/, model/, offline/, routes.ts, citation/section.ts, view/format.ts, view/count.ts and view/no-break.ts (types from anywhere).';

/**
 * What code that runs in the browser may not import: any Node built-in, and any module of src/lib
 * outside the browser-safe ones, written as the import looks from `from` (type-only imports are
 * allowed: they are erased).
 * @param {string} outside a regex for the imports that leave the browser-safe modules
 */
function browserFence(outside) {
	return [
		{ regex: '^node:', message: 'This code runs in the browser, which has no Node built-ins.' },
		{ regex: outside, allowTypeImports: true, message: BROWSER_MESSAGE },
	];
}

/**
 * The fence rules, one config object per kind of file.
 * @type {import('eslint').Linter.Config[]}
 */
export const fences = [
	// 1. Only src/lib/node/ touches the machine: the file system, processes, the network. The rest
	//    of src/lib is data in, data out, and may use only Node's pure helpers (path arithmetic,
	//    buffers, hashing).
	// 2. src/lib never reaches up into Astro: no `astro:*` virtual modules, components, layouts,
	//    pages, the data layer or the integrations, and never into the developer commands.
	{
		files: ['src/lib/**/*.ts'],
		ignores: ['src/lib/node/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [...LIB_FENCE, ...NO_IO] }],
		},
	},
	{
		files: ['src/lib/node/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: LIB_FENCE }] },
	},
	// 3. Code that runs in the reader's browser (src/scripts/, the scripts of components, and the
	//    browser-safe modules of src/lib: search/, model/, offline/, routes.ts, citation/section.ts,
	//    view/format.ts, view/count.ts, view/no-break.ts) imports
	//    no Node built-in and, from src/lib, only those browser-safe modules (types excepted: they
	//    are erased). Each pattern is the import as written from where the file is.
	{
		files: ['src/scripts/**/*.ts', 'src/sw/**/*.ts', '**/*.astro/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [...NO_IO, ...browserFence(`/lib/(?!${BROWSER_SAFE})`)] },
			],
		},
	},
	{
		files: [
			'src/lib/search/**/*.ts',
			'src/lib/model/**/*.ts',
			'src/lib/offline/**/*.ts',
			'src/lib/view/format.ts',
			'src/lib/view/count.ts',
			'src/lib/view/no-break.ts',
		],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [...LIB_FENCE, ...NO_IO, ...browserFence(`^\\.\\./(?!${BROWSER_SAFE})`)] },
			],
		},
	},
	{
		files: ['src/lib/routes.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [...LIB_FENCE, ...NO_IO, ...browserFence(`^\\./(?!${BROWSER_SAFE})`)] },
			],
		},
	},
	{
		files: ['src/lib/citation/section.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						...LIB_FENCE,
						...NO_IO,
						...browserFence('^\\./|^\\.\\./(?!search/|model/|routes\\.ts$)'),
					],
				},
			],
		},
	},
];
