/**
 * `npm run import -- wordpress` end to end: the WordPress fixture (the four seed reports as
 * WordPress exported them, a draft, a private post, a page, attachments) imported into a scratch
 * content folder holding the archive's own terms, then built once. The old addresses must lead
 * to the reports, the labels must have become terms, the draft and the private post must leave no
 * trace in the public build, and a rerun must change nothing. `--download` is run against a
 * server on 127.0.0.1, without a build.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationTags } from '../../src/lib/checks/image-metadata.ts';
import { scanOutput } from '../../src/lib/node/output-scan.ts';
import { sha256 } from '../../scripts/lib/import/apply.ts';
import { exifSegment, jpeg, KABUL } from '../support/images.ts';
import { buildSite, listFiles, ROOT, type BuildResult } from '../support/fixture-build.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/wordpress/rise-to-peace.xml');
const MAP = join(ROOT, 'tests/fixtures/wordpress/import-map.yaml');
const SEEDS = {
	'is-k-seeks-to-undermine-the-taliban': {
		title: 'IS-K Seeks to Undermine the Taliban',
		old: '/2022/06/is-k-seeks-to-undermine-the-taliban/',
		id: '101',
	},
	'afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells': {
		title: 'Afghanistan’s Economic Crisis Means Rapid Growth for Terrorist Cells',
		old: '/2022/05/afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells/',
		id: '102',
	},
	'emergence-and-expansion-of-isis-k-and-the-taliban': {
		title: 'The Emergence and Expansion of ISIS-K and the Taliban',
		old: '/2021/11/emergence-and-expansion-of-isis-k-and-the-taliban/',
		id: '103',
	},
	'rise-of-the-islamic-state-in-afghanistan': {
		title: 'Special Report: The Rise of the Islamic State in Afghanistan',
		old: '/2020/12/rise-of-the-islamic-state-in-afghanistan/',
		id: '104',
	},
};
const DRAFTS = ['kunduz-after-the-taliban-takeover', 'recruitment-networks-in-nangarhar'];

const run = promisify(execFile);

/** Runs the command; resolves with its exit code and output (it never rejects). */
async function importCommand(args: string[]): Promise<{ code: number; out: string }> {
	try {
		const { stdout, stderr } = await run(
			process.execPath,
			['scripts/import.ts', 'wordpress', ...args],
			{ cwd: ROOT },
		);
		return { code: 0, out: stdout + stderr };
	} catch (error) {
		const e = error as { code?: number; stdout?: string; stderr?: string };
		return { code: e.code ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
	}
}

/** A content folder holding the archive's own terms and the fixture's mapping file. */
function contentFolder(scratch: string, name: string): string {
	const content = join(scratch, name);
	for (const kind of ['groups', 'regions', 'topics', 'authors']) {
		cpSync(join(ROOT, 'content', kind), join(content, kind), { recursive: true });
	}
	cpSync(MAP, join(content, 'import-map.yaml'));
	return content;
}

/** Every file of a folder with a hash of its bytes. */
const tree = (dir: string) =>
	Object.fromEntries(listFiles(dir).map((f) => [f, sha256(readFileSync(join(dir, f)))]));

let scratch: string;
let content: string;
let first: { code: number; out: string };
let build: BuildResult;
const read = (file: string) => readFileSync(join(build.outDir, file), 'utf8');

beforeAll(async () => {
	scratch = mkdtempSync(join(tmpdir(), 'brief-import-'));
	content = contentFolder(scratch, 'content');
	first = await importCommand([FIXTURE, '--content', content]);
	build = buildSite(content, scratch);
}, 300_000);

afterAll(() => {
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// Each run of the command takes a few seconds.
describe('importing the WordPress fixture', { timeout: 60_000 }, () => {
	it('writes the reports and the new author, and the result passes the content checks', () => {
		expect(first.code, first.out).toBe(0);
		expect(first.out).toContain('Posts read: 6. Reports written: 6 (4 published, 2 drafts)');
		expect(first.out).toMatch(/Content checks: \d+ files checked in .*, no problems\./);
		expect(listFiles(join(content, 'reports'))).toEqual(
			[...Object.keys(SEEDS), ...DRAFTS].map((s) => `${s}.md`).sort(),
		);
		expect(listFiles(join(content, 'authors'))).toContain('farida-rahimi.md');
	});

	it('tells the editor what needs a person: the unknown label, the shortcode, the missing summary, the media', () => {
		expect(first.out).toContain('"Nangarhar" on 1 post (106): nearest: region kandahar');
		expect(first.out).toContain('[contact-form-7] in 1 post');
		expect(first.out).toContain(
			'it has no excerpt: write a summary of one or two sentences in place of TODO',
		);
		expect(first.out).toContain('run with --download to bring them in');
		expect(readFileSync(join(content, 'import-map.yaml'), 'utf8')).toContain(
			'Nangarhar: TODO # nearest: region kandahar',
		);
	});

	it('builds', () => {
		expect(build.status, build.output).toBe(0);
	});

	it('leads every old address of a published post to its report: permalink and ?p=', () => {
		const query = JSON.parse(read('query-redirects.json')) as Record<string, string>;
		const rules = read('_redirects');
		for (const [slug, seed] of Object.entries(SEEDS)) {
			const page = read(`${seed.old.slice(1)}index.html`);
			expect(page).toContain(`<meta http-equiv="refresh" content="0; url=/reports/${slug}/">`);
			expect(rules).toContain(`${seed.old} /reports/${slug}/ 301`);
			expect(query[`/?p=${seed.id}`]).toBe(`/reports/${slug}/`);
		}
		expect(Object.keys(query).sort()).toEqual(['/?p=101', '/?p=102', '/?p=103', '/?p=104']);
	});

	it('shows each report with its title, its words as written and the terms its labels named', () => {
		const html = read('reports/emergence-and-expansion-of-isis-k-and-the-taliban/index.html');
		expect(html).toContain('<h1');
		expect(html).toContain('The Emergence and Expansion of ISIS-K and the Taliban');
		expect(html).toContain('in Kundoz and Kandhar at two Shia mosque gatherings');
		expect(html).toContain('href="/regions/kunduz/"');
		expect(html).toContain('href="/groups/is-k/"');
		expect(read('reports/rise-of-the-islamic-state-in-afghanistan/index.html')).toContain(
			'https://www.risetopeace.org/wp-content/uploads/2020/12/The-Rise-of-ISIS-in-Afghanistan-by-Ahmad-Shah-Mohibi-of-Rise-to-Peace.pdf',
		);
	});

	it('lists the imported reports on the pages of the terms their labels named', () => {
		const isk = read('groups/is-k/index.html');
		for (const seed of Object.values(SEEDS)) expect(isk).toContain(seed.title);
		expect(read('regions/kunduz/index.html')).toContain(
			'The Emergence and Expansion of ISIS-K and the Taliban',
		);
		expect(read('topics/economic-crisis/index.html')).toContain(
			'Afghanistan’s Economic Crisis Means Rapid Growth',
		);
		expect(read('types/special-report/index.html')).toContain(
			'Special Report: The Rise of the Islamic State in Afghanistan',
		);
	});

	it('leaves no trace of the draft or the private post anywhere in the build, search index included', () => {
		const needles = [
			...DRAFTS,
			'fieldwork notes',
			'nangarhar',
			'achin district',
			'/?p=105',
			'/?p=106',
		];
		expect(scanOutput(build.outDir, needles)).toEqual([]);
	});

	it('changes nothing when it runs again', async () => {
		const before = tree(content);
		const again = await importCommand([FIXTURE, '--content', content]);
		expect(again.code, again.out).toBe(0);
		expect(again.out).toContain('Files: 6 unchanged');
		expect(tree(content)).toEqual(before);
	});

	it('keeps a report an editor has changed, and overwrites it only with --force', async () => {
		const file = join(content, 'reports/is-k-seeks-to-undermine-the-taliban.md');
		const edited = readFileSync(file, 'utf8').replace('summary: "', 'summary: "Edited. ');
		writeFileSync(file, edited);
		const dry = await importCommand([FIXTURE, '--content', content, '--dry-run', '--force']);
		expect(dry.out).toContain(
			`overwritten  ${content}/reports/is-k-seeks-to-undermine-the-taliban.md`,
		);
		expect(readFileSync(file, 'utf8')).toBe(edited);
		const kept = await importCommand([FIXTURE, '--content', content]);
		expect(kept.out).toContain(
			'reports/is-k-seeks-to-undermine-the-taliban.md: kept: edited since the import wrote them',
		);
		expect(readFileSync(file, 'utf8')).toBe(edited);
		await importCommand([FIXTURE, '--content', content, '--force']);
		expect(readFileSync(file, 'utf8')).not.toContain('Edited.');
	});

	it('stops with the line and the item of a malformed export, and writes nothing', async () => {
		const broken = join(scratch, 'broken.xml');
		writeFileSync(
			broken,
			readFileSync(FIXTURE, 'utf8').replace(
				'<wp:status><![CDATA[private]]></wp:status>',
				'<wp:status>private</wp:statu>',
			),
		);
		const before = tree(content);
		const result = await importCommand([broken, '--content', content]);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(
			/broken\.xml:\d+: the XML is malformed in item 6 \("Recruitment networks in Nangarhar", which starts at line \d+\)/,
		);
		expect(tree(content)).toEqual(before);
	});
});

describe('importing with --download, from a server on 127.0.0.1', { timeout: 60_000 }, () => {
	let server: Server;
	let base = '';
	let folder: string;
	let publicDir: string;
	let exportFile: string;
	const PHOTO = jpeg([exifSegment(KABUL)]);

	beforeAll(async () => {
		server = createServer((req, res) => {
			if (req.url === '/wp-content/uploads/2021/11/kunduz-market.jpg')
				res.writeHead(200).end(PHOTO);
			else if (req.url?.endsWith('.pdf')) res.writeHead(200).end('%PDF-1.4 the report');
			else res.writeHead(404).end();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address();
		base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
		folder = contentFolder(scratch, 'content-download');
		publicDir = join(scratch, 'public');
		exportFile = join(scratch, 'local.xml');
		writeFileSync(
			exportFile,
			readFileSync(FIXTURE, 'utf8').replaceAll(
				'https://www.risetopeace.org/wp-content/uploads/',
				`${base}/wp-content/uploads/`,
			),
		);
	});
	afterAll(() => {
		server?.closeAllConnections();
		server?.close();
	});

	it('saves the posts’ files under public/media without the photo’s location, and uses them', async () => {
		const result = await importCommand([
			exportFile,
			'--content',
			folder,
			'--public',
			publicDir,
			'--download',
		]);
		expect(result.code, result.out).toBe(0);
		expect(result.out).toContain('Downloaded: 2, metadata removed from 1 image; failed: 0');
		expect(listFiles(join(publicDir, 'media'))).toEqual([
			'2020/12/The-Rise-of-ISIS-in-Afghanistan-by-Ahmad-Shah-Mohibi-of-Rise-to-Peace.pdf',
			'2021/11/kunduz-market.jpg',
		]);
		expect(locationTags(readFileSync(join(publicDir, 'media/2021/11/kunduz-market.jpg')))).toEqual({
			tags: [],
		});
		const draft = readFileSync(
			join(folder, 'reports/kunduz-after-the-taliban-takeover.mdx'),
			'utf8',
		);
		expect(draft).toContain(
			'<Figure src="/media/2021/11/kunduz-market.jpg" alt="TODO: describe this image" caption="The central market in Kunduz city."',
		);
		const special = readFileSync(
			join(folder, 'reports/rise-of-the-islamic-state-in-afghanistan.md'),
			'utf8',
		);
		expect(special).toContain(
			'url: "/media/2020/12/The-Rise-of-ISIS-in-Afghanistan-by-Ahmad-Shah-Mohibi-of-Rise-to-Peace.pdf"',
		);
		expect(special).toContain('size: 19');
		expect(result.out).toMatch(/Content checks: \d+ files checked in .*, no problems\./);
	});

	it('changes nothing when it runs again, with or without --download', async () => {
		const before = { content: tree(folder), public: tree(publicDir) };
		for (const extra of [[], ['--download']]) {
			const again = await importCommand([
				exportFile,
				'--content',
				folder,
				'--public',
				publicDir,
				...extra,
			]);
			expect(again.code, again.out).toBe(0);
			expect({ content: tree(folder), public: tree(publicDir) }).toEqual(before);
		}
	});
});
