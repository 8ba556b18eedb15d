// @ts-check
'use strict';

/**
 * What the upload endpoint accepts (https://buildin.ai/developer-api/v2/advanced/file-upload) and the check that blocks
 * name only files that really were uploaded.
 * @typedef {import('./server').HandlerContext} HandlerContext
 * @typedef {import('./errors').ErrorDetail} ErrorDetail
 * @typedef {import('./blockInput').BlockInput} BlockInput
 */

/** The upload whitelist of the spec (https://api.buildin.ai/v2/openapi.json). */
const CONTENT_TYPES = [
	'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/svg+xml', 'image/bmp', 'image/tiff',
	'application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'application/vnd.ms-powerpoint', 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	'text/plain', 'text/csv', 'text/markdown', 'text/html',
	'application/zip', 'application/x-rar-compressed', 'application/gzip',
	'audio/mpeg', 'audio/wav', 'audio/ogg',
	'video/mp4', 'video/webm', 'video/quicktime',
	'application/json', 'application/xml', 'application/octet-stream',
];
/** 100 MB, read as MiB [INF]. */
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
/** The spec names the size `content_length`; the doc page's `size` is refused as an unknown field (README). */
const UPLOAD_FIELDS = ['filename', 'content_type', 'content_length', 'parent'];

/**
 * Uploaded files among checked block inputs: a key this sandbox issued must have been uploaded, with the size the
 * block gives. Keys it never issued (seeded data) are taken as uploaded elsewhere.
 * @param {HandlerContext} ctx @param {BlockInput[]} inputs @param {string} path @param {ErrorDetail[]} errs
 */
function checkUploadedFiles(ctx, inputs, path, errs) {
	const store = ctx.store.data.objectStore;
	if (!store) return;
	inputs.forEach((input, i) => {
		const source = /** @type {Record<string, any>} */ (input.content);
		if ((input.type === 'image' || input.type === 'file') && source.type === 'file') {
			const { oss_name: key, size } = source.file;
			const at = `${path}[${i}].${input.type}.file`;
			if (store.isPending(key)) errs.push({ path: `${at}.oss_name`, reason: 'not_uploaded' });
			const object = store.objects.get(key);
			if (object && object.size !== size) errs.push({ path: `${at}.size`, reason: 'size_mismatch', expected: object.size, actual: size });
		}
		checkUploadedFiles(ctx, input.children, `${path}[${i}].children`, errs);
	});
}

module.exports = { CONTENT_TYPES, MAX_UPLOAD_BYTES, UPLOAD_FIELDS, checkUploadedFiles };
