// @ts-check
'use strict';

const { validationError, throwIfAny } = require('../errors');
const { isObject, isUuid, emptyValue } = require('../validate');
const { buildSchema, readValue, refreshComputed, titleName } = require('../schema');
const { bodyObject, checkKnownKeys, visibleDatabase, visiblePage } = require('./access');

/**
 * PATCH /v2/pages/:page_id/move (in https://api.buildin.ai/v2/openapi.json only): a page, folder, mind map or database
 * goes under a page, a database (pages only: they become its records) or the workspace root, optionally after or before
 * a sibling.
 * @typedef {import('../server').HandlerContext} HandlerContext
 * @typedef {import('../errors').ErrorDetail} ErrorDetail
 * @typedef {{ key: 'page_id' | 'database_id' | 'workspace', id?: string }} ParentRef
 */

/**
 * `{ page_id }`, `{ database_id }` or `{ workspace: true }`, each optionally with its `type`.
 * @param {unknown} raw @param {ErrorDetail[]} errs @returns {ParentRef | undefined}
 */
function checkParent(raw, errs) {
	if (!isObject(raw)) return void errs.push({ path: 'parent', reason: raw === undefined ? 'required' : 'invalid_type' });
	checkKnownKeys(raw, ['type', 'page_id', 'database_id', 'workspace'], errs);
	const keys = /** @type {Array<'page_id' | 'database_id' | 'workspace'>} */ (['page_id', 'database_id', 'workspace'].filter((k) => raw[k] !== undefined));
	if (keys.length !== 1) return void errs.push({ path: 'parent', reason: keys.length ? 'exclusive_fields' : 'required', fields: keys });
	const [key] = keys;
	if (raw.type !== undefined && raw.type !== key) errs.push({ path: 'parent.type', reason: 'invalid_value', expected: key });
	if (key === 'workspace') return raw.workspace === true ? { key } : void errs.push({ path: 'parent.workspace', reason: 'invalid_value', expected: true });
	if (!isUuid(raw[key])) return void errs.push({ path: `parent.${key}`, reason: 'invalid_uuid' });
	return { key, id: String(raw[key]).toLowerCase() };
}

/**
 * The page or database being moved.
 * @param {HandlerContext} ctx
 */
function movedObject(ctx) {
	const id = ctx.params.page_id.toLowerCase();
	if (ctx.store.findDatabase(id)) return { kind: /** @type {const} */ ('database'), id, rec: visibleDatabase(ctx, id) };
	return { kind: /** @type {const} */ ('page'), id, rec: visiblePage(ctx, id) };
}

/** @param {HandlerContext} ctx @param {string} id @param {string} ancestor */
function isUnder(ctx, id, ancestor) {
	const seen = new Set();
	for (let current = /** @type {string | undefined} */ (id); current && !seen.has(current); current = ctx.store.parentIdOf(current)) {
		if (current === ancestor) return true;
		seen.add(current);
	}
	return false;
}

/**
 * The objects directly under a parent, for checking `after` / `before`.
 * @param {HandlerContext} ctx @param {ParentRef} parent
 */
function siblingIds(ctx, parent) {
	if (parent.key === 'page_id') return ctx.store.childIds(/** @type {string} */ (parent.id));
	const underRoot = (/** @type {Record<string, any>} */ p) => p.type === 'workspace';
	if (parent.key === 'database_id') return ctx.store.recordsOf(/** @type {string} */ (parent.id)).map((r) => r.page.id);
	return [
		...[...ctx.store.data.pages.values()].filter((r) => underRoot(r.page.parent)).map((r) => r.page.id),
		...[...ctx.store.data.databases.values()].filter((r) => underRoot(r.db.parent)).map((r) => r.db.id),
	];
}

/**
 * A page's properties under its new schema: the title carries over, the rest of a record's values do not (a page
 * has only a title; a new database's columns start empty).
 * @param {import('../store').PageRecord} rec @param {import('../schema').Schema} schema
 */
function adoptSchema(rec, schema) {
	const oldTitle = rec.page.properties[titleName(rec.schema)]?.title ?? [];
	rec.schema = schema;
	/** @type {Record<string, any>} */
	const properties = {};
	for (const [name, prop] of Object.entries(schema)) {
		properties[name] = { id: prop.id, type: prop.type, [prop.type]: prop.type === 'title' ? structuredClone(oldTitle) : readValue(prop, emptyValue(prop.type)) };
	}
	rec.page.properties = properties;
	refreshComputed(rec.page, schema);
}

/** @param {HandlerContext} ctx */
function movePage(ctx) {
	const moved = movedObject(ctx);
	const body = bodyObject(ctx);
	/** @type {ErrorDetail[]} */
	const errs = [];
	checkKnownKeys(body, ['parent', 'after', 'before'], errs);
	const parent = checkParent(body.parent, errs);
	if (body.after !== undefined && body.before !== undefined) errs.push({ path: 'after', reason: 'exclusive_fields', fields: ['after', 'before'] });
	for (const key of ['after', 'before']) if (body[key] !== undefined && !isUuid(body[key])) errs.push({ path: key, reason: 'invalid_uuid' });
	throwIfAny(errs);
	const target = /** @type {ParentRef} */ (parent);
	if (target.key === 'page_id') {
		const { page } = visiblePage(ctx, target.id);
		if (page.in_trash) throw validationError([{ path: 'parent.page_id', reason: 'in_trash' }], 'The new parent is in the trash');
		if (isUnder(ctx, page.id, moved.id)) {
			throw validationError([{ path: 'parent.page_id', reason: 'cycle' }], 'An object cannot be moved under itself or one of its descendants');
		}
	}
	if (target.key === 'database_id') {
		const { db } = visibleDatabase(ctx, target.id);
		if (db.in_trash) throw validationError([{ path: 'parent.database_id', reason: 'in_trash' }], 'The new parent is in the trash');
		if (moved.kind === 'database') throw validationError([{ path: 'parent.database_id', reason: 'invalid_parent' }], 'A database cannot be moved into a database');
	}
	const anchorKey = body.after !== undefined ? 'after' : body.before !== undefined ? 'before' : undefined;
	const anchor = anchorKey && String(body[anchorKey]).toLowerCase();
	if (anchorKey && (anchor === moved.id || !siblingIds(ctx, target).includes(/** @type {string} */ (anchor)))) {
		throw validationError([{ path: anchorKey, reason: 'not_a_sibling' }], `The ${anchorKey} object is not under the new parent`);
	}

	const object = moved.kind === 'database' ? /** @type {any} */ (moved.rec).db : /** @type {any} */ (moved.rec).page;
	const oldParentId = ctx.store.parentIdOf(moved.id);
	if (oldParentId) ctx.store.data.children.set(oldParentId, ctx.store.childIds(oldParentId).filter((id) => id !== moved.id));
	object.parent = target.key === 'workspace' ? { type: 'workspace', workspace: true } : { type: target.key, [target.key]: target.id };
	if (target.key === 'page_id') ctx.store.registerChild(/** @type {string} */ (target.id), moved.id, anchorKey ? { [anchorKey]: anchor } : {});
	if (moved.kind === 'page') {
		const rec = /** @type {import('../store').PageRecord} */ (moved.rec);
		const database = target.key === 'database_id' ? ctx.store.findDatabase(/** @type {string} */ (target.id)) : undefined;
		if (database) adoptSchema(rec, database.schema);
		else if (titleName(rec.schema) !== 'title' || Object.keys(rec.schema).length > 1) adoptSchema(rec, buildSchema({ title: 'title' }));
	}
	object.last_edited_time = ctx.store.data.clock.stamp(object.last_edited_time);
	if (moved.kind === 'page') ctx.store.data.clock.wrote(moved.id);
	object.last_edited_by = { object: 'user', id: ctx.token.bot.id };
	if (!ctx.store.isShared(ctx.token, moved.id)) ctx.store.shareWith(ctx.token, moved.id);
	return {
		body: {
			object: 'page_move', id: moved.id, object_type: moved.kind === 'database' ? 'database' : object.page_type,
			parent: structuredClone(object.parent), after: anchorKey === 'after' ? anchor : null, before: anchorKey === 'before' ? anchor : null,
		},
	};
}

/** @type {import('../server').Route[]} */
module.exports = [{ method: 'PATCH', path: '/v2/pages/:page_id/move', scope: 'pages.write', handler: movePage }];
