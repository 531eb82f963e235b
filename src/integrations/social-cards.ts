/**
 * The reports' social cards (`/reports/<slug>/card.png`, 1200×630), drawn in short-lived worker
 * processes while Astro renders the pages, and kept between builds (src/lib/node/card-pool.ts).
 *
 * As soon as a build's configuration is settled, the integration reads the reports' frontmatter (as the content checks
 * do, without waiting for Astro), works out which cards the site needs (the reports the build includes, by the publish mode of
 * ./publish-mode.ts), and hands the ones not already cached to the workers. When the
 * pages are written it waits for the workers and copies each card into place: in an incremental
 * build those whose key changed, in a build from nothing (`--full`) each as soon as it is in the
 * cache, while Astro renders. Under `astro dev`
 * a route draws a card on request instead (./card-route.ts).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
	cachedCardPath,
	cardJobs,
	defaultWorkers,
	type CardDrawing,
	drawCards,
	fileCopier,
} from '../lib/node/card-pool.ts';
import type { PublishMode } from '../lib/model/publish.ts';
import { includedReports, publishModeOf } from './publish-mode.ts';
import { reportCardInput, type CardInput } from '../lib/outputs/social-card.ts';
import { CARD_FILE, cardPath, reportFilePath } from '../lib/routes.ts';
import { SITE } from '../site.ts';
import { inPlaceBuild } from '../lib/node/build-stage.ts';

export function socialCards(): AstroIntegration {
	let root = '';
	let cacheDir = '';
	let cards: { slug: string; input: CardInput }[] = [];
	let drawing: CardDrawing | undefined;
	let copying: Promise<number> | undefined;
	let toDraw = 0;
	let started = 0;
	let building = false;
	let mode: PublishMode = 'publish';
	return {
		name: 'brief-archive:social-cards',
		hooks: {
			'astro:config:setup': ({ command, injectRoute }) => {
				building = command === 'build';
				mode = publishModeOf(command);
				if (command === 'dev') {
					injectRoute({
						pattern: reportFilePath('[slug]', CARD_FILE),
						entrypoint: './src/integrations/card-route.ts',
					});
				}
			},
			// Started as soon as the configuration is settled, before Astro syncs the content layer
			// (rendering every Markdown body: minutes at 10,000 reports), so the cards are drawn
			// alongside that as well as alongside the pages.
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				cacheDir = fileURLToPath(config.cacheDir);
				if (!building) return;
				cards = includedReports(root, mode).map((r) => ({
					slug: r.slug,
					input: reportCardInput(r.data, SITE.title),
				}));
				const jobs = cardJobs(
					cacheDir,
					cards.map((c) => c.input),
				);
				toDraw = jobs.length;
				started = performance.now();
				// A build from nothing (scripts/build.ts --full) writes into an empty folder that Astro does
				// not empty (astro.config.ts): each card goes into place as soon as it is in the cache.
				if (inPlaceBuild()?.fresh) {
					const out = fileURLToPath(config.outDir);
					const copier = fileCopier();
					const slugsOf = new Map<string, string[]>();
					for (const { slug, input } of cards) {
						const file = cachedCardPath(cacheDir, input);
						slugsOf.set(file, [...(slugsOf.get(file) ?? []), slug]);
					}
					const place = (file: string) => {
						for (const slug of slugsOf.get(file) ?? [])
							copier.copy(file, join(out, cardPath(slug)));
					};
					const later = new Set(jobs.map((job) => job.file));
					for (const file of slugsOf.keys()) if (!later.has(file)) place(file);
					drawing = drawCards(jobs, root, {
						drawn: (batch) => batch.forEach((job) => place(job.file)),
					});
					copying = drawing.done.then(() => copier.done());
				} else {
					drawing = drawCards(jobs, root);
				}
				// Awaited in astro:build:done; until then a failure must not go unhandled.
				drawing.done.catch(() => undefined);
				copying?.catch(() => undefined);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				// The pages are written: the core Astro rendered them on draws the cards still to come.
				const widened = drawing?.widen(availableParallelism()) ?? 0;
				await drawing?.done;
				const waited = ((performance.now() - started) / 1000).toFixed(1);
				// In an incremental build (scripts/build.ts) the output already holds the last good
				// cards: only a card whose key changed is copied again.
				const stage = inPlaceBuild();
				const copyStarted = performance.now();
				const keys: Record<string, string> = {};
				let copied = copying ? await copying : 0;
				for (const { slug, input } of cards) {
					const cached = cachedCardPath(cacheDir, input);
					const key = basename(cached, '.png');
					keys[slug] = key;
					if (copying) continue;
					const target = join(out, cardPath(slug));
					if (stage?.previous.cards[slug] === key && existsSync(target)) continue;
					mkdirSync(join(target, '..'), { recursive: true });
					copyFileSync(cached, target);
					copied++;
				}
				stage?.report('social-cards', {
					outputs: cards.map((c) => cardPath(c.slug).slice(1)),
					state: { cards: keys },
				});
				logger.info(
					`${cards.length} social cards: ${toDraw} drawn in ${Math.min(toDraw, defaultWorkers())} worker processes at a time (${widened} still drawing once the pages were written; done ${waited} s after they started), ${cards.length - toDraw} from the cache; ${copied} copied into the output in ${((performance.now() - copyStarted) / 1000).toFixed(1)} s${copying ? ' after the pages (the rest as they were ready, while Astro rendered)' : ''}`,
				);
			},
		},
	};
}
