/**
 * Location metadata in images. A photo's GPS position can identify a source, a fixer or the people
 * in it, so an image that carries one is refused before it can be published. Stripping it
 * silently would hide from the author that the original still carries it.
 *
 * The EXIF blocks of JPEG, PNG, WebP, TIFF, HEIC and AVIF are read with ExifReader; XMP, where
 * GPS positions can also be written, is searched as text, which needs no XML parser and cannot
 * miss a tag because a parser is not installed.
 */
import ExifReader from 'exifreader';

/** The image file extensions that are checked. */
export const IMAGE_EXTENSIONS = [
	'jpg',
	'jpeg',
	'png',
	'webp',
	'tif',
	'tiff',
	'heic',
	'heif',
	'avif',
	'gif',
];

/** Whether a path names an image file that is checked for location metadata. */
export function isImagePath(path: string): boolean {
	const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase();
	return ext !== undefined && IMAGE_EXTENSIONS.includes(ext);
}

/** EXIF tags in the GPS block that say nothing about where: the rest all do, one way or another. */
const HARMLESS_GPS_TAGS = new Set(['GPSVersionID', 'GPS Info IFD Pointer']);

/** XMP properties that hold a position (exif:GPSLatitude and the like, in any namespace). */
const XMP_LOCATION = /GPS(?:Dest)?(?:Latitude|Longitude)/g;

export type LocationCheck = { tags: string[] } | { unreadable: string };

/**
 * The location tags an image carries (an empty list when none), or why it could not be read. The
 * tag names are given, not their values: build logs are no place for a source's coordinates.
 */
export function locationTags(bytes: Uint8Array): LocationCheck {
	const found = new Set<string>();
	let tags: Record<string, unknown>;
	try {
		tags = ExifReader.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
	} catch (error) {
		return { unreadable: (error as Error).message };
	}
	for (const name of Object.keys(tags)) {
		if (name.startsWith('GPS') && !HARMLESS_GPS_TAGS.has(name)) found.add(name);
	}
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	for (const m of text.matchAll(XMP_LOCATION)) found.add(m[0]);
	return { tags: [...found].sort() };
}
