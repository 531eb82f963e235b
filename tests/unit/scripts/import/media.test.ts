import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { locationTags } from '../../../../src/lib/checks/image-metadata.ts';
import { cleanMedia, mediaPath } from '../../../../scripts/lib/import/media.ts';
import { exifSegment, jpeg, KABUL, xmpSegment } from '../../../support/images.ts';

const u32be = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
/** The TIFF block of an EXIF APP1 segment (after its marker, length and "Exif\0\0"). */
const tiff = (gps?: typeof KABUL) => exifSegment(gps).slice(10);

function pngChunk(type: string, data: number[]): number[] {
	const body = [...ascii(type), ...data];
	return [...u32be(data.length), ...body, ...u32be(crc32(Uint8Array.from(body)))];
}
/** A 1×1 PNG carrying the given extra chunks before its image data. */
function png(extra: number[][]): Uint8Array {
	const ihdr = [...u32be(1), ...u32be(1), 8, 0, 0, 0, 0];
	return Uint8Array.from([
		0x89,
		0x50,
		0x4e,
		0x47,
		0x0d,
		0x0a,
		0x1a,
		0x0a,
		...pngChunk('IHDR', ihdr),
		...extra.flat(),
		...pngChunk('IDAT', [0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]),
		...pngChunk('IEND', []),
	]);
}

function webpChunk(type: string, data: number[]): number[] {
	return [...ascii(type), ...u32le(data.length), ...data, ...(data.length % 2 ? [0] : [])];
}
/** A WebP with an extended header announcing EXIF, and the EXIF chunk. */
function webp(gps: typeof KABUL): Uint8Array {
	const vp8x = [0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0];
	const body = [...ascii('WEBP'), ...webpChunk('VP8X', vp8x), ...webpChunk('EXIF', tiff(gps))];
	return Uint8Array.from([...ascii('RIFF'), ...u32le(body.length), ...body]);
}

describe('mediaPath', () => {
	it('keeps WordPress’s year and month folders under /media/', () => {
		expect(mediaPath('https://old.org/wp-content/uploads/2020/12/The-Rise-of-ISIS.pdf')).toBe(
			'/media/2020/12/The-Rise-of-ISIS.pdf',
		);
	});

	it('files anything else under its host, and cleans every part so it stays in the folder', () => {
		expect(mediaPath('https://cdn.example/a/..%2F..%2Fetc%2Fpasswd.txt')).toBe(
			'/media/cdn.example/a/etc-passwd.txt',
		);
		expect(mediaPath('https://cdn.example/%2e%2e%2fx/.hidden.png')).toBe(
			'/media/cdn.example/x/hidden.png',
		);
		expect(mediaPath('https://old.org/wp-content/uploads/2021/11/Kābul map (1).JPG')).toBe(
			'/media/2021/11/Kabul-map-1-.JPG',
		);
	});

	it('gives nothing for an address without a file name or not on the web', () => {
		expect(mediaPath('https://old.org/')).toBeUndefined();
		expect(mediaPath('file:///etc/passwd')).toBeUndefined();
		expect(mediaPath('not a url')).toBeUndefined();
	});
});

describe('cleanMedia', () => {
	it('removes EXIF and XMP from a JPEG, position and all, and keeps the rest byte for byte', () => {
		const image = jpeg([
			exifSegment(KABUL),
			xmpSegment('exif:GPSLatitude="34,31.0N"'),
			[0xff, 0xe2, 0, 4, 1, 2],
		]);
		expect(locationTags(image)).not.toEqual({ tags: [] });
		const cleaned = cleanMedia('/media/a.jpg', image);
		if ('refused' in cleaned) throw new Error(cleaned.refused);
		expect(cleaned.removed).toEqual(['EXIF', 'XMP']);
		expect(locationTags(cleaned.bytes)).toEqual({ tags: [] });
		expect([...cleaned.bytes]).toEqual([0xff, 0xd8, 0xff, 0xe2, 0, 4, 1, 2, 0xff, 0xd9]);
	});

	it('removes the EXIF and text chunks of a PNG', () => {
		const image = png([pngChunk('eXIf', tiff(KABUL)), pngChunk('tEXt', ascii('Comment\0Kabul'))]);
		expect(locationTags(image)).not.toEqual({ tags: [] });
		const cleaned = cleanMedia('/media/a.png', image);
		if ('refused' in cleaned) throw new Error(cleaned.refused);
		expect(cleaned.removed).toEqual(['eXIf', 'tEXt']);
		expect(locationTags(cleaned.bytes)).toEqual({ tags: [] });
	});

	it('removes the EXIF chunk of a WebP and the header flag that announced it', () => {
		const image = webp(KABUL);
		expect(locationTags(image)).not.toEqual({ tags: [] });
		const cleaned = cleanMedia('/media/a.webp', image);
		if ('refused' in cleaned) throw new Error(cleaned.refused);
		expect(cleaned.removed).toEqual(['EXIF']);
		expect(locationTags(cleaned.bytes)).toEqual({ tags: [] });
		expect(cleaned.bytes[20]! & 0x08).toBe(0);
	});

	it('refuses an image it cannot clean that still carries a position, and a file that is not the image it says', () => {
		const tif = Uint8Array.from(tiff(KABUL));
		const refused = cleanMedia('/media/a.tif', tif);
		expect('refused' in refused && refused.refused).toMatch(/still carries a GPS location/);
		expect(cleanMedia('/media/a.jpg', new TextEncoder().encode('<html>'))).toEqual({
			refused: 'it is not a readable JPG file',
		});
	});

	it('keeps documents as they are', () => {
		const pdf = new TextEncoder().encode('%PDF-1.4');
		expect(cleanMedia('/media/a.pdf', pdf)).toEqual({ bytes: pdf, removed: [] });
	});
});
