// @ts-check
'use strict';

const { ApiError, validationError, throwIfAny } = require('../errors');
const { isObject, isUuid } = require('../validate');
const { visiblePage, visibleBlock, bodyObject, checkKnownKeys } = require('./access');
const { CONTENT_TYPES, MAX_UPLOAD_BYTES, UPLOAD_FIELDS } = require('../uploads');

/**
 * Files (https://buildin.ai/developer-api/v2/advanced/file-upload; the download link is in
 * https://api.buildin.ai/v2/openapi.json only): presigned upload links and temporary download links to the object
 * store, which is another server (sandbox/objectStore.js).
 * @typedef {import('../server').HandlerContext} HandlerContext
 * @typedef {import('../errors').ErrorDetail} ErrorDetail
 */

/** @param {HandlerContext} ctx */
function objectStoreOf(ctx) {
	const store = ctx.store.data.objectStore;
	if (!store) throw new ApiError(500, 'internal_error', 'The sandbox runs without its object store');
	return store;
}

/** POST /v2/files/upload-url @param {HandlerContext} ctx */
function uploadUrl(ctx) {
	const body = bodyObject(ctx);
	/** @type {ErrorDetail[]} */
	const errs = [];
	checkKnownKeys(body, UPLOAD_FIELDS, errs);
	if (typeof body.filename !== 'string' || body.filename.trim() === '') errs.push({ path: 'filename', reason: 'required' });
	if (!CONTENT_TYPES.includes(body.content_type)) {
		errs.push({ path: 'content_type', reason: body.content_type === undefined ? 'required' : 'unsupported_content_type', allowed: CONTENT_TYPES });
	}
	const length = body.content_length;
	if (!Number.isInteger(length) || length < 1) errs.push({ path: 'content_length', reason: length === undefined ? 'required' : 'invalid_value' });
	else if (length > MAX_UPLOAD_BYTES) errs.push({ path: 'content_length', reason: 'too_large', limit: MAX_UPLOAD_BYTES, actual: length });
	const parent = body.parent;
	if (!isObject(parent)) errs.push({ path: 'parent', reason: parent === undefined ? 'required' : 'invalid_type' });
	else {
		checkKnownKeys(parent, ['type', 'page_id'], errs);
		if (parent.type !== undefined && parent.type !== 'page_id') errs.push({ path: 'parent.type', reason: 'invalid_value', expected: 'page_id' });
		if (!isUuid(parent.page_id)) errs.push({ path: 'parent.page_id', reason: parent.page_id === undefined ? 'required' : 'invalid_uuid' });
	}
	throwIfAny(errs);
	const { page } = visiblePage(ctx, String(parent.page_id));
	if (page.in_trash) throw validationError([{ path: 'parent.page_id', reason: 'in_trash' }], 'The page is in the trash');
	const upload = objectStoreOf(ctx).issueUpload({ filename: body.filename, contentType: body.content_type, contentLength: length });
	return {
		body: {
			object: 'file_upload', id: upload.key.split('/')[1], upload_url: upload.url, method: 'PUT',
			headers: { 'Content-Type': body.content_type }, oss_name: upload.key, size: length,
			expiry_time: new Date(upload.expiresAt).toISOString(), file_url: null,
		},
	};
}

/** GET /v2/files/download-url @param {HandlerContext} ctx */
function downloadUrl(ctx) {
	const { block_id: blockId, oss_name: ossName, filename } = ctx.query;
	/** @type {ErrorDetail[]} */
	const errs = [];
	if (!isUuid(blockId)) errs.push({ path: 'block_id', reason: blockId === undefined ? 'required' : 'invalid_uuid' });
	if (!ossName) errs.push({ path: 'oss_name', reason: 'required' });
	throwIfAny(errs);
	const target = visibleBlock(ctx, blockId);
	const block = ctx.store.data.blocks.get(target.id);
	const content = block?.[block.type];
	if (!block || !['image', 'file'].includes(block.type) || content?.type !== 'file' || content.file.oss_name !== ossName) {
		throw validationError([{ path: 'oss_name', reason: 'not_referenced' }], 'The oss_name is not an uploaded file of this block');
	}
	const store = objectStoreOf(ctx);
	const ttl = ctx.options.downloadTtlSeconds;
	const link = store.downloadLink(ossName, ttl * 1000);
	return {
		body: {
			object: 'file_download', type: block.type, name: filename || store.objects.get(ossName)?.filename || ossName.split('/').pop(), ttl,
			file: { url: link.url, expiry_time: new Date(link.expiresAt).toISOString(), oss_name: ossName },
		},
	};
}

/** @type {import('../server').Route[]} */
module.exports = [
	{ method: 'POST', path: '/v2/files/upload-url', scope: 'pages.write', handler: uploadUrl },
	{ method: 'GET', path: '/v2/files/download-url', scope: 'blocks.read', handler: downloadUrl },
];
