/**
 * Media from the old site: where a downloaded file goes, and its metadata removed.
 *
 * The content checks refuse an image that carries a GPS position (`src/lib/checks/image-metadata.ts`).
 * Photos on a WordPress site often still carry their camera's EXIF and XMP, positions included,
 * so the import removes every metadata block that can hold them from JPEG, PNG and WebP files,
 * without re-encoding the picture (the bytes of the image itself are copied as they are), and
 * then asks the checks' own reader whether any position is left. Other image formats are kept
 * only when that reader finds none.
 */
import { isImagePath, locationTags } from '../../../src/lib/checks/image-metadata.ts';

/** Where downloads go, under the public folder: `/media/…` on the site. */
export const MEDIA_DIR = 'media';

/**
 * The path on this site for a file on the old site: `/media/<year>/<month>/<name>` for WordPress
 * uploads (`…/wp-content/uploads/2020/12/x.pdf` → `/media/2020/12/x.pdf`), else
 * `/media/<host>/<path>`. Each part keeps only letters, digits, `.`, `-` and `_`, and never starts
 * with a dot, so no URL can name a path outside the media folder. Undefined when nothing is left.
 */
export function mediaPath(url: string): string | undefined {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		return undefined;
	}
	if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
	const uploads = u.pathname.indexOf('/wp-content/uploads/');
	const path =
		uploads >= 0 ? u.pathname.slice(uploads + '/wp-content/uploads/'.length) : u.pathname;
	const parts = path
		.split('/')
		.map((p) => {
			let decoded = p;
			try {
				decoded = decodeURIComponent(p);
			} catch {
				// Keep it as it is.
			}
			return decoded
				.normalize('NFKD')
				.replace(/\p{M}/gu, '')
				.replace(/[^A-Za-z0-9._-]+/g, '-')
				.replace(/^[.-]+/, '')
				.replace(/-+$/, '');
		})
		.filter(Boolean);
	if (parts.length === 0 || !/\.[A-Za-z0-9]+$/.test(parts.at(-1)!)) return undefined;
	if (uploads < 0) parts.unshift(u.hostname);
	return `/${MEDIA_DIR}/${parts.join('/')}`;
}

const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) =>
	((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
const u32le = (b: Uint8Array, i: number) =>
	(b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 2 ** 24;
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** JPEG: drops APP1 (EXIF, XMP), APP13 (IPTC, Photoshop) and comments; keeps the rest. */
function stripJpeg(b: Uint8Array): { bytes: Uint8Array; removed: string[] } | undefined {
	if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
	const parts: Uint8Array[] = [b.subarray(0, 2)];
	const removed: string[] = [];
	let i = 2;
	while (i + 2 <= b.length) {
		if (b[i] !== 0xff) return undefined;
		const marker = b[i + 1]!;
		if (marker === 0xd9 || marker === 0xda) {
			// End of image, or start of scan: the picture itself follows, copied as it is.
			parts.push(b.subarray(i));
			return { bytes: concat(parts), removed };
		}
		if (marker === 0xff) {
			i++;
			continue;
		}
		if (i + 4 > b.length) return undefined;
		const length = u16(b, i + 2);
		const end = i + 2 + length;
		if (end > b.length) return undefined;
		if (marker === 0xe1) removed.push(ascii(b, i + 4, 4) === 'Exif' ? 'EXIF' : 'XMP');
		else if (marker === 0xed) removed.push('IPTC');
		else if (marker === 0xfe) removed.push('comment');
		else parts.push(b.subarray(i, end));
		i = end;
	}
	return undefined;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_METADATA = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/** PNG: drops the EXIF, text (where XMP lives) and time chunks. */
function stripPng(b: Uint8Array): { bytes: Uint8Array; removed: string[] } | undefined {
	if (!PNG_SIGNATURE.every((v, i) => b[i] === v)) return undefined;
	const parts: Uint8Array[] = [b.subarray(0, 8)];
	const removed: string[] = [];
	let i = 8;
	while (i + 12 <= b.length) {
		const length = u32be(b, i);
		const type = ascii(b, i + 4, 4);
		const end = i + 12 + length;
		if (end > b.length) return undefined;
		if (PNG_METADATA.has(type)) removed.push(type);
		else parts.push(b.subarray(i, end));
		i = end;
		if (type === 'IEND') return { bytes: concat(parts), removed };
	}
	return undefined;
}

/** WebP: drops the EXIF and XMP chunks and clears their flags. */
function stripWebp(b: Uint8Array): { bytes: Uint8Array; removed: string[] } | undefined {
	if (ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return undefined;
	const parts: Uint8Array[] = [];
	const removed: string[] = [];
	let i = 12;
	while (i + 8 <= b.length) {
		const type = ascii(b, i, 4);
		const length = u32le(b, i + 4);
		const end = i + 8 + length + (length % 2);
		if (end > b.length) return undefined;
		if (type === 'EXIF' || type === 'XMP ') removed.push(type.trim());
		else if (type === 'VP8X') {
			const chunk = b.slice(i, end);
			chunk[8] = chunk[8]! & ~0x0c;
			parts.push(chunk);
		} else parts.push(b.subarray(i, end));
		i = end;
	}
	const body = concat(parts);
	const header = new Uint8Array(12);
	header.set(b.subarray(0, 12));
	const size = body.length + 4;
	header[4] = size & 0xff;
	header[5] = (size >> 8) & 0xff;
	header[6] = (size >> 16) & 0xff;
	header[7] = (size >>> 24) & 0xff;
	return { bytes: concat([header, body]), removed };
}

export type Cleaned = { bytes: Uint8Array; removed: string[] } | { refused: string };

/**
 * A downloaded file made fit to publish: images lose their metadata (see above) and are refused
 * if a position is still in them or they cannot be read; other files are kept as they are.
 */
export function cleanMedia(path: string, bytes: Uint8Array): Cleaned {
	if (!isImagePath(path)) return { bytes, removed: [] };
	const ext = /\.([^.]+)$/.exec(path)?.[1]?.toLowerCase();
	const stripped =
		ext === 'jpg' || ext === 'jpeg'
			? stripJpeg(bytes)
			: ext === 'png'
				? stripPng(bytes)
				: ext === 'webp'
					? stripWebp(bytes)
					: { bytes, removed: [] };
	if (!stripped) return { refused: `it is not a readable ${ext?.toUpperCase()} file` };
	const check = locationTags(stripped.bytes);
	if ('unreadable' in check)
		return { refused: `it cannot be read to check it for a location (${check.unreadable})` };
	if (check.tags.length) {
		return {
			refused: `it still carries a GPS location (${check.tags.join(', ')}) that the import cannot remove from a ${ext?.toUpperCase()} file; remove it (e.g. exiftool -gps:all= -xmp:all=) and put the file in public${path} by hand`,
		};
	}
	return stripped;
}
