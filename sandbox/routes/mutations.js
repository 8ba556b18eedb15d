// @ts-check
'use strict';

const { validationError, throwIfAny } = require('../errors');
const { checkPropertyValue, isObject, isUuid } = require('../validate');
const { titleName } = require('../schema');
const { pageTitle } = require('../stores/blocks');
const { bodyObject, checkKnownKeys, visibleDatabase } = require('./access');

/**
 * POST /v2/databases/:database_id/mutations (in https://api.buildin.ai/v2/openapi.json only): record creations and
 * updates applied in one transaction. Everything is checked before anything is written, so one invalid record writes
 * nothing. Schema changes (`properties`) are refused: the sandbox does not imitate them.
 * @typedef {import('../server').HandlerContext} HandlerContext
 * @typedef {import('../errors').ErrorDetail} ErrorDetail
 * @typedef {import('../store').PageRecord} PageRecord
 */

/** Records one request may carry [INF]: the API's other lists stop at 100. */
const MAX_RECORDS = 100;

/**
 * A record's `properties`, checked against the database's schema.
 * @param {unknown} raw @param {import('../schema').Schema} schema @param {string} path @param {ErrorDetail[]} errs
 * @returns {Record<string, unknown>}
 */
function checkValues(raw, schema, path, errs) {
	/** @type {Record<string, unknown>} */
	const values = {};
	if (raw === undefined) return values;
	if (!isObject(raw)) {
		errs.push({ path, reason: 'invalid_type', expected: 'object' });
		return values;
	}
	for (const [name, value] of Object.entries(raw)) {
		const prop = Object.prototype.hasOwnProperty.call(schema, name) ? schema[name] : undefined;
		if (!prop) errs.push({ path: `${path}.${name}`, reason: 'unknown_property' });
		else values[name] = checkPropertyValue(value, prop.type, `${path}.${name}`, errs);
	}
	return values;
}

/**
 * @param {unknown} raw @param {string} path @param {ErrorDetail[]} errs
 * @returns {unknown[]}
 */
function checkList(raw, path, errs) {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) {
		errs.push({ path, reason: 'invalid_type', expected: 'array' });
		return [];
	}
	return raw;
}

/** @param {HandlerContext} ctx */
function mutate(ctx) {
	const database = visibleDatabase(ctx);
	const body = bodyObject(ctx);
	const { schema } = database;
	/** @type {ErrorDetail[]} */
	const errs = [];
	checkKnownKeys(body, ['properties', 'create_records', 'update_records'], errs);
	if (body.properties !== undefined) errs.push({ path: 'properties', reason: 'not_supported_by_sandbox' });
	const creates = checkList(body.create_records, 'create_records', errs);
	const updates = checkList(body.update_records, 'update_records', errs);
	if (creates.length + updates.length > MAX_RECORDS) {
		errs.push({ path: 'create_records', reason: 'too_many_items', limit: MAX_RECORDS, actual: creates.length + updates.length });
	}
	const title = titleName(schema);

	const newRecords = creates.map((raw, i) => {
		const path = `create_records[${i}]`;
		if (!isObject(raw)) return void errs.push({ path, reason: 'invalid_type', expected: 'object' });
		checkKnownKeys(raw, ['title', 'properties'], errs);
		const values = checkValues(raw.properties, schema, `${path}.properties`, errs);
		if (raw.title !== undefined) {
			if (typeof raw.title !== 'string') errs.push({ path: `${path}.title`, reason: 'invalid_type', expected: 'string' });
			else if (title in values) errs.push({ path: `${path}.title`, reason: 'exclusive_fields', fields: ['title', `properties.${title}`] });
			else values[title] = checkPropertyValue({ title: [{ type: 'text', text: { content: raw.title } }] }, 'title', `${path}.title`, errs);
		}
		return values;
	});

	/** @type {Set<string>} */
	const seen = new Set();
	const changes = updates.map((raw, i) => {
		const path = `update_records[${i}]`;
		if (!isObject(raw)) return void errs.push({ path, reason: 'invalid_type', expected: 'object' });
		checkKnownKeys(raw, ['record_id', 'properties'], errs);
		if (!isUuid(raw.record_id)) return void errs.push({ path: `${path}.record_id`, reason: raw.record_id === undefined ? 'required' : 'invalid_uuid' });
		const id = String(raw.record_id).toLowerCase();
		const record = ctx.store.findPage(id);
		if (!record || record.schema !== schema) return void errs.push({ path: `${path}.record_id`, reason: 'not_a_record_of_database' });
		if (record.page.in_trash) errs.push({ path: `${path}.record_id`, reason: 'in_trash' });
		if (seen.has(id)) errs.push({ path: `${path}.record_id`, reason: 'duplicate' });
		seen.add(id);
		if (!isObject(raw.properties) || Object.keys(raw.properties).length === 0) errs.push({ path: `${path}.properties`, reason: 'required' });
		return { record, values: checkValues(raw.properties, schema, `${path}.properties`, errs) };
	});
	throwIfAny(errs);
	if (database.db.in_trash) throw validationError([{ path: 'database_id', reason: 'in_trash' }], 'The database is in the trash');

	const editor = ctx.token.bot.id;
	const parent = { type: 'database_id', database_id: database.db.id };
	const created = newRecords.map((values) => {
		const rec = ctx.store.createPage({ parent: structuredClone(parent), schema, values: /** @type {Record<string, unknown>} */ (values), icon: null, cover: null, creatorId: editor });
		ctx.store.shareWith(ctx.token, rec.page.id);
		return rec;
	});
	const updated = changes.map((change) => {
		const { record, values } = /** @type {{ record: PageRecord, values: Record<string, unknown> }} */ (change);
		ctx.store.applyChanges(record, { properties: values }, editor);
		return record;
	});
	/** @param {PageRecord} rec */
	const summary = (rec) => ({ id: rec.page.id, title: pageTitle(rec.page) });
	return {
		body: {
			object: 'database_mutation_result', database_id: database.db.id, updated_properties: [],
			created_records: created.map(summary), updated_records: updated.map(summary),
		},
	};
}

/** @type {import('../server').Route[]} */
module.exports = [{ method: 'POST', path: '/v2/databases/:database_id/mutations', scope: 'databases.write', handler: mutate }];
