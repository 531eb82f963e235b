import { describe, expect, it } from 'vitest';
import { isImagePath, locationTags } from '../../../src/lib/checks/image-metadata.ts';
import { exifSegment, jpeg, KABUL, xmpSegment } from '../../support/images.ts';

describe('locationTags', () => {
	it('finds the GPS position in a JPEG’s EXIF, by tag name only', () => {
		expect(locationTags(jpeg([exifSegment(KABUL)]))).toEqual({
			tags: ['GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef'],
		});
	});

	it('finds a position written in XMP', () => {
		const image = jpeg([xmpSegment('exif:GPSLatitude="34,31.0N" exif:GPSLongitude="69,10.0E"')]);
		expect(locationTags(image)).toEqual({ tags: ['GPSLatitude', 'GPSLongitude'] });
	});

	it('finds nothing in an image whose EXIF holds no position', () => {
		expect(locationTags(jpeg([exifSegment()]))).toEqual({ tags: [] });
		expect(locationTags(jpeg([]))).toEqual({ tags: [] });
	});

	it('says when a file is not an image it can read', () => {
		expect(locationTags(new TextEncoder().encode('not an image'))).toEqual({
			unreadable: 'Invalid image format',
		});
	});
});

describe('isImagePath', () => {
	it('knows the image extensions in any case, and nothing else', () => {
		expect(isImagePath('reports/a.JPG')).toBe(true);
		expect(isImagePath('photos/b.webp')).toBe(true);
		expect(isImagePath('favicon.svg')).toBe(false);
		expect(isImagePath('report.pdf')).toBe(false);
	});
});
