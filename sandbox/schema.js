// @ts-check
'use strict';

/**
 * Database schemas (https://buildin.ai/developer-api/v2/reference/object-models): a map from display name to property
 * definition. A record's schema IS its database's schema object, so a schema change applies to every record.
 * @typedef {import('./errors').ErrorDetail} ErrorDetail
 * @typedef {{ id: string, name: string, color: string }} SelectOption
 * @typedef {{ id: string, type: string, options?: Map<string, SelectOption>, config?: Record<string, unknown> }} SchemaProp
 * @typedef {Record<string, SchemaProp>} Schema
 * @typedef {{ type: string, name: string, options?: Array<{ name: string, id?: string, color?: string }>,
 *   config?: Record<string, unknown> }} PropDefinition
 */

const { randomUUID } = require('node:crypto');
const { KNOWN_TYPES, OPTION_COLORS, fail, checkObject, checkString, checkArray, isObject, isUuid } = require('./validate');

const NUMBER_FORMATS = ['number', 'number_with_commas', 'percent', 'dollar', 'euro', 'pound', 'yen', 'yuan'];
/** Types computed by Buildin; their values are derived from the page, never written. */
const COMPUTED_TYPES = ['created_time', 'last_edited_time', 'created_by', 'last_edited_by'];

/** @param {string} type */
function newPropertyId(type) {
	return type === 'title' ? 'title' : randomUUID();
}

/**
 * Schema from `{ name: type }`, the shorthand of addPage's `schema` option.
 * @param {Record<string, string>} types @returns {Schema}
 */
function buildSchema(types) {
	/** @type {Schema} */
	const schema = {};
	for (const [name, type] of Object.entries(types)) {
		if (!KNOWN_TYPES.includes(type)) throw new Error(`sandbox: unknown property type ${type} for ${name}`);
		schema[name] = { id: newPropertyId(type), type };
	}
	if (Object.values(schema).filter((p) => p.type === 'title').length !== 1) {
		throw new Error('sandbox: a schema needs exactly one title property');
	}
	return schema;
}

/** @param {Schema} schema */
function titleName(schema) {
	return /** @type {string} */ (Object.keys(schema).find((n) => schema[n].type === 'title'));
}

/** @param {unknown} v @param {string} path @param {ErrorDetail[]} errs */
function checkOptionList(v, path, errs) {
	if (!checkObject(v, ['options'], path, errs)) return undefined;
	const seen = new Set();
	const list = checkArray(/** @type {any} */ (v).options ?? [], `${path}.options`, errs, (o, p, e) => {
		if (!checkObject(o, ['name', 'color', 'id'], p, e)) return undefined;
		const opt = /** @type {Record<string, unknown>} */ (o);
		const name = checkString(opt.name, `${p}.name`, e);
		if (name !== undefined && seen.has(name)) fail(e, `${p}.name`, 'duplicate');
		seen.add(name);
		if (opt.color !== undefined && !OPTION_COLORS.includes(/** @type {string} */ (opt.color))) fail(e, `${p}.color`, 'invalid_value');
		if (opt.id !== undefined) checkString(opt.id, `${p}.id`, e);
		return { name, color: opt.color, id: opt.id };
	});
	return /** @type {PropDefinition['options']} */ (list);
}

/**
 * Type-specific configuration of one definition, e.g. `number: { format }`.
 * @param {string} type @param {unknown} v @param {string} path @param {ErrorDetail[]} errs
 * @returns {Record<string, unknown> | undefined}
 */
function checkConfig(type, v, path, errs) {
	const value = v ?? {};
	if (type === 'number') {
		if (!checkObject(value, ['format'], path, errs)) return undefined;
		const format = /** @type {any} */ (value).format ?? 'number';
		if (!NUMBER_FORMATS.includes(format)) fail(errs, `${path}.format`, 'invalid_value', { allowed: NUMBER_FORMATS });
		return { format };
	}
	if (type === 'formula') {
		if (!checkObject(value, ['expression'], path, errs)) return undefined;
		return { expression: checkString(/** @type {any} */ (value).expression, `${path}.expression`, errs) };
	}
	if (type === 'relation') {
		if (!checkObject(value, ['database_id', 'synced_property_id', 'synced_property_name', 'type'], path, errs)) return undefined;
		const r = /** @type {Record<string, unknown>} */ (value);
		if (!isUuid(r.database_id)) fail(errs, `${path}.database_id`, 'invalid_uuid');
		const out = { database_id: String(r.database_id).toLowerCase() };
		if (r.synced_property_id !== undefined) Object.assign(out, { synced_property_id: checkString(r.synced_property_id, `${path}.synced_property_id`, errs) });
		return out;
	}
	if (type === 'rollup' || type === 'unique_id') return isObject(value) ? { ...value } : fail(errs, path, 'invalid_type', { expected: 'object' });
	return checkObject(value, [], path, errs) ? {} : undefined;
}

/**
 * One property definition `{ type?, name?, "<type>"?: config }`; the type may be given only as the config key.
 * @param {string} key @param {unknown} v @param {string} path @param {ErrorDetail[]} errs
 * @returns {PropDefinition | undefined}
 */
function checkDefinition(key, v, path, errs) {
	if (!isObject(v)) return fail(errs, path, 'invalid_type', { expected: 'object' });
	const typeKeys = Object.keys(v).filter((k) => KNOWN_TYPES.includes(k));
	const type = v.type ?? (typeKeys.length === 1 ? typeKeys[0] : undefined);
	if (type === undefined) return fail(errs, `${path}.type`, 'required');
	if (!KNOWN_TYPES.includes(type)) return fail(errs, `${path}.type`, 'invalid_value', { allowed: KNOWN_TYPES });
	for (const k of Object.keys(v)) {
		if (k === 'type' || k === 'name' || k === 'id' || k === type) continue;
		fail(errs, `${path}.${k}`, KNOWN_TYPES.includes(k) ? 'type_mismatch' : 'unknown_field');
	}
	const name = v.name === undefined ? key : checkString(v.name, `${path}.name`, errs);
	if (type === 'select' || type === 'multi_select') {
		return { type, name: name ?? key, options: checkOptionList(v[type] ?? {}, `${path}.${type}`, errs) ?? [] };
	}
	return { type, name: name ?? key, config: checkConfig(type, v[type], `${path}.${type}`, errs) };
}

/**
 * A full schema map for create: every entry defined, exactly one title.
 * @param {unknown} v @param {string} path @param {ErrorDetail[]} errs
 * @returns {Array<[string, PropDefinition]>}
 */
function checkSchemaDefinition(v, path, errs) {
	if (!isObject(v)) {
		fail(errs, path, 'invalid_type', { expected: 'object' });
		return [];
	}
	/** @type {Array<[string, PropDefinition]>} */
	const defs = [];
	for (const [key, def] of Object.entries(v)) {
		const d = checkDefinition(key, def, `${path}.${key}`, errs);
		if (d) defs.push([key, d]);
	}
	const titles = defs.filter(([, d]) => d.type === 'title').length;
	if (titles === 0) fail(errs, path, 'title_required');
	if (titles > 1) fail(errs, path, 'too_many_titles', { limit: 1, actual: titles });
	const names = defs.map(([, d]) => d.name);
	for (const dup of names.filter((n, i) => names.indexOf(n) !== i)) fail(errs, `${path}.${dup}`, 'duplicate');
	return defs;
}

/**
 * Schema property from a checked definition, keeping the id (and option ids) of `previous` when the type stays.
 * @param {PropDefinition} def @param {SchemaProp} [previous] @returns {SchemaProp}
 */
function makeProp(def, previous) {
	const same = previous && previous.type === def.type;
	/** @type {SchemaProp} */
	const prop = { id: previous?.id ?? newPropertyId(def.type), type: def.type };
	if (def.type === 'title') prop.id = 'title';
	if (def.options) {
		prop.options = new Map();
		for (const o of def.options) {
			const old = same ? previous?.options?.get(o.name) : undefined;
			prop.options.set(o.name, { id: o.id ?? old?.id ?? randomUUID(), name: o.name, color: o.color ?? old?.color ?? 'default' });
		}
	} else {
		prop.config = def.config ?? {};
	}
	return prop;
}

/** @param {SchemaProp} prop */
function configView(prop) {
	if (prop.type === 'select' || prop.type === 'multi_select') return { options: [...(prop.options?.values() ?? [])].map((o) => ({ ...o })) };
	return structuredClone(prop.config ?? {});
}

/**
 * The `properties` of a database read shape.
 * @param {Schema} schema @returns {Record<string, any>}
 */
function schemaView(schema) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const [name, prop] of Object.entries(schema)) {
		out[name] = { id: prop.id, name, type: prop.type, [prop.type]: configView(prop) };
	}
	return out;
}

/**
 * Select options are created on first use, so the same name keeps the same id.
 * @param {SchemaProp} prop @param {any} option
 */
function resolveOption(prop, option) {
	prop.options ??= new Map();
	let known = prop.options.get(option.name);
	if (!known) {
		known = { id: option.id ?? randomUUID(), name: option.name, color: option.color ?? 'default' };
		prop.options.set(option.name, known);
	}
	return { ...known };
}

/**
 * A checked write value in read shape.
 * @param {SchemaProp} prop @param {unknown} value
 */
function readValue(prop, value) {
	const v = /** @type {any} */ (structuredClone(value));
	if (prop.type === 'select' && v) return resolveOption(prop, v);
	if (prop.type === 'multi_select') return v.map((/** @type {any} */ o) => resolveOption(prop, o));
	return v;
}

module.exports = {
	COMPUTED_TYPES,
	buildSchema,
	titleName,
	checkDefinition,
	checkSchemaDefinition,
	makeProp,
	schemaView,
	readValue,
};

/**
 * Values of computed properties (created_time, last_edited_by...) follow the page.
 * @param {Record<string, any>} page @param {Schema} schema
 */
function refreshComputed(page, schema) {
	for (const [name, prop] of Object.entries(schema)) {
		if (!COMPUTED_TYPES.includes(prop.type)) continue;
		const v = page[prop.type];
		page.properties[name] = { id: prop.id, type: prop.type, [prop.type]: typeof v === 'string' ? v : { ...v } };
	}
}

module.exports.refreshComputed = refreshComputed;
