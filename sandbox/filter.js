// @ts-check
'use strict';

/**
 * Database query filters and sorts (https://buildin.ai/developer-api/v2/read/query-database), compiled against a schema
 * into a predicate and a comparator over record pages. Malformed input answers 400 validation_error; a well-formed
 * filter or sort that the property's type does not support answers 400 unsupported_filter / unsupported_sort.
 * @typedef {import('./schema').Schema} Schema
 * @typedef {import('./schema').SchemaProp} SchemaProp
 * @typedef {Record<string, any>} Page
 * @typedef {(page: Page) => boolean} Predicate
 * @typedef {'string' | 'number' | 'boolean' | 'date' | 'flag'} Operand
 */

const { ApiError, validationError } = require('./errors');
const { isObject, ISO_DATE_RE } = require('./validate');

const EMPTY_OPS = /** @type {const} */ ({ is_empty: 'flag', is_not_empty: 'flag' });
/** @type {Record<string, Record<string, Operand>>} */
const OPERATORS = {
	text: { equals: 'string', does_not_equal: 'string', contains: 'string', does_not_contain: 'string', starts_with: 'string', ends_with: 'string', ...EMPTY_OPS },
	number: {
		equals: 'number', does_not_equal: 'number', greater_than: 'number', greater_than_or_equal_to: 'number', less_than: 'number',
		less_than_or_equal_to: 'number', ...EMPTY_OPS,
	},
	select: { equals: 'string', does_not_equal: 'string', ...EMPTY_OPS },
	contains: { contains: 'string', does_not_contain: 'string', ...EMPTY_OPS },
	date: { equals: 'date', before: 'date', after: 'date', on_or_before: 'date', on_or_after: 'date', ...EMPTY_OPS },
	checkbox: { equals: 'boolean', does_not_equal: 'boolean' },
	files: { ...EMPTY_OPS },
};
/** Filter family per property type; types not listed (formula, people pickers of computed kind...) cannot be filtered. */
const FAMILY = {
	title: 'text', rich_text: 'text', url: 'text', email: 'text', phone_number: 'text', number: 'number', select: 'select',
	multi_select: 'contains', people: 'contains', relation: 'contains', date: 'date', checkbox: 'checkbox', files: 'files',
	created_time: 'date', last_edited_time: 'date',
};
const TIMESTAMPS = ['created_time', 'last_edited_time'];
const SORTABLE = ['title', 'rich_text', 'url', 'email', 'phone_number', 'number', 'select', 'date', 'checkbox', 'created_time', 'last_edited_time'];

/** @param {string} path @param {string} reason @param {Record<string, unknown>} [extra] */
const invalid = (path, reason, extra) => validationError([{ path, reason, ...extra }]);
/** @param {string} code @param {string} message @param {string} path @param {Record<string, unknown>} [extra] */
const unsupported = (code, message, path, extra) => new ApiError(400, code, message, [{ path, reason: code, ...extra }]);

/** @param {Schema} schema @param {unknown} ref a property name or id */
function findProperty(schema, ref) {
	if (typeof ref !== 'string') return undefined;
	if (Object.prototype.hasOwnProperty.call(schema, ref)) return /** @type {[string, SchemaProp]} */ ([ref, schema[ref]]);
	return Object.entries(schema).find(([, p]) => p.id === ref);
}

/** @param {unknown[] | undefined} rich */
const plain = (rich) => (rich ?? []).map((/** @type {any} */ t) => t.plain_text ?? '').join('');

/**
 * The comparable value of a property on a page: a string, number, boolean, array of strings, or null when empty.
 * @param {Page} page @param {string} name @param {string} type
 */
function valueOf(page, name, type) {
	const v = page.properties[name]?.[type];
	switch (type) {
		case 'title': case 'rich_text': return plain(v) || null;
		case 'select': return v ? v.name : null;
		case 'multi_select': return (v ?? []).map((/** @type {any} */ o) => o.name);
		case 'people': case 'relation': return (v ?? []).map((/** @type {any} */ o) => String(o.id).toLowerCase());
		case 'date': return v ? v.start : null;
		case 'files': return v ?? [];
		case 'created_time': case 'last_edited_time': return page[type];
		default: return v === undefined || v === '' ? null : v;
	}
}

/** @param {string} v a date or date-time; date-only values compare by UTC day */
const dayOf = (v) => (v.length === 10 ? v : new Date(v).toISOString().slice(0, 10));

/**
 * -1, 0 or 1: the record's date against the filter's; at day granularity when the filter gives only a day.
 * @param {string} value @param {string} wanted
 */
function compareDate(value, wanted) {
	if (wanted.length === 10) {
		const d = dayOf(value);
		return d < wanted ? -1 : d > wanted ? 1 : 0;
	}
	return Math.sign(Date.parse(value) - Date.parse(wanted));
}

/**
 * @param {string} family @param {string} op @param {any} operand @param {any} value
 * @returns {boolean}
 */
function test(family, op, operand, value) {
	const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
	if (op === 'is_empty') return operand ? empty : !empty;
	if (op === 'is_not_empty') return operand ? !empty : empty;
	switch (family) {
		case 'contains': {
			const has = value.some((/** @type {string} */ v) => v.toLowerCase() === String(operand).toLowerCase());
			return op === 'contains' ? has : !has;
		}
		case 'checkbox': case 'select':
			return op === 'equals' ? value === operand : value !== operand;
		case 'number': {
			if (empty) return op === 'does_not_equal';
			const c = value - operand;
			return { equals: c === 0, does_not_equal: c !== 0, greater_than: c > 0, greater_than_or_equal_to: c >= 0, less_than: c < 0, less_than_or_equal_to: c <= 0 }[
				/** @type {'equals'} */ (op)];
		}
		case 'date': {
			if (empty) return false;
			const c = compareDate(value, operand);
			return { equals: c === 0, before: c < 0, after: c > 0, on_or_before: c <= 0, on_or_after: c >= 0 }[/** @type {'equals'} */ (op)];
		}
		default: {
			const text = String(value ?? '');
			const lower = text.toLowerCase();
			const want = String(operand).toLowerCase();
			return {
				equals: text === operand, does_not_equal: text !== operand, contains: lower.includes(want), does_not_contain: !lower.includes(want),
				starts_with: lower.startsWith(want), ends_with: lower.endsWith(want),
			}[/** @type {'equals'} */ (op)];
		}
	}
}

/**
 * `{ "<operator>": operand }` for a family; exactly one operator.
 * @param {unknown} cond @param {string} family @param {string} path @param {string} propertyType
 * @returns {{ op: string, operand: unknown }}
 */
function checkCondition(cond, family, path, propertyType) {
	if (!isObject(cond)) throw invalid(path, 'invalid_type', { expected: 'object' });
	const ops = Object.keys(cond);
	if (ops.length !== 1) throw invalid(path, ops.length ? 'too_many_operators' : 'required', { limit: 1, actual: ops.length });
	const op = ops[0];
	const want = OPERATORS[family][op];
	if (!want) {
		throw unsupported('unsupported_filter', `The ${op} operator is not supported for ${propertyType} properties`, `${path}.${op}`, {
			property_type: propertyType, allowed: Object.keys(OPERATORS[family]),
		});
	}
	const operand = cond[op];
	const ok = want === 'flag' ? typeof operand === 'boolean'
		: want === 'date' ? typeof operand === 'string' && ISO_DATE_RE.test(operand) && !Number.isNaN(Date.parse(operand))
			: want === 'number' ? typeof operand === 'number' && Number.isFinite(operand)
				: typeof operand === want;
	if (!ok) throw invalid(`${path}.${op}`, want === 'date' ? 'invalid_date' : 'invalid_type', { expected: want === 'flag' ? 'boolean' : want });
	return { op, operand };
}

/**
 * @param {unknown} f @param {Schema} schema @param {string} path
 * @returns {Predicate}
 */
function compileFilter(f, schema, path = 'filter') {
	if (!isObject(f)) throw invalid(path, 'invalid_type', { expected: 'object' });
	for (const junction of /** @type {const} */ (['and', 'or'])) {
		if (!(junction in f)) continue;
		if (Object.keys(f).length !== 1) throw invalid(path, 'exclusive_fields', { fields: Object.keys(f) });
		const list = f[junction];
		if (!Array.isArray(list)) throw invalid(`${path}.${junction}`, 'invalid_type', { expected: 'array' });
		const parts = list.map((sub, i) => compileFilter(sub, schema, `${path}.${junction}[${i}]`));
		return junction === 'and' ? (p) => parts.every((t) => t(p)) : (p) => parts.some((t) => t(p));
	}
	if ('timestamp' in f) {
		const ts = f.timestamp;
		if (!TIMESTAMPS.includes(ts)) {
			throw unsupported('unsupported_filter', `Timestamp filters take created_time or last_edited_time, not ${JSON.stringify(ts)}`, `${path}.timestamp`, { allowed: TIMESTAMPS });
		}
		for (const k of Object.keys(f)) if (k !== 'timestamp' && k !== ts) throw invalid(`${path}.${k}`, 'unknown_field');
		if (!(ts in f)) throw invalid(`${path}.${ts}`, 'required');
		const { op, operand } = checkCondition(f[ts], 'date', `${path}.${ts}`, ts);
		return (p) => test('date', op, operand, p[ts]);
	}
	if (!('property' in f)) throw invalid(path, 'required', { expected: ['property', 'timestamp', 'and', 'or'] });
	const found = findProperty(schema, f.property);
	if (!found) throw invalid(`${path}.property`, typeof f.property === 'string' ? 'unknown_property' : 'invalid_type', { property: f.property });
	const [name, prop] = found;
	const keys = Object.keys(f).filter((k) => k !== 'property');
	if (keys.length !== 1) throw invalid(path, keys.length ? 'too_many_conditions' : 'required', { limit: 1, actual: keys.length });
	const key = keys[0];
	const family = /** @type {Record<string, string>} */ (FAMILY)[prop.type];
	if (key !== prop.type || !family) {
		throw unsupported('unsupported_filter', `A ${key} filter is not supported for the ${prop.type} property ${JSON.stringify(name)}`, `${path}.${key}`, { property_type: prop.type });
	}
	const { op, operand } = checkCondition(f[key], family, `${path}.${key}`, prop.type);
	return (p) => test(family, op, operand, valueOf(p, name, prop.type));
}

/**
 * Comparator for `sorts` (in order; ties keep the creation order). Empty values sort last in both directions.
 * @param {unknown} sorts @param {Schema} schema
 * @returns {(a: Page, b: Page) => number}
 */
function compileSorts(sorts, schema) {
	if (!Array.isArray(sorts)) throw invalid('sorts', 'invalid_type', { expected: 'array' });
	const keys = sorts.map((s, i) => {
		const path = `sorts[${i}]`;
		if (!isObject(s)) throw invalid(path, 'invalid_type', { expected: 'object' });
		for (const k of Object.keys(s)) if (!['property', 'timestamp', 'direction'].includes(k)) throw invalid(`${path}.${k}`, 'unknown_field');
		if (('property' in s) === ('timestamp' in s)) throw invalid(path, 'exclusive_fields', { fields: ['property', 'timestamp'] });
		const sign = s.direction === 'descending' ? -1 : 1;
		if (s.direction !== undefined && s.direction !== 'ascending' && s.direction !== 'descending') {
			throw unsupported('unsupported_sort', `Sort direction must be ascending or descending, not ${JSON.stringify(s.direction)}`, `${path}.direction`);
		}
		if ('timestamp' in s) {
			if (!TIMESTAMPS.includes(s.timestamp)) throw unsupported('unsupported_sort', `Cannot sort by timestamp ${JSON.stringify(s.timestamp)}`, `${path}.timestamp`, { allowed: TIMESTAMPS });
			return { sign, get: (/** @type {Page} */ p) => /** @type {unknown} */ (Date.parse(p[s.timestamp])) };
		}
		const found = findProperty(schema, s.property);
		if (!found) throw invalid(`${path}.property`, 'unknown_property', { property: s.property });
		const [name, prop] = found;
		if (!SORTABLE.includes(prop.type)) {
			throw unsupported('unsupported_sort', `Cannot sort by the ${prop.type} property ${JSON.stringify(name)}`, `${path}.property`, { property_type: prop.type });
		}
		/** @param {Page} p @returns {unknown} */
		const get = (p) => {
			const v = valueOf(p, name, prop.type);
			if (v === null || v === undefined) return null;
			if (prop.type === 'select') return [...(prop.options?.keys() ?? [])].indexOf(/** @type {string} */ (v));
			if (prop.type === 'date' || prop.type === 'created_time' || prop.type === 'last_edited_time') return Date.parse(/** @type {string} */ (v));
			return v;
		};
		return { sign, get };
	});
	return (a, b) => {
		for (const { sign, get } of keys) {
			const x = get(a);
			const y = get(b);
			if (x === y) continue;
			if (x === null) return 1;
			if (y === null) return -1;
			const c = typeof x === 'string' ? x.localeCompare(/** @type {string} */ (y)) : Number(x) - Number(y);
			if (c !== 0) return sign * c;
		}
		return 0;
	};
}

module.exports = { compileFilter, compileSorts };
