// @ts-check
'use strict';

const { ApiError, validationError } = require('../errors');
const { checkPropertyValue, checkIcon, checkCover, checkBoolean, isObject } = require('../validate');

/**
 * @typedef {import('../server').HandlerContext} HandlerContext
 * @typedef {import('../errors').ErrorDetail} ErrorDetail
 */

const PATCH_FIELDS = ['properties', 'icon', 'cover', 'in_trash'];

/**
 * Existence is checked before sharing, so an unshared page answers 403 rather than 404 (fact sheet §1.1).
 * @param {HandlerContext} ctx
 */
function visiblePage(ctx) {
	const rec = ctx.store.findPage(ctx.params.page_id);
	if (!rec) throw new ApiError(404, 'not_found', 'The page does not exist or is not visible to this integration');
	if (!ctx.store.isShared(ctx.token, rec.page.id)) {
		throw new ApiError(403, 'forbidden', 'The page is not shared with this integration');
	}
	return rec;
}

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
	const body = ctx.body;
	if (!isObject(body)) throw validationError([{ path: 'body', reason: 'invalid_type', expected: 'object' }], 'The body must be a JSON object');

	const ifMatch = ctx.headers['if-match'];
	if (typeof ifMatch === 'string' && !ctx.store.matchesVersion(rec.page, ifMatch)) {
		throw new ApiError(409, 'conflict', 'The page was modified since the version in If-Match; read it again');
	}

	/** @type {ErrorDetail[]} */
	const errs = [];
	for (const key of Object.keys(body)) {
		if (!PATCH_FIELDS.includes(key)) errs.push({ path: key, reason: 'unknown_field' });
	}
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

/** @type {import('../server').Route[]} */
module.exports = [
	{
		method: 'GET',
		path: '/v2/pages/:page_id',
		scope: 'pages.read',
		handler: (ctx) => pageAnswer(ctx, visiblePage(ctx).page, ctx.options.etagOnGet),
	},
	{ method: 'PATCH', path: '/v2/pages/:page_id', scope: 'pages.write', handler: updatePage },
];
