// @ts-check
'use strict';

const { ApiError, validationError, throwIfAny } = require('../errors');
const { checkPropertyValue, checkIcon, checkCover, checkBoolean, isObject, isUuid } = require('../validate');
const { buildSchema } = require('../schema');
const { checkBlockInputs } = require('../blockInput');
const { readPaging, pageOf } = require('../paging');
const { visiblePage, visibleDatabase, bodyObject, checkKnownKeys } = require('./access');
const { checkUploadedFiles } = require('../uploads');

/**
 * @typedef {import('../server').HandlerContext} HandlerContext
 * @typedef {import('../errors').ErrorDetail} ErrorDetail
 */

const PATCH_FIELDS = ['properties', 'icon', 'cover', 'in_trash'];
const CREATE_FIELDS = ['parent', 'properties', 'icon', 'cover', 'children'];
/**
 * Property types whose values GET .../properties/:id pages through
 * (https://buildin.ai/developer-api/v2/read/get-page-property).
 */
const LIST_TYPES = ['title', 'rich_text', 'relation', 'people'];

/** @param {HandlerContext} ctx @param {Record<string, any>} page @param {boolean} withEtag */
function pageAnswer(ctx, page, withEtag) {
	return { body: structuredClone(page), headers: withEtag ? { etag: ctx.store.versionOf(page) } : undefined };
}

/**
 * @param {unknown} properties @param {import('../store').Schema} schema @param {ErrorDetail[]} errs
 * @returns {Record<string, unknown>}
 */
function checkProperties(properties, schema, errs) {
	/** @type {Record<string, unknown>} */
	const out = {};
	if (!isObject(properties)) {
		errs.push({ path: 'properties', reason: 'invalid_type', expected: 'object' });
		return out;
	}
	for (const [name, value] of Object.entries(properties)) {
		const prop = Object.prototype.hasOwnProperty.call(schema, name) ? schema[name] : undefined;
		if (!prop) errs.push({ path: `properties.${name}`, reason: 'unknown_property' });
		else out[name] = checkPropertyValue(value, prop.type, `properties.${name}`, errs);
	}
	return out;
}

/** @param {HandlerContext} ctx */
function updatePage(ctx) {
	const rec = visiblePage(ctx);
	const body = bodyObject(ctx);

	const ifMatch = ctx.headers['if-match'];
	if (typeof ifMatch === 'string' && !ctx.store.matchesVersion(rec.page, ifMatch)) {
		throw new ApiError(409, 'conflict', 'The page was modified since the version in If-Match; read it again');
	}

	/** @type {ErrorDetail[]} */
	const errs = [];
	checkKnownKeys(body, PATCH_FIELDS, errs);
	/** @type {import('../store').PageChanges} */
	const changes = {};
	if ('properties' in body) changes.properties = checkProperties(body.properties, rec.schema, errs);
	if ('icon' in body) changes.icon = checkIcon(body.icon, 'icon', errs);
	if ('cover' in body) changes.cover = checkCover(body.cover, 'cover', errs);
	if ('in_trash' in body) changes.in_trash = /** @type {boolean} */ (checkBoolean(body.in_trash, 'in_trash', errs));
	if (errs.length) throw validationError(errs);

	if (Object.keys(body).length > 0) ctx.store.applyChanges(rec, changes, ctx.token.bot.id);
	return pageAnswer(ctx, rec.page, ctx.options.etagOnPatch);
}

/**
 * Syntax of a create `parent`: `{ page_id }` or `{ database_id }` (exactly one; a matching `type` is tolerated),
 * or absent, null or `{ type: 'workspace', workspace: true }` for the workspace root.
 * @param {unknown} raw @param {ErrorDetail[]} errs
 * @returns {{ key: 'page_id' | 'database_id', id: string } | null | undefined} null for the root
 */
function checkParent(raw, errs) {
	if (raw === undefined || raw === null) return null;
	if (!isObject(raw)) return void errs.push({ path: 'parent', reason: 'invalid_type', expected: 'object' });
	for (const k of Object.keys(raw)) {
		if (!['type', 'page_id', 'database_id', 'workspace'].includes(k)) errs.push({ path: `parent.${k}`, reason: 'unknown_field' });
	}
	const keys = /** @type {Array<'page_id' | 'database_id'>} */ (['page_id', 'database_id'].filter((k) => raw[k] !== undefined));
	if (keys.length === 0) {
		if (raw.type === 'workspace' || raw.workspace === true) return null;
		return void errs.push({ path: 'parent', reason: 'required', expected: ['page_id', 'database_id'] });
	}
	if (keys.length > 1) return void errs.push({ path: 'parent', reason: 'exclusive_fields', fields: keys });
	const key = keys[0];
	if (raw.type !== undefined && raw.type !== key) errs.push({ path: 'parent.type', reason: 'invalid_value', expected: key });
	if (!isUuid(raw[key])) return void errs.push({ path: `parent.${key}`, reason: 'invalid_uuid' });
	return { key, id: String(raw[key]).toLowerCase() };
}

/**
 * The parent in read shape and the schema the new page's properties follow.
 * @param {HandlerContext} ctx @param {{ key: 'page_id' | 'database_id', id: string } | null} ref
 */
function resolveParent(ctx, ref) {
	if (!ref) return { parent: { type: 'workspace', workspace: true }, schema: buildSchema({ title: 'title' }) };
	const database = ref.key === 'database_id' ? visibleDatabase(ctx, ref.id) : undefined;
	const target = database ? database.db : visiblePage(ctx, ref.id).page;
	if (target.in_trash) throw validationError([{ path: `parent.${ref.key}`, reason: 'in_trash' }], 'The parent is in the trash');
	// A record's schema is its database's; a sub-page has just a title.
	return { parent: { type: ref.key, [ref.key]: ref.id }, schema: database ? database.schema : buildSchema({ title: 'title' }) };
}

/** @param {unknown} v @returns {string} JSON with sorted keys, to compare bodies */
function canonical(v) {
	if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
	if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
	return JSON.stringify(v);
}

/** @param {HandlerContext} ctx */
function createPage(ctx) {
	const body = bodyObject(ctx);
	const key = ctx.headers['idempotency-key'];
	const slot = typeof key === 'string' && key !== '' ? `${ctx.token.token}\u0000${key}` : undefined;
	const seen = slot ? ctx.store.data.idempotency.get(slot) : undefined;
	if (seen) {
		if (seen.body !== canonical(body)) {
			throw new ApiError(409, 'idempotency_conflict', 'The Idempotency-Key was already used with a different body');
		}
		const again = ctx.store.findPage(seen.pageId);
		if (again) return pageAnswer(ctx, again.page, false);
	}

	/** @type {ErrorDetail[]} */
	const errs = [];
	checkKnownKeys(body, CREATE_FIELDS, errs);
	const ref = checkParent(body.parent, errs);
	const children = body.children === undefined ? [] : checkBlockInputs(body.children, 'children', errs, { allowEmpty: true }) ?? [];
	checkUploadedFiles(ctx, children, 'children', errs);
	throwIfAny(errs);
	const { parent, schema } = resolveParent(ctx, /** @type {NonNullable<typeof ref> | null} */ (ref));
	const values = body.properties === undefined ? {} : checkProperties(body.properties, schema, errs);
	const icon = body.icon === undefined ? null : checkIcon(body.icon, 'icon', errs);
	const cover = body.cover === undefined ? null : checkCover(body.cover, 'cover', errs);
	throwIfAny(errs);

	const rec = ctx.store.createPage({ parent, schema, values, icon, cover, creatorId: ctx.token.bot.id });
	if (children.length) ctx.store.insertBlocks(rec.page.id, children, ctx.token.bot.id);
	ctx.store.shareWith(ctx.token, rec.page.id);
	if (slot) ctx.store.data.idempotency.set(slot, { body: canonical(body), pageId: rec.page.id });
	return pageAnswer(ctx, rec.page, false);
}

/**
 * DELETE moves the page to the trash and answers it (https://buildin.ai/developer-api/v2/write/delete-page). @param
 * {HandlerContext} ctx
 */
function trashPage(ctx) {
	const rec = visiblePage(ctx);
	ctx.store.applyChanges(rec, { in_trash: true }, ctx.token.bot.id);
	return pageAnswer(ctx, rec.page, false);
}

/**
 * One property of a page: by property id, or by its (URL-encoded) name.
 * @param {HandlerContext} ctx
 */
function getProperty(ctx) {
	const rec = visiblePage(ctx);
	const ref = ctx.params.property;
	const entries = Object.entries(rec.schema);
	const found = entries.find(([, p]) => p.id === ref) ?? entries.find(([name]) => name === ref);
	if (!found) throw new ApiError(404, 'not_found', `The page has no property ${JSON.stringify(ref)}`);
	const [name, prop] = found;
	const value = structuredClone(rec.page.properties[name]?.[prop.type]);
	const item = (/** @type {unknown} */ v) => ({ object: 'property_item', id: prop.id, type: prop.type, [prop.type]: v });
	if (!LIST_TYPES.includes(prop.type)) return { body: item(value) };
	const list = pageOf(/** @type {unknown[]} */ (value ?? []).map(item), readPaging(ctx.query, { fromQuery: true }));
	return {
		body: {
			object: 'list', type: 'property_item', property_item: { id: prop.id, type: prop.type, [prop.type]: {} },
			results: list.results, next_cursor: list.next_cursor, has_more: list.has_more,
		},
	};
}

/** @type {import('../server').Route[]} */
module.exports = [
	{ method: 'POST', path: '/v2/pages', scope: 'pages.write', handler: createPage },
	{
		method: 'GET',
		path: '/v2/pages/:page_id',
		scope: 'pages.read',
		handler: (ctx) => pageAnswer(ctx, visiblePage(ctx).page, ctx.options.etagOnGet),
	},
	{ method: 'PATCH', path: '/v2/pages/:page_id', scope: 'pages.write', handler: updatePage },
	{ method: 'DELETE', path: '/v2/pages/:page_id', scope: 'pages.write', handler: trashPage },
	// `property`, not `property_id`: the server checks *_id path parameters as UUIDs, and property ids are not.
	{ method: 'GET', path: '/v2/pages/:page_id/properties/:property', scope: 'pages.read', handler: getProperty },
];
