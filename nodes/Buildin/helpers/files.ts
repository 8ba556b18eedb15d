import type { IDataObject } from 'n8n-workflow';

import { InvalidInputError } from './errors';

/**
 * The content types Buildin accepts for uploads (the whitelist of Buildin's OpenAPI document,
 * https://api.buildin.ai/v2/openapi.json; https://buildin.ai/developer-api/v2/advanced/file-upload).
 */
const UPLOAD_CONTENT_TYPES = [
	'image/jpeg',
	'image/png',
	'image/gif',
	'image/webp',
	'image/svg+xml',
	'image/bmp',
	'image/tiff',
	'application/pdf',
	'application/msword',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'application/vnd.ms-excel',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'application/vnd.ms-powerpoint',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	'text/plain',
	'text/csv',
	'text/markdown',
	'text/html',
	'application/zip',
	'application/x-rar-compressed',
	'application/gzip',
	'audio/mpeg',
	'audio/wav',
	'audio/ogg',
	'video/mp4',
	'video/webm',
	'video/quicktime',
	'application/json',
	'application/xml',
	'application/octet-stream',
];

/** The largest upload: 100 MB, read as 100 MiB (the spec says "100 MB"; README). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** A content type as the whitelist spells it: lower case, without parameters (`text/csv; charset=utf-8` → `text/csv`). */
export function uploadContentType(field: string, value: unknown): string {
	const type = String(value ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	if (type === '') {
		throw new InvalidInputError(field, 'is empty: the binary data has no MIME type', 'Set Options → Content Type, e.g. application/pdf');
	}
	if (!UPLOAD_CONTENT_TYPES.includes(type)) {
		throw new InvalidInputError(
			field,
			`${JSON.stringify(type)} is not a content type Buildin accepts for uploads`,
			`Accepted: ${UPLOAD_CONTENT_TYPES.join(', ')}. Set Options → Content Type to one of them if the file is of such a type.`,
		);
	}
	return type;
}

/** The file's size, checked against Buildin's limit before anything is sent. */
export function uploadSize(field: string, bytes: number): number {
	if (!Number.isInteger(bytes) || bytes < 1) {
		throw new InvalidInputError(field, 'is empty (0 bytes)', 'Buildin stores files of 1 byte to 100 MB');
	}
	if (bytes > MAX_UPLOAD_BYTES) {
		const mb = (bytes / 1024 / 1024).toFixed(1);
		throw new InvalidInputError(field, `is ${mb} MB (${bytes} bytes), over Buildin's 100 MB limit for uploads`, 'Split or compress the file');
	}
	return bytes;
}

/** The file name to send: the override, else the binary's own name. */
export function uploadFileName(field: string, override: unknown, fromBinary: unknown): string {
	const name = String(override ?? '').trim() || String(fromBinary ?? '').trim();
	if (name === '') {
		throw new InvalidInputError(field, 'is empty: the binary data has no file name', 'Set Options → File Name, e.g. report.pdf');
	}
	return name;
}

export type FileBlockChoice = 'auto' | 'file' | 'image';

/** The block type that shows the file: an image for image types (Auto or Image), a file block otherwise. */
export function fileBlockType(field: string, choice: unknown, contentType: string): 'file' | 'image' {
	const isImage = contentType.startsWith('image/');
	if (choice === 'file') return 'file';
	if (choice === 'image') {
		if (!isImage) throw new InvalidInputError(field, `Image needs an image content type, not ${contentType}`, 'Choose File or Auto');
		return 'image';
	}
	if (choice === 'auto') return isImage ? 'image' : 'file';
	throw new InvalidInputError(field, `${JSON.stringify(choice)} is not one of Auto, File, Image`);
}

/**
 * The image or file block showing an uploaded file (BlockInput in https://api.buildin.ai/v2/openapi.json, internal
 * form).
 */
export function uploadedFileBlock(type: 'file' | 'image', ossName: string, size: number, contentType: string): IDataObject {
	return { object: 'block', type, [type]: { type: 'file', file: { oss_name: ossName, size, content_type: contentType } } };
}

/** The file name at the end of a URL's path, if it has one. */
export function fileNameFromUrl(url: string): string | undefined {
	try {
		const last = new URL(url).pathname.split('/').pop() ?? '';
		const name = decodeURIComponent(last).trim();
		return name === '' ? undefined : name;
	} catch {
		return undefined;
	}
}
