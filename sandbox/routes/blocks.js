// @ts-check
'use strict';

const { ApiError, validationError, throwIfAny } = require('../errors');
const { isUuid, checkBoolean } = require('../validate');
const { checkBlockInputs, checkContent, WRITABLE_TYPES } = require('../blockInput');
const { readPaging, pageOf } = require('../paging');
const { visibleBlock, bodyObject, checkKnownKeys } = require('./access');
const { checkUploadedFiles } = require('../uploads');

/**
 * @typedef {import('../server').HandlerContext} HandlerContext
 * @typedef {import('../errors').ErrorDetail} ErrorDetail
 */

const READ_ONLY_TYPES = ['child_page', 'child_database', 'template', 'synced_block', 'column_list', 'column'];

/** A page or a block can hold blocks; a database holds records, which are read with a query. @param {HandlerContext} ctx */
function blockParent(ctx) {
	const target = visibleBlock(ctx);
	if (target.kind === 'database') {
		throw validationError([{ path: 'block_id', reason: 'not_a_block_parent' }], 'A database has records, not block children; query the database');
	}
	return target;
}

/** @param {HandlerContext} ctx */
function listChildren(ctx) {
	const { id } = blockParent(ctx);
	return { body: pageOf(ctx.store.childrenOf(id), readPaging(ctx.query, { fromQuery: true })) };
}

/**
 * `after` / `before`: optional, exclusive, and a live direct child of the parent.
 * @param {HandlerContext} ctx @param {string} parentId @param {Record<string, any>} body @param {ErrorDetail[]} errs
 */
function checkPosition(ctx, parentId, body, errs) {
	if (body.after !== undefined && body.before !== undefined) {
		errs.push({ path: 'after', reason: 'exclusive_fields', fields: ['after', 'before'] });
		return {};
	}
	const key = body.after !== undefined ? 'after' : body.before !== undefined ? 'before' : undefined;
	if (!key) return {};
	const anchor = body[key];
	if (!isUuid(anchor)) {
		errs.push({ path: key, reason: 'invalid_uuid' });
		return {};
	}
	const live = ctx.store.childrenOf(parentId).map((b) => b.id);
	if (!live.includes(anchor.toLowerCase())) {
		errs.push({ path: key, reason: 'not_a_child', parent_id: parentId });
		return {};
	}
	return { [key]: anchor.toLowerCase() };
}

/** @param {HandlerContext} ctx */
function appendChildren(ctx) {
	const { id } = blockParent(ctx);
	const body = bodyObject(ctx);
	/** @type {ErrorDetail[]} */
	const errs = [];
	checkKnownKeys(body, ['children', 'after', 'before'], errs);
	if (body.children === undefined) errs.push({ path: 'children', reason: 'required' });
	const children = body.children === undefined ? [] : checkBlockInputs(body.children, 'children', errs) ?? [];
	const position = checkPosition(ctx, id, body, errs);
	checkUploadedFiles(ctx, children, 'children', errs);
	throwIfAny(errs);
	if (ctx.store.isTrashed(id)) throw validationError([{ path: 'block_id', reason: 'in_trash' }], 'The parent is in the trash');
	const ids = ctx.store.insertBlocks(id, children, ctx.token.bot.id, position);
	ctx.store.touchOwner(id, ctx.token.bot.id);
	const results = ids.map((b) => ctx.store.blockView(b));
	return { body: { object: 'list', results, next_cursor: null, has_more: false } };
}

/** @param {HandlerContext} ctx */
function updateBlock(ctx) {
	const target = visibleBlock(ctx);
	const body = bodyObject(ctx);
	const current = /** @type {Record<string, any>} */ (ctx.store.blockView(target.id));
	const type = current.type;
	if (!WRITABLE_TYPES.includes(type)) {
		throw new ApiError(400, 'unsupported_block_type', `A ${type} block cannot be updated through the API`, [{ path: 'block_id', reason: 'unsupported_block_type', type }]);
	}
	/** @type {ErrorDetail[]} */
	const errs = [];
	/** @type {{ content?: Record<string, unknown>, in_trash?: boolean }} */
	const changes = {};
	for (const key of Object.keys(body)) {
		if (key === 'type') {
			if (!WRITABLE_TYPES.includes(body.type)) errs.push({ path: 'type', reason: 'unsupported_block_type', type: body.type });
			else if (body.type !== type) errs.push({ path: 'type', reason: 'type_mismatch', expected: type });
		} else if (key === 'in_trash') {
			changes.in_trash = /** @type {boolean} */ (checkBoolean(body.in_trash, 'in_trash', errs));
		} else if (key === type) {
			changes.content = checkContent(type, body[key], key, errs, true);
		} else if (WRITABLE_TYPES.includes(key)) {
			errs.push({ path: key, reason: 'type_mismatch', expected: type });
		} else {
			errs.push({ path: key, reason: READ_ONLY_TYPES.includes(key) ? 'unsupported_block_type' : 'unknown_field' });
		}
	}
	throwIfAny(errs);
	if (Object.keys(body).length === 0) return { body: current };
	return { body: ctx.store.updateBlock(target.id, changes, ctx.token.bot.id) };
}

/** DELETE moves the block to the trash; a page or database id trashes that page or database. @param {HandlerContext} ctx */
function trashBlock(ctx) {
	const target = visibleBlock(ctx);
	const editor = ctx.token.bot.id;
	if (target.kind === 'block') return { body: ctx.store.updateBlock(target.id, { in_trash: true }, editor) };
	if (target.kind === 'page') ctx.store.applyChanges(/** @type {any} */ (ctx.store.findPage(target.id)), { in_trash: true }, editor);
	else ctx.store.updateDatabase(/** @type {any} */ (ctx.store.findDatabase(target.id)), { in_trash: true }, editor);
	return { body: ctx.store.blockView(target.id) };
}

/** @type {import('../server').Route[]} */
module.exports = [
	{ method: 'GET', path: '/v2/blocks/:block_id', scope: 'blocks.read', handler: (ctx) => ({ body: ctx.store.blockView(visibleBlock(ctx).id) }) },
	{ method: 'PATCH', path: '/v2/blocks/:block_id', scope: 'blocks.write', handler: updateBlock },
	{ method: 'DELETE', path: '/v2/blocks/:block_id', scope: 'blocks.write', handler: trashBlock },
	{ method: 'GET', path: '/v2/blocks/:block_id/children', scope: 'blocks.read', handler: listChildren },
	{ method: 'PATCH', path: '/v2/blocks/:block_id/children', scope: 'blocks.write', handler: appendChildren },
];
