// @ts-check
'use strict';

/**
 * Validation and normalisation of page write values (https://buildin.ai/developer-api/v2/reference/object-models).
 * Every check pushes problems into `errs` and returns the value in read shape, so a caller can validate a whole
 * body first and apply it only when `errs` stayed empty (all-or-nothing).
 * @typedef {import('./errors').ErrorDetail} ErrorDetail
 * @typedef {(value: unknown, path: string, errs: ErrorDetail[]) => unknown} Check
 */

const RICH_TEXT_MAX = 2000;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// V1 documents date-only and minute precision; seconds, milliseconds and offsets are what clients send in practice.
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const TEXT_COLORS = ['default', 'black', 'gray', 'brown', 'orange', 'pink', 'yellow', 'green', 'blue', 'purple', 'red'];
const BACKGROUND_COLORS = ['default', 'gray', 'brown', 'orange', 'pink', 'yellow', 'green', 'blue', 'purple', 'red',
	'light_yellow', 'light_green', 'light_blue', 'light_purple', 'light_red', 'yellow_green', 'green_blue',
	'blue_purple', 'purple_red', 'red_orange'];
const OPTION_COLORS = ['default', 'gray', 'brown', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'red'];
const ANNOTATION_FLAGS = ['bold', 'italic', 'strikethrough', 'underline', 'code'];

const DEFAULT_ANNOTATIONS = Object.freeze({
	bold: false, italic: false, strikethrough: false, underline: false, code: false,
	text_color: 'default', background_color: 'default',
});

/** @param {unknown} v @returns {v is Record<string, any>} */
function isObject(v) {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** @param {unknown} v */
function isUuid(v) {
	return typeof v === 'string' && UUID_RE.test(v);
}

/**
 * @param {ErrorDetail[]} errs @param {string} path @param {string} reason @param {Record<string, unknown>} [extra]
 * @returns {undefined}
 */
function fail(errs, path, reason, extra) {
	errs.push({ path, reason, ...extra });
	return undefined;
}

/**
 * Reports keys outside `allowed`; returns false when `value` is not an object at all.
 * @param {unknown} value @param {string[]} allowed @param {string} path @param {ErrorDetail[]} errs
 */
function checkObject(value, allowed, path, errs) {
	if (!isObject(value)) {
		fail(errs, path, 'invalid_type', { expected: 'object' });
		return false;
	}
	for (const key of Object.keys(value)) {
		if (!allowed.includes(key)) fail(errs, `${path}.${key}`, 'unknown_field');
	}
	return true;
}

/** @param {unknown} v @param {string} path @param {ErrorDetail[]} errs @param {boolean} [allowEmpty] */
function checkString(v, path, errs, allowEmpty = false) {
	if (typeof v !== 'string') return fail(errs, path, 'invalid_type', { expected: 'string' });
	if (!allowEmpty && v.length === 0) return fail(errs, path, 'empty');
	return v;
}

/** @param {unknown} v @param {string} path @param {ErrorDetail[]} errs */
function checkHttpUrl(v, path, errs) {
	if (checkString(v, path, errs) === undefined) return undefined;
	let protocol = '';
	try {
		protocol = new URL(/** @type {string} */ (v)).protocol;
	} catch {
		// reported below
	}
	if (protocol !== 'http:' && protocol !== 'https:') return fail(errs, path, 'invalid_url');
	return v;
}

/** @param {unknown} v @param {string} path @param {ErrorDetail[]} errs */
function checkIsoDate(v, path, errs) {
	if (typeof v !== 'string' || !ISO_DATE_RE.test(v) || Number.isNaN(Date.parse(v))) {
		return fail(errs, path, 'invalid_date');
	}
	return v;
}

/** @param {unknown} v @param {string} path @param {ErrorDetail[]} errs @param {Check} each */
function checkArray(v, path, errs, each) {
	if (!Array.isArray(v)) return fail(errs, path, 'invalid_type', { expected: 'array' });
	return v.map((item, i) => each(item, `${path}[${i}]`, errs));
}

/** @param {Check} check @returns {Check} */
function nullable(check) {
	return (v, path, errs) => (v === null ? null : check(v, path, errs));
}

/** @type {Check} */
function checkAnnotations(v, path, errs) {
	if (!checkObject(v, [...ANNOTATION_FLAGS, 'text_color', 'background_color', 'color'], path, errs)) return undefined;
	const a = /** @type {Record<string, unknown>} */ (v);
	/** @type {Record<string, unknown>} */
	const out = { ...DEFAULT_ANNOTATIONS };
	for (const flag of ANNOTATION_FLAGS) {
		if (a[flag] === undefined) continue;
		if (typeof a[flag] !== 'boolean') fail(errs, `${path}.${flag}`, 'invalid_type', { expected: 'boolean' });
		else out[flag] = a[flag];
	}
	// `color` is the deprecated single colour; accepted so older clients keep working, read back as text_color.
	for (const [key, allowed, target] of /** @type {const} */ ([
		['color', TEXT_COLORS, 'text_color'],
		['text_color', TEXT_COLORS, 'text_color'],
		['background_color', BACKGROUND_COLORS, 'background_color'],
	])) {
		if (a[key] === undefined) continue;
		if (!allowed.includes(/** @type {string} */ (a[key]))) fail(errs, `${path}.${key}`, 'invalid_value');
		else out[target] = a[key];
	}
	return out;
}

/** @type {Check} */
function checkRichTextItem(v, path, errs) {
	// plain_text and href are output fields; tolerated so a client may send back what it read.
	if (!checkObject(v, ['type', 'text', 'annotations', 'plain_text', 'href'], path, errs)) return undefined;
	const item = /** @type {Record<string, any>} */ (v);
	if (item.type !== 'text') return fail(errs, `${path}.type`, 'invalid_value', { expected: 'text' });
	if (!checkObject(item.text, ['content', 'link'], `${path}.text`, errs)) return undefined;
	const content = checkString(item.text.content, `${path}.text.content`, errs, true);
	if (content !== undefined && content.length > RICH_TEXT_MAX) {
		fail(errs, `${path}.text.content`, 'too_long', { limit: RICH_TEXT_MAX, actual: content.length });
	}
	let link = null;
	if (item.text.link != null && checkObject(item.text.link, ['url'], `${path}.text.link`, errs)) {
		link = { url: checkHttpUrl(item.text.link.url, `${path}.text.link.url`, errs) };
	}
	const annotations = item.annotations === undefined
		? { ...DEFAULT_ANNOTATIONS }
		: checkAnnotations(item.annotations, `${path}.annotations`, errs);
	return { type: 'text', text: { content, link }, annotations, plain_text: content, href: link ? link.url : null };
}

/** @type {Check} */
function checkRichText(v, path, errs) {
	return checkArray(v, path, errs, checkRichTextItem);
}

/** @type {Check} */
function checkOption(v, path, errs) {
	if (!checkObject(v, ['name', 'id', 'color'], path, errs)) return undefined;
	const o = /** @type {Record<string, unknown>} */ (v);
	const out = { name: checkString(o.name, `${path}.name`, errs) };
	if (o.id !== undefined) Object.assign(out, { id: checkString(o.id, `${path}.id`, errs) });
	if (o.color !== undefined) {
		if (!OPTION_COLORS.includes(/** @type {string} */ (o.color))) fail(errs, `${path}.color`, 'invalid_value');
		else Object.assign(out, { color: o.color });
	}
	return out;
}

/** @type {Check} */
function checkDate(v, path, errs) {
	if (!checkObject(v, ['start', 'end', 'time_zone'], path, errs)) return undefined;
	const d = /** @type {Record<string, unknown>} */ (v);
	return {
		start: checkIsoDate(d.start, `${path}.start`, errs),
		end: d.end == null ? null : checkIsoDate(d.end, `${path}.end`, errs),
		time_zone: d.time_zone == null ? null : checkString(d.time_zone, `${path}.time_zone`, errs),
	};
}

/** @param {string[]} allowed @returns {Check} */
function checkIdRef(allowed) {
	return (v, path, errs) => {
		if (!checkObject(v, allowed, path, errs)) return undefined;
		const r = /** @type {Record<string, unknown>} */ (v);
		if (!isUuid(r.id)) fail(errs, `${path}.id`, 'invalid_uuid');
		if (r.object !== undefined && r.object !== 'user') fail(errs, `${path}.object`, 'invalid_value', { expected: 'user' });
		return allowed.includes('object') ? { object: 'user', id: r.id } : { id: r.id };
	};
}

/** @type {Check} */
function checkExternalFile(v, path, errs) {
	if (!checkObject(v, ['name', 'type', 'external'], path, errs)) return undefined;
	const f = /** @type {Record<string, any>} */ (v);
	const name = checkString(f.name, `${path}.name`, errs);
	if (f.type !== 'external') fail(errs, `${path}.type`, 'invalid_value', { expected: 'external' });
	if (!checkObject(f.external, ['url'], `${path}.external`, errs)) return undefined;
	return { name, type: 'external', external: { url: checkHttpUrl(f.external.url, `${path}.external.url`, errs) } };
}

/** @type {Check} */
function checkFinite(v, path, errs) {
	return typeof v === 'number' && Number.isFinite(v) ? v : fail(errs, path, 'invalid_type', { expected: 'number' });
}

/** @type {Check} */
function checkBoolean(v, path, errs) {
	return typeof v === 'boolean' ? v : fail(errs, path, 'invalid_type', { expected: 'boolean' });
}

/** @type {Check} */
function checkNullableString(v, path, errs) {
	return v === null ? null : checkString(v, path, errs, true);
}

/**
 * Writable property types; anything else in a schema (formula, created_time...) is read-only.
 * @type {Record<string, Check>}
 */
const VALUE_CHECKS = {
	title: checkRichText,
	rich_text: checkRichText,
	number: nullable(checkFinite),
	select: nullable(checkOption),
	multi_select: (v, path, errs) => checkArray(v, path, errs, checkOption),
	date: nullable(checkDate),
	people: (v, path, errs) => checkArray(v, path, errs, checkIdRef(['id', 'object'])),
	files: (v, path, errs) => checkArray(v, path, errs, checkExternalFile),
	checkbox: checkBoolean,
	url: checkNullableString,
	email: checkNullableString,
	phone_number: checkNullableString,
	relation: (v, path, errs) => checkArray(v, path, errs, checkIdRef(['id'])),
};
const KNOWN_TYPES = [...Object.keys(VALUE_CHECKS), 'formula', 'created_time', 'last_edited_time', 'created_by',
	'last_edited_by', 'rollup', 'unique_id'];

/**
 * Read value of a property nobody has written yet.
 * @param {string} type
 */
function emptyValue(type) {
	if (['title', 'rich_text', 'multi_select', 'people', 'files', 'relation'].includes(type)) return [];
	return type === 'checkbox' ? false : null;
}

/**
 * Checks one `{ "<type>": value, "type"?: "<type>" }` write value against the schema type.
 * @param {unknown} value @param {string} type @param {string} path @param {ErrorDetail[]} errs
 */
function checkPropertyValue(value, type, path, errs) {
	// `id` is tolerated (and ignored) so a property read from a page can be written back as is.
	if (!isObject(value)) return fail(errs, path, 'invalid_type', { expected: 'object' });
	if (value.type !== undefined && value.type !== type) {
		return fail(errs, `${path}.type`, 'type_mismatch', { expected: type });
	}
	for (const key of Object.keys(value)) {
		if (key === 'type' || key === 'id' || key === type) continue;
		if (KNOWN_TYPES.includes(key)) fail(errs, `${path}.${key}`, 'type_mismatch', { expected: type });
		else fail(errs, `${path}.${key}`, 'unknown_field');
	}
	const check = VALUE_CHECKS[type];
	if (!check) return fail(errs, path, 'read_only');
	if (!(type in value)) return fail(errs, `${path}.${type}`, 'required');
	return check(value[type], `${path}.${type}`, errs);
}

/** @type {Check} */
function checkIcon(v, path, errs) {
	if (v === null) return null;
	if (isObject(v) && v.type === 'emoji') {
		if (!checkObject(v, ['type', 'emoji'], path, errs)) return undefined;
		return { type: 'emoji', emoji: checkString(v.emoji, `${path}.emoji`, errs) };
	}
	return checkExternal(v, path, errs);
}

/** @type {Check} */
function checkExternal(v, path, errs) {
	if (v === null) return null;
	if (!checkObject(v, ['type', 'external'], path, errs)) return undefined;
	const o = /** @type {Record<string, any>} */ (v);
	if (o.type !== 'external') return fail(errs, `${path}.type`, 'invalid_value');
	if (!checkObject(o.external, ['url'], `${path}.external`, errs)) return undefined;
	return { type: 'external', external: { url: checkHttpUrl(o.external.url, `${path}.external.url`, errs) } };
}

module.exports = {
	RICH_TEXT_MAX,
	ISO_DATE_RE,
	TEXT_COLORS,
	BACKGROUND_COLORS,
	OPTION_COLORS,
	isObject,
	isUuid,
	fail,
	checkObject,
	checkString,
	checkHttpUrl,
	checkIsoDate,
	checkArray,
	checkRichText,
	checkOption,
	checkFinite,
	emptyValue,
	checkPropertyValue,
	checkIcon,
	checkCover: checkExternal,
	checkBoolean,
	KNOWN_TYPES,
};
