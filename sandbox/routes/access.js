// @ts-check
'use strict';

const { ApiError, validationError } = require('../errors');
const { isObject } = require('../validate');

/**
 * Lookups shared by the routes. Existence is checked before sharing, so an object that exists but is not shared
 * answers 403 rather than 404 (https://buildin.ai/developer-api/v2/getting-started/make-your-first-request).
 * @typedef {import('../server').HandlerContext} HandlerContext
 * @typedef {import('../errors').ErrorDetail} ErrorDetail
 */

/** @param {HandlerContext} ctx @param {string} id @param {string} what */
function requireShared(ctx, id, what) {
	if (!ctx.store.isShared(ctx.token, id)) throw new ApiError(403, 'forbidden', `The ${what} is not shared with this integration`);
}

/** @param {HandlerContext} ctx @param {string} [id] */
function visiblePage(ctx, id = ctx.params.page_id) {
	const rec = ctx.store.findPage(id);
	if (!rec) throw new ApiError(404, 'not_found', 'The page does not exist or is not visible to this integration');
	requireShared(ctx, rec.page.id, 'page');
	return rec;
}

/** @param {HandlerContext} ctx @param {string} [id] */
function visibleDatabase(ctx, id = ctx.params.database_id) {
	const rec = ctx.store.findDatabase(id);
	if (!rec) throw new ApiError(404, 'not_found', 'The database does not exist or is not visible to this integration');
	requireShared(ctx, rec.db.id, 'database');
	return rec;
}

/**
 * A block id, or a page or database id used as a block id.
 * @param {HandlerContext} ctx @param {string} [id]
 * @returns {{ kind: 'block' | 'page' | 'database', id: string }}
 */
function visibleBlock(ctx, id = ctx.params.block_id) {
	const k = id.toLowerCase();
	const kind = ctx.store.data.blocks.has(k) ? 'block' : ctx.store.data.pages.has(k) ? 'page' : ctx.store.data.databases.has(k) ? 'database' : undefined;
	if (!kind) throw new ApiError(404, 'not_found', 'The block does not exist or is not visible to this integration');
	requireShared(ctx, k, kind);
	return { kind, id: k };
}

/**
 * The JSON body as an object; a missing body counts as `{}` when `optional`.
 * @param {HandlerContext} ctx @param {{ optional?: boolean }} [opts] @returns {Record<string, any>}
 */
function bodyObject(ctx, opts = {}) {
	if (ctx.body === undefined && opts.optional) return {};
	if (!isObject(ctx.body)) throw validationError([{ path: 'body', reason: 'invalid_type', expected: 'object' }], 'The body must be a JSON object');
	return ctx.body;
}

/** @param {Record<string, unknown>} body @param {string[]} allowed @param {ErrorDetail[]} errs */
function checkKnownKeys(body, allowed, errs) {
	for (const key of Object.keys(body)) if (!allowed.includes(key)) errs.push({ path: key, reason: 'unknown_field' });
}

module.exports = { visiblePage, visibleDatabase, visibleBlock, bodyObject, checkKnownKeys };
