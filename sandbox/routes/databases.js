// @ts-check
'use strict';

const { validationError, throwIfAny } = require('../errors');
const { checkRichText, checkIcon, checkCover, checkBoolean, isObject, isUuid } = require('../validate');
const { checkSchemaDefinition } = require('../schema');
const { databaseView } = require('../stores/databases');
const { compileFilter, compileSorts } = require('../filter');
const { readPaging, pageOf } = require('../paging');
const { visiblePage, visibleDatabase, bodyObject, checkKnownKeys } = require('./access');

/**
 * @typedef {import('../server').HandlerContext} HandlerContext
 * @typedef {import('../errors').ErrorDetail} ErrorDetail
 */

const CREATE_FIELDS = ['parent', 'title', 'description', 'icon', 'cover', 'properties', 'is_inline'];
const UPDATE_FIELDS = ['title', 'description', 'icon', 'cover', 'properties', 'in_trash', 'is_inline'];

/**
 * A database's parent is a page, or the workspace root when absent.
 * @param {unknown} raw @param {ErrorDetail[]} errs
 */
function checkParent(raw, errs) {
	if (raw === undefined || raw === null) return { type: 'workspace', workspace: true };
	if (!isObject(raw)) return void errs.push({ path: 'parent', reason: 'invalid_type', expected: 'object' });
	for (const k of Object.keys(raw)) if (!['type', 'page_id', 'workspace'].includes(k)) errs.push({ path: `parent.${k}`, reason: 'unknown_field' });
	if (raw.page_id === undefined && (raw.type === 'workspace' || raw.workspace === true)) return { type: 'workspace', workspace: true };
	if (raw.type !== undefined && raw.type !== 'page_id') errs.push({ path: 'parent.type', reason: 'invalid_value', expected: 'page_id' });
	if (!isUuid(raw.page_id)) return void errs.push({ path: 'parent.page_id', reason: raw.page_id === undefined ? 'required' : 'invalid_uuid' });
	return { type: 'page_id', page_id: String(raw.page_id).toLowerCase() };
}

/** @param {HandlerContext} ctx */
function createDatabase(ctx) {
	const body = bodyObject(ctx);
	/** @type {ErrorDetail[]} */
	const errs = [];
	checkKnownKeys(body, CREATE_FIELDS, errs);
	const parent = checkParent(body.parent, errs);
	const title = checkRichText(body.title ?? [], 'title', errs);
	const description = checkRichText(body.description ?? [], 'description', errs);
	const icon = checkIcon(body.icon ?? null, 'icon', errs);
	const cover = checkCover(body.cover ?? null, 'cover', errs);
	if (body.properties === undefined) errs.push({ path: 'properties', reason: 'required' });
	const defs = body.properties === undefined ? [] : checkSchemaDefinition(body.properties, 'properties', errs);
	if (body.is_inline !== undefined) checkBoolean(body.is_inline, 'is_inline', errs);
	throwIfAny(errs);
	if (parent?.page_id) {
		const { page } = visiblePage(ctx, parent.page_id);
		if (page.in_trash) throw validationError([{ path: 'parent.page_id', reason: 'in_trash' }], 'The parent is in the trash');
	}
	const rec = ctx.store.createDatabase({
		parent: /** @type {Record<string, any>} */ (parent), title: /** @type {unknown[]} */ (title),
		description: /** @type {unknown[]} */ (description), icon, cover, defs, isInline: body.is_inline, creatorId: ctx.token.bot.id,
	});
	ctx.store.shareWith(ctx.token, rec.db.id);
	return { body: databaseView(rec) };
}

/** @param {HandlerContext} ctx */
function updateDatabase(ctx) {
	const rec = visibleDatabase(ctx);
	const body = bodyObject(ctx);
	/** @type {ErrorDetail[]} */
	const errs = [];
	checkKnownKeys(body, UPDATE_FIELDS, errs);
	/** @type {import('../stores/databases').DatabaseChanges} */
	const changes = {};
	if ('title' in body) changes.title = /** @type {unknown[]} */ (checkRichText(body.title, 'title', errs));
	if ('description' in body) changes.description = /** @type {unknown[]} */ (checkRichText(body.description, 'description', errs));
	if ('icon' in body) changes.icon = checkIcon(body.icon, 'icon', errs);
	if ('cover' in body) changes.cover = checkCover(body.cover, 'cover', errs);
	if ('in_trash' in body) changes.in_trash = /** @type {boolean} */ (checkBoolean(body.in_trash, 'in_trash', errs));
	if ('is_inline' in body) changes.is_inline = /** @type {boolean} */ (checkBoolean(body.is_inline, 'is_inline', errs));
	if ('properties' in body) changes.properties = ctx.store.checkSchemaChanges(rec, body.properties, 'properties', errs);
	throwIfAny(errs);
	if (Object.keys(body).length === 0) return { body: databaseView(rec) };
	return { body: ctx.store.updateDatabase(rec, changes, ctx.token.bot.id) };
}

/** @param {HandlerContext} ctx */
function trashDatabase(ctx) {
	const rec = visibleDatabase(ctx);
	return { body: ctx.store.updateDatabase(rec, { in_trash: true }, ctx.token.bot.id) };
}

/**
 * Records of the database that are not in the trash and visible yet (see the clock's visibility lag), filtered,
 * sorted (creation order by default) and paged.
 * @param {HandlerContext} ctx
 */
function queryDatabase(ctx) {
	const rec = visibleDatabase(ctx);
	const body = bodyObject(ctx, { optional: true });
	/** @type {ErrorDetail[]} */
	const errs = [];
	checkKnownKeys(body, ['filter', 'sorts', 'start_cursor', 'page_size'], errs);
	throwIfAny(errs);
	const keep = body.filter === undefined || body.filter === null ? () => true : compileFilter(body.filter, rec.schema);
	const order = body.sorts === undefined || body.sorts === null ? () => 0 : compileSorts(body.sorts, rec.schema);
	const paging = readPaging(body);
	const records = ctx.store
		.recordsOf(rec.db.id)
		.map((r) => r.page)
		.filter((page) => !page.in_trash && ctx.store.data.clock.visible(page.id) && keep(page))
		.sort(order);
	return { body: pageOf(records.map((page) => structuredClone(page)), paging) };
}

/** @type {import('../server').Route[]} */
module.exports = [
	{ method: 'POST', path: '/v2/databases', scope: 'databases.write', handler: createDatabase },
	{ method: 'GET', path: '/v2/databases/:database_id', scope: 'databases.read', handler: (ctx) => ({ body: databaseView(visibleDatabase(ctx)) }) },
	{ method: 'PATCH', path: '/v2/databases/:database_id', scope: 'databases.write', handler: updateDatabase },
	{ method: 'DELETE', path: '/v2/databases/:database_id', scope: 'databases.write', handler: trashDatabase },
	{ method: 'POST', path: '/v2/databases/:database_id/query', scope: 'databases.read', handler: queryDatabase },
];
