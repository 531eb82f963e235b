// @ts-check
/**
 * ESLint flat config: type-aware linting for TypeScript and JavaScript through typescript-eslint,
 * and eslint-plugin-astro for `.astro` components (frontmatter parsed with the TypeScript parser).
 */
import { defineConfig, globalIgnores } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';
import { fences } from './eslint.fences.js';

const tsconfigRootDir = import.meta.dirname;

export default defineConfig(
	globalIgnores([
		'dist/',
		'dist-*/',
		'**/.astro/',
		'.tmp*/',
		'.*-stage/',
		'.*-previous/',
		'node_modules/',
		'test-results/',
		'playwright-report/',
		'coverage/',
		// Deliberately broken inputs for the tests.
		'tests/fixtures/',
	]),

	// Type-checked rules for every file, through the TypeScript project service. tsconfig.json
	// has allowJs, so config files and scripts (.js as well as .ts) are in the program too.
	tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir },
		},
	},

	// `.astro` components: astro-eslint-parser, handing the frontmatter to the TypeScript parser.
	// It does not support `projectService` (it warns on every file and falls back to
	// `project: true`), so name the project directly.
	astro.configs.recommended,
	{
		files: ['**/*.astro'],
		languageOptions: {
			parserOptions: {
				projectService: false,
				project: './tsconfig.json',
				tsconfigRootDir,
			},
		},
		// The parser turns the template into JSX, and Astro types JSX elements loosely (no global
		// JSX namespace), so every `{items.map((x) => <li>…</li>)}` would read as an unsafe `any`.
		// `astro check` type-checks components; the other type-aware rules stay on.
		rules: {
			'@typescript-eslint/no-unsafe-argument': 'off',
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-call': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-return': 'off',
		},
	},

	// <script> blocks inside `.astro` files are linted as virtual files (`Foo.astro/0_0.ts`) that no
	// TypeScript program contains: lint them without type information.
	{
		files: ['**/*.astro/*.js', '**/*.astro/*.ts'],
		extends: [tseslint.configs.disableTypeChecked],
		languageOptions: {
			parserOptions: { projectService: false, project: null },
		},
	},

	// The fences between the kinds of code: what may import what (eslint.fences.js).
	...fences,

	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
			],
		},
	},
);
