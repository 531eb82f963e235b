/**
 * The raw bytes of a content file, checked before anything parses them: a file must be UTF-8,
 * without a byte-order mark, and not empty. Astro would read a Latin-1 file with replacement
 * characters and carry on; here the author learns which line to fix.
 */
import { isUtf8 } from 'node:buffer';

/** A problem with a whole file, at a line where one is known. */
export interface FileProblem {
	line?: number | undefined;
	message: string;
}

export interface DecodedSource {
	/** The text, without a byte-order mark; undefined when the bytes are not UTF-8. */
	text: string | undefined;
	problems: FileProblem[];
}

const BOM = [0xef, 0xbb, 0xbf];
const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** The first byte of `bytes` that does not belong to valid UTF-8: the longest valid prefix ends there. */
function firstInvalidByte(bytes: Uint8Array): number {
	let valid = 0;
	for (let end = 1; end <= bytes.length; end++) {
		if (isUtf8(bytes.subarray(0, end))) valid = end;
		else if (end - valid > 4) break;
	}
	return valid;
}

/** Where the first invalid UTF-8 byte is: its line (from 1), its column (from 1) and its value. */
function locateInvalidUtf8(bytes: Uint8Array): { line: number; column: number; byte: number } {
	let lineStart = 0;
	let line = 1;
	for (let i = 0; i <= bytes.length; i++) {
		if (i === bytes.length || bytes[i] === 0x0a) {
			const lineBytes = bytes.subarray(lineStart, i);
			// A line feed never occurs inside a UTF-8 sequence, so lines can be checked one by one.
			if (!isUtf8(lineBytes)) {
				const offset = firstInvalidByte(lineBytes);
				const column = new TextDecoder().decode(lineBytes.subarray(0, offset)).length + 1;
				return { line, column, byte: lineBytes[offset]! };
			}
			lineStart = i + 1;
			line++;
		}
	}
	return { line: 1, column: 1, byte: bytes[0] ?? 0 };
}

/** Decodes a content file's bytes, naming every problem an author has to fix. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
	const problems: FileProblem[] = [];
	let body = bytes;
	if (BOM.every((b, i) => bytes[i] === b)) {
		problems.push({
			line: 1,
			message:
				'the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM (in most editors: "UTF-8", not "UTF-8 with BOM")',
		});
		body = bytes.subarray(3);
	}
	if (!isUtf8(body)) {
		const { line, column, byte } = locateInvalidUtf8(body);
		problems.push({
			line,
			message: `the file is not valid UTF-8: byte ${hex(byte)} in column ${column} is not a UTF-8 character (the file was probably saved as Latin-1 or Windows-1252); save it as UTF-8`,
		});
		return { text: undefined, problems };
	}
	const text = new TextDecoder('utf-8').decode(body);
	if (text.trim() === '') {
		problems.push({
			message: `the file is empty; give it frontmatter and a body, or delete it (files whose names start with _ are ignored)`,
		});
		return { text: undefined, problems };
	}
	return { text, problems };
}
