/**
 * Tiny images with and without location metadata, made byte by byte so the tests need no image
 * library: a JPEG's metadata lives in APP1 segments after its start marker, which is all the
 * location check reads.
 */

const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const ascii = (text: string) => [...Buffer.from(text, 'latin1')];

/** A 12-byte TIFF IFD entry (big-endian): tag, type, count, value or offset. */
const entry = (tag: number, type: number, count: number, value: number[]) => [
	...u16(tag),
	...u16(type),
	...u32(count),
	...value,
];
const rationals = (values: number[]) => values.flatMap((v) => [...u32(v), ...u32(1)]);

const ASCII = 2;
const LONG = 4;
const RATIONAL = 5;

/** An APP1 segment holding `payload`. */
function app1(payload: number[]): number[] {
	return [0xff, 0xe1, ...u16(payload.length + 2), ...payload];
}

/**
 * An EXIF APP1 segment. With `gps`, IFD0 points to a GPS IFD holding a latitude and longitude
 * (degrees, minutes, seconds); without, IFD0 holds only the camera make.
 */
export function exifSegment(gps?: {
	lat: [number, number, number];
	lon: [number, number, number];
}) {
	const ifd0 = 8;
	let tiff: number[];
	if (gps) {
		const gpsIfd = ifd0 + 2 + 12 + 4;
		const data = gpsIfd + 2 + 4 * 12 + 4;
		tiff = [
			...ascii('MM'),
			...u16(42),
			...u32(ifd0),
			...u16(1),
			...entry(0x8825, LONG, 1, u32(gpsIfd)),
			...u32(0),
			...u16(4),
			...entry(0x0001, ASCII, 2, [...ascii('N'), 0, 0, 0]),
			...entry(0x0002, RATIONAL, 3, u32(data)),
			...entry(0x0003, ASCII, 2, [...ascii('E'), 0, 0, 0]),
			...entry(0x0004, RATIONAL, 3, u32(data + 24)),
			...u32(0),
			...rationals(gps.lat),
			...rationals(gps.lon),
		];
	} else {
		tiff = [
			...ascii('MM'),
			...u16(42),
			...u32(ifd0),
			...u16(1),
			...entry(0x010f, ASCII, 4, ascii('Cam\0')),
			...u32(0),
		];
	}
	return app1([...ascii('Exif\0\0'), ...tiff]);
}

/** An XMP APP1 segment whose packet holds `properties` on its rdf:Description. */
export function xmpSegment(properties: string) {
	const packet = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" ${properties}/></rdf:RDF></x:xmpmeta>`;
	return app1([...ascii('http://ns.adobe.com/xap/1.0/\0'), ...ascii(packet)]);
}

/**
 * A JPEG with the given metadata segments inserted after its start marker. `base` is a real
 * JPEG to insert them into; without one, the image is only the markers the metadata check reads.
 */
export function jpeg(segments: number[][], base?: Uint8Array): Uint8Array {
	const rest = base ? [...base.subarray(2)] : [0xff, 0xd9];
	return Uint8Array.from([0xff, 0xd8, ...segments.flat(), ...rest]);
}

/** Kabul, roughly: a position no test image should ever carry out of the building. */
export const KABUL: { lat: [number, number, number]; lon: [number, number, number] } = {
	lat: [34, 31, 0],
	lon: [69, 10, 0],
};
