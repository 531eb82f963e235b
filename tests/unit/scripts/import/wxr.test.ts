import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemOffsets, parseWxr, WxrError } from '../../../../scripts/lib/import/wxr.ts';
import { FIXTURE } from './support.ts';

const xml = readFileSync(FIXTURE, 'utf8');

/** The error `parseWxr` throws on `text`. */
function error(text: string): WxrError {
	try {
		parseWxr(text);
	} catch (e) {
		if (e instanceof WxrError) return e;
		throw e;
	}
	throw new Error('expected a WxrError');
}

describe('parseWxr', () => {
	const wxr = parseWxr(xml);

	it('reads the site and its users, without their e-mail addresses', () => {
		expect(wxr).toMatchObject({
			title: 'Rise to Peace',
			baseUrl: 'https://www.risetopeace.org',
			version: '1.2',
		});
		expect(wxr.authors.find((a) => a.login === 'amohibi')).toEqual({
			login: 'amohibi',
			displayName: 'Ahmad Shah Mohibi',
			firstName: 'Ahmad Shah',
			lastName: 'Mohibi',
		});
		expect(JSON.stringify(wxr.authors)).not.toContain('@');
	});

	it('reads each item’s fields as the text the export holds, dates and IDs included', () => {
		const post = wxr.items.find((i) => i.id === '102')!;
		expect(post).toMatchObject({
			title: 'Afghanistan’s Economic Crisis Means Rapid Growth for Terrorist Cells',
			type: 'post',
			status: 'publish',
			name: 'afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells',
			date: '2022-05-18 09:30:00',
			creator: 'ctfellow',
			link: 'https://www.risetopeace.org/2022/05/afghanistans-economic-crisis-means-rapid-growth-for-terrorist-cells/',
		});
		expect(post.labels[0]).toEqual({ domain: 'category', nicename: 'economic', label: 'Economic' });
		expect(post.content).toContain('<!-- wp:paragraph -->');
		const draft = wxr.items.find((i) => i.id === '105')!;
		expect(draft).toMatchObject({ status: 'draft', name: '' });
		expect(wxr.items.find((i) => i.id === '101')!.comments).toBe(1);
		expect(JSON.parse(wxr.items.find((i) => i.id === '106')!.meta.footnotes!)).toHaveLength(2);
		expect(wxr.items.find((i) => i.id === '108')!.attachmentUrl).toMatch(
			/The-Rise-of-ISIS.*\.pdf$/,
		);
	});

	it('knows the line each item starts on', () => {
		const lines = xml.split('\n');
		for (const item of wxr.items) expect(lines[item.line - 1]).toMatch(/^\s*<item>/);
	});

	it('names the line and the item of malformed XML', () => {
		const broken = xml.replace(
			'<wp:post_name><![CDATA[emergence-and-expansion-of-isis-k-and-the-taliban]]></wp:post_name>',
			'<wp:post_name>emergence</wp:post_nam>',
		);
		const e = error(broken);
		const line = broken.split('\n').findIndex((l) => l.includes('</wp:post_nam>')) + 1;
		expect(e.line).toBe(line);
		expect(e.item?.title).toBe('The Emergence and Expansion of ISIS-K and the Taliban');
		expect(e.message).toMatch(
			/^the XML is malformed in item 3 \("The Emergence and Expansion of ISIS-K and the Taliban", which starts at line \d+\): /,
		);
	});

	it('refuses a document type declaration, which no WordPress export has', () => {
		const e = error('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaa">]>\n<rss/>');
		expect(e.line).toBe(2);
		expect(e.message).toMatch(/declares a document type/);
	});

	it('refuses well-formed XML that is not a WordPress export', () => {
		expect(error('<rss><channel><title>A feed</title></channel></rss>').message).toMatch(
			/^this is not a WordPress export/,
		);
	});

	it('refuses an item without a post ID, naming it', () => {
		const e = error(xml.replace('<wp:post_id>104</wp:post_id>', ''));
		expect(e.message).toBe(
			'item 4 ("Special Report: The Rise of the Islamic State in Afghanistan") has no post ID (<wp:post_id>); is the export complete?',
		);
		expect(e.line).toBe(wxr.items[3]!.line);
	});
});

describe('itemOffsets', () => {
	it('finds items, not the word <item> inside a post’s text or a comment', () => {
		const text =
			'<channel><!-- <item> --><item><content:encoded><![CDATA[<item>]]></content:encoded></item><item></item></channel>';
		expect(itemOffsets(text)).toEqual([text.indexOf('<item><content'), text.lastIndexOf('<item>')]);
	});
});
