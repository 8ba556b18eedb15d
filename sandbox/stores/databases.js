// @ts-check
'use strict';

const { randomUUID } = require('node:crypto');
const { isUuid, emptyValue, checkRichText, checkIcon, checkCover, isObject, fail } = require('../validate');
const {
	checkSchemaDefinition, checkDefinition, makeProp, schemaView, readValue, refreshComputed, COMPUTED_TYPES,
} = require('../schema');

/**
 * Databases (https://buildin.ai/developer-api/v2/reference/object-models). Records are pages whose parent is the
 * database and whose `schema` is the very object held here, so schema changes reach them.
 * @typedef {import('../schema').Schema} Schema
 * @typedef {import('../schema').PropDefinition} PropDefinition
 * @typedef {import('../errors').ErrorDetail} ErrorDetail
 * @typedef {{ db: Record<string, any>, schema: Schema }} DatabaseRecord
 * @typedef {{ page: Record<string, any>, schema: Schema }} PageRecord
 * @typedef {{ databases: Map<string, DatabaseRecord>, pages: Map<string, PageRecord>,
 *   workspace: { ownerId: string }, clock: import('../time').Clock }} DatabaseData
 * @typedef {{ delete?: true, def?: PropDefinition }} SchemaChange
 * @typedef {{ title?: unknown[], description?: unknown[], icon?: unknown, cover?: unknown, in_trash?: boolean,
 *   is_inline?: boolean, properties?: Array<[string, SchemaChange]> }} DatabaseChanges
 */

/** @param {DatabaseRecord} rec @returns {Record<string, any>} */
function databaseView(rec) {
	const { db } = rec;
	return structuredClone({
		object: 'database', id: db.id, created_time: db.created_time, last_edited_time: db.last_edited_time,
		created_by: db.created_by, last_edited_by: db.last_edited_by, title: db.title, description: db.description,
		icon: db.icon, cover: db.cover, parent: db.parent, properties: schemaView(rec.schema), in_trash: db.in_trash,
		is_inline: db.is_inline, url: db.url,
	});
}

/**
 * Record values after a schema change: renamed properties keep their value, a type change empties it, removed select
 * options disappear from values.
 * @param {Record<string, any>} page @param {Schema} schema @param {Record<string, string>} renamedFrom new name -> old
 */
function syncRecord(page, schema, renamedFrom) {
	const old = page.properties;
	/** @type {Record<string, any>} */
	const next = {};
	for (const [name, prop] of Object.entries(schema)) {
		const before = old[renamedFrom[name] ?? name];
		let value = before && before.type === prop.type ? before[prop.type] : emptyValue(prop.type);
		if (prop.type === 'select' && value) value = prop.options?.has(value.name) ? readValue(prop, value) : null;
		if (prop.type === 'multi_select') value = readValue(prop, value.filter((/** @type {any} */ o) => prop.options?.has(o.name)));
		next[name] = { id: prop.id, type: prop.type, [prop.type]: structuredClone(value) };
	}
	page.properties = next;
	refreshComputed(page, schema);
}

/**
 * @param {DatabaseData} data
 * @param {{ registerChild: (parentId: string, childId: string) => void }} blocks
 */
function createDatabases(data, blocks) {
	/** @param {string} id */
	function findDatabase(id) {
		return data.databases.get(id.toLowerCase());
	}

	/** @param {string} id */
	function recordsOf(id) {
		const rec = findDatabase(id);
		return rec ? [...data.pages.values()].filter((p) => p.schema === rec.schema) : [];
	}

	/**
	 * @param {{ id?: string, parent: Record<string, any>, title: unknown[], description: unknown[], icon: unknown,
	 *   cover: unknown, defs: Array<[string, PropDefinition]>, isInline?: boolean, inTrash?: boolean, creatorId: string,
	 *   createdTime?: string, lastEditedTime?: string }} o
	 */
	function createDatabase(o) {
		const id = (o.id ?? randomUUID()).toLowerCase();
		/** @type {Schema} */
		const schema = {};
		for (const [, def] of o.defs) schema[def.name] = makeProp(def);
		const created = o.createdTime ?? data.clock.stamp();
		const by = { object: 'user', id: o.creatorId };
		const db = {
			object: 'database', id, created_time: created, last_edited_time: o.lastEditedTime ?? created, created_by: by,
			last_edited_by: { ...by }, title: o.title, description: o.description, icon: o.icon, cover: o.cover,
			parent: o.parent, in_trash: o.inTrash ?? false, is_inline: o.isInline ?? false, url: `https://buildin.ai/database/${id}`,
		};
		/** @type {DatabaseRecord} */
		const rec = { db, schema };
		data.databases.set(id, rec);
		const parentId = o.parent.page_id ?? o.parent.block_id;
		if (parentId) blocks.registerChild(parentId, id);
		return rec;
	}

	/**
	 * Test/seed helper; throws a plain Error on bad input. `properties` maps names to definitions such as
	 * `{ type: 'select', select: { options: [{ name: 'Doing' }] } }`, or just to the type name.
	 * @param {{ id?: string, title?: string | unknown[], description?: string | unknown[], parent?: Record<string, any>,
	 *   icon?: unknown, cover?: unknown, properties: Record<string, unknown>, isInline?: boolean, inTrash?: boolean,
	 *   createdTime?: string, lastEditedTime?: string }} opts
	 */
	function addDatabase(opts) {
		const id = (opts.id ?? randomUUID()).toLowerCase();
		if (!isUuid(id)) throw new Error(`sandbox: database id ${id} is not a dashed uuid`);
		if (data.databases.has(id) || data.pages.has(id)) throw new Error(`sandbox: ${id} exists already`);
		/** @type {ErrorDetail[]} */
		const errs = [];
		/** @param {string | unknown[] | undefined} t @param {string} path */
		const rich = (t, path) => checkRichText(typeof t === 'string' ? [{ type: 'text', text: { content: t } }] : t ?? [], path, errs);
		const props = Object.fromEntries(Object.entries(opts.properties ?? {}).map(([k, v]) => [k, typeof v === 'string' ? { type: v } : v]));
		const defs = checkSchemaDefinition(props, 'properties', errs);
		const title = rich(opts.title, 'title');
		const description = rich(opts.description, 'description');
		const icon = checkIcon(opts.icon ?? null, 'icon', errs);
		const cover = checkCover(opts.cover ?? null, 'cover', errs);
		const parent = normaliseParent(opts.parent);
		if (!parent) errs.push({ path: 'parent', reason: 'invalid_value' });
		if (errs.length) throw new Error(`sandbox: invalid database: ${JSON.stringify(errs)}`);
		const rec = createDatabase({
			id, parent: /** @type {Record<string, any>} */ (parent), title: /** @type {unknown[]} */ (title),
			description: /** @type {unknown[]} */ (description), icon, cover, defs, isInline: opts.isInline,
			inTrash: opts.inTrash, creatorId: data.workspace.ownerId, createdTime: opts.createdTime, lastEditedTime: opts.lastEditedTime,
		});
		return databaseView(rec);
	}

	/** @param {string} id */
	function getDatabase(id) {
		const rec = findDatabase(id);
		return rec && databaseView(rec);
	}

	/**
	 * Checks a PATCH `properties` map against the current schema: `null` deletes, a new name adds, an existing name
	 * changes type or configuration, and a `name` different from the key renames.
	 * @param {DatabaseRecord} rec @param {unknown} v @param {string} path @param {ErrorDetail[]} errs
	 * @returns {Array<[string, SchemaChange]>}
	 */
	function checkSchemaChanges(rec, v, path, errs) {
		if (!isObject(v)) {
			fail(errs, path, 'invalid_type', { expected: 'object' });
			return [];
		}
		const { schema } = rec;
		/** @type {Array<[string, SchemaChange]>} */
		const out = [];
		const names = new Set(Object.keys(schema));
		for (const [key, raw] of Object.entries(v)) {
			const existing = Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined;
			const p = `${path}.${key}`;
			if (raw === null) {
				if (!existing) fail(errs, p, 'unknown_property');
				else if (existing.type === 'title') fail(errs, p, 'title_required');
				else {
					names.delete(key);
					out.push([key, { delete: true }]);
				}
				continue;
			}
			let given = raw;
			// `{ name: "New" }` alone renames and keeps the type and configuration.
			if (existing && isObject(raw) && raw.type === undefined && !(existing.type in raw) && Object.keys(raw).every((k) => k === 'name')) {
				given = { ...raw, type: existing.type, [existing.type]: schemaView({ [key]: existing })[key][existing.type] };
			}
			const def = checkDefinition(key, given, p, errs);
			if (!def) continue;
			const wasTitle = existing?.type === 'title';
			if (wasTitle !== (def.type === 'title')) fail(errs, `${p}.type`, existing ? 'title_type_change' : 'too_many_titles');
			if (def.name !== key) {
				if (names.has(def.name)) fail(errs, `${p}.name`, 'duplicate');
				names.delete(key);
			}
			names.add(def.name);
			out.push([key, { def }]);
		}
		return out;
	}

	/** @param {DatabaseRecord} rec @param {DatabaseChanges} changes @param {string} editorId */
	function updateDatabase(rec, changes, editorId) {
		const { db, schema } = rec;
		for (const k of /** @type {const} */ (['title', 'description', 'icon', 'cover', 'in_trash', 'is_inline'])) {
			if (changes[k] !== undefined) db[k] = structuredClone(changes[k]);
		}
		if (changes.properties?.length) {
			/** @type {Record<string, string>} */
			const renamedFrom = {};
			/** @type {Array<[string, import('../schema').SchemaProp]>} */
			const entries = Object.entries(schema);
			for (const [key, change] of changes.properties) {
				const i = entries.findIndex(([n]) => n === key);
				if (change.delete) entries.splice(i, 1);
				else if (change.def) {
					const prop = makeProp(change.def, i >= 0 ? entries[i][1] : undefined);
					if (i >= 0) entries[i] = [change.def.name, prop];
					else entries.push([change.def.name, prop]);
					if (change.def.name !== key) renamedFrom[change.def.name] = key;
				}
			}
			// In place: records hold this same object.
			for (const k of Object.keys(schema)) delete schema[k];
			for (const [n, prop] of entries) schema[n] = prop;
			for (const record of recordsOf(db.id)) syncRecord(record.page, schema, renamedFrom);
		}
		db.last_edited_time = data.clock.stamp(db.last_edited_time);
		db.last_edited_by = { object: 'user', id: editorId };
		return databaseView(rec);
	}

	return { findDatabase, recordsOf, createDatabase, addDatabase, getDatabase, checkSchemaChanges, updateDatabase };
}

/**
 * `{ page_id }`, `{ type: 'page_id', page_id }` or nothing (the workspace root) in read shape; undefined if malformed.
 * @param {Record<string, any> | undefined} parent
 */
function normaliseParent(parent) {
	if (parent === undefined || parent === null || parent.type === 'workspace') return { type: 'workspace', workspace: true };
	if (isUuid(parent.page_id)) return { type: 'page_id', page_id: parent.page_id.toLowerCase() };
	return undefined;
}

module.exports = { createDatabases, databaseView, COMPUTED_TYPES };
