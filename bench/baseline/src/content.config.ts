// Reads the benchmark corpus's reports (BENCH_CONTENT_DIR/reports); no schema beyond a title.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const root = process.env.BENCH_CONTENT_DIR;
if (!root) throw new Error('BENCH_CONTENT_DIR must name the corpus folder.');

export const collections = {
	reports: defineCollection({
		loader: glob({ pattern: '*.md', base: `${root}/reports` }),
		schema: z.looseObject({ title: z.string() }),
	}),
};
