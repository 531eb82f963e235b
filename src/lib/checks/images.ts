/**
 * Images, checked before anything is published: every image a body shows must exist, and no image
 * file, wherever it is served from, may carry GPS location metadata.
 */
import { posix } from 'node:path';
import type { ContentIssue } from '../model/content-error.ts';
import type { Folder } from './entries.ts';
import { isImagePath, locationTags } from './image-metadata.ts';

function decodePath(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

/** Why an image a body shows cannot be found, or undefined when it exists. */
export function imageProblem(
	url: string,
	fromPath: string,
	contentPaths: ReadonlySet<string>,
	publicFolder: Folder,
	contentLabel: string,
): string | undefined {
	const path = decodePath(url.replace(/[?#].*$/, ''));
	if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
	if (path.startsWith('/')) {
		if (publicFolder.paths.includes(path.slice(1))) return undefined;
		return `image "${url}" not found: there is no ${publicFolder.label}${path}`;
	}
	const resolved = posix.normalize(posix.join(posix.dirname(fromPath), path));
	if (contentPaths.has(resolved)) return undefined;
	return `image "${url}" not found: there is no ${contentLabel}/${resolved}`;
}

/** Why an image file may not be published, or undefined. */
function locationProblem(bytes: Uint8Array, name: string): string | undefined {
	const check = locationTags(bytes);
	if ('unreadable' in check) {
		return `the image could not be read to check it for location metadata (${check.unreadable}); save it again as a standard image`;
	}
	if (check.tags.length === 0) return undefined;
	return `the image carries GPS location metadata (${check.tags.join(', ')}), which can identify a source or the people in it; remove it before publishing, e.g. exiftool -gps:all= -xmp:all= ${name}`;
}

/** The image files of the folders: an issue for each that carries location metadata. */
export function imageFileProblems(folders: readonly Folder[]): {
	issues: ContentIssue[];
	count: number;
} {
	const issues: ContentIssue[] = [];
	let count = 0;
	for (const folder of folders) {
		for (const path of folder.paths.filter(isImagePath)) {
			count++;
			const problem = locationProblem(folder.read(path), posix.basename(path));
			if (problem)
				issues.push({ file: `${folder.label}/${path}`, field: 'file', message: problem });
		}
	}
	return { issues, count };
}
