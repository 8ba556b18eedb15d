// @ts-check
'use strict';

/**
 * Validation of BlockInput (https://api.buildin.ai/v2/openapi.json): the 20 writable types, their content objects,
 * nested `children`. A type outside the 20 reports reason `unsupported_block_type`, which the routes answer as 400
 * unsupported_block_type.
 * @typedef {import('./errors').ErrorDetail} ErrorDetail
 * @typedef {{ type: string, content: Record<string, unknown>, children: BlockInput[] }} BlockInput
 * @typedef {(v: unknown, path: string, errs: ErrorDetail[]) => unknown} Check
 */

const {
	TEXT_COLORS, BACKGROUND_COLORS, isObject, isUuid, fail, checkObject, checkString, checkHttpUrl, checkArray,
	checkRichText, checkBoolean, checkIcon,
} = require('./validate');

const MAX_CHILDREN = 100;
const ALIGNS = ['left', 'center', 'right'];
const LEGACY_COLORS = [...new Set([...TEXT_COLORS, ...BACKGROUND_COLORS, ...TEXT_COLORS.map((c) => `${c}_background`)])];

/** @param {string[]} allowed @returns {Check} */
const oneOf = (allowed) => (v, path, errs) => (allowed.includes(/** @type {string} */ (v)) ? v : fail(errs, path, 'invalid_value', { allowed }));

/** @type {Check} */
function checkPositiveInt(v, path, errs) {
	return Number.isInteger(v) && /** @type {number} */ (v) >= 1 ? v : fail(errs, path, 'invalid_type', { expected: 'positive integer' });
}

/** @type {Check} */
function checkCells(v, path, errs) {
	return checkArray(v, path, errs, checkRichText);
}

/** @type {Check} */
function checkExpression(v, path, errs) {
	return checkString(v, path, errs);
}

/**
 * Fields per content kind: [check, default] where a default of `undefined` means required, and `null` (as a sentinel
 * `OPTIONAL`) means optional without a default.
 */
const OPTIONAL = Symbol('optional');
/** @typedef {Record<string, [Check, unknown]>} Fields */

/** @type {Fields} */
const TEXT_FIELDS = {
	rich_text: [checkRichText, undefined],
	text_color: [oneOf(TEXT_COLORS), 'default'],
	background_color: [oneOf(BACKGROUND_COLORS), 'default'],
	text_align: [oneOf(ALIGNS), OPTIONAL],
	color: [oneOf(LEGACY_COLORS), OPTIONAL],
};
/** @type {Fields} */
const CAPTIONED = { caption: [checkRichText, []], caption_align: [oneOf(ALIGNS), OPTIONAL], text_align: [oneOf(ALIGNS), OPTIONAL] };

/** @type {Record<string, Fields>} */
const FIELDS = {
	paragraph: TEXT_FIELDS,
	heading_1: { ...TEXT_FIELDS, is_toggleable: [checkBoolean, false] },
	heading_2: { ...TEXT_FIELDS, is_toggleable: [checkBoolean, false] },
	heading_3: { ...TEXT_FIELDS, is_toggleable: [checkBoolean, false] },
	bulleted_list_item: TEXT_FIELDS,
	numbered_list_item: TEXT_FIELDS,
	quote: TEXT_FIELDS,
	toggle: TEXT_FIELDS,
	to_do: { ...TEXT_FIELDS, checked: [checkBoolean, false] },
	callout: { ...TEXT_FIELDS, icon: [checkIcon, null] },
	code: {
		rich_text: [checkRichText, undefined],
		language: [(v, p, e) => checkString(v, p, e), 'plain text'],
		text_align: [oneOf(ALIGNS), OPTIONAL],
		display_mode: [oneOf(['source', 'split', 'preview']), OPTIONAL],
	},
	divider: {},
	bookmark: { url: [checkHttpUrl, undefined], ...CAPTIONED },
	embed: { url: [checkHttpUrl, undefined], ...CAPTIONED },
	image: CAPTIONED, // plus the file source, checked in checkFileSource
	file: CAPTIONED,
	table: {
		table_width: [checkPositiveInt, undefined],
		has_column_header: [checkBoolean, false],
		has_row_header: [checkBoolean, false],
		width_mode: [oneOf(['fixed', 'adaptive']), 'fixed'],
	},
	table_row: { cells: [checkCells, undefined] },
	equation: { expression: [checkExpression, undefined], text_align: [oneOf(ALIGNS), OPTIONAL] },
	link_to_page: {}, // checked in checkLinkToPage
};
const WRITABLE_TYPES = Object.keys(FIELDS);

/**
 * image/file source: `{ type: 'external', external: { url } }` or `{ type: 'file', file: { oss_name, size, content_type? } }`.
 * Read back, an uploaded file carries a temporary `url` and `expiry_time` (stores/blocks.js).
 * @param {Record<string, any>} v @param {string} path @param {ErrorDetail[]} errs @param {boolean} partial
 */
function checkFileSource(v, path, errs, partial) {
	if (v.type === undefined && partial && v.external === undefined && v.file === undefined) return {};
	if (v.type === 'external') {
		if (!checkObject(v.external, ['url'], `${path}.external`, errs)) return {};
		return { type: 'external', external: { url: checkHttpUrl(v.external.url, `${path}.external.url`, errs) } };
	}
	if (v.type === 'file') {
		if (!checkObject(v.file, ['oss_name', 'size', 'content_type'], `${path}.file`, errs)) return {};
		const ossName = checkString(v.file.oss_name, `${path}.file.oss_name`, errs);
		if (!(Number.isInteger(v.file.size) && v.file.size >= 0)) fail(errs, `${path}.file.size`, v.file.size === undefined ? 'required' : 'invalid_type');
		if (v.file.content_type !== undefined) checkString(v.file.content_type, `${path}.file.content_type`, errs);
		// Kept as written; a read shows a fresh temporary link instead (stores/blocks.js).
		const file = { oss_name: ossName, size: v.file.size, ...(v.file.content_type === undefined ? {} : { content_type: v.file.content_type }) };
		return { type: 'file', file };
	}
	fail(errs, `${path}.type`, 'invalid_value', { allowed: ['external', 'file'] });
	return {};
}

/** @param {Record<string, any>} v @param {string} path @param {ErrorDetail[]} errs */
function checkLinkToPage(v, path, errs) {
	const kind = v.type ?? (v.page_id !== undefined ? 'page_id' : v.database_id !== undefined ? 'database_id' : undefined);
	if (kind !== 'page_id' && kind !== 'database_id') return fail(errs, `${path}.type`, 'invalid_value', { allowed: ['page_id', 'database_id'] });
	for (const k of Object.keys(v)) if (k !== 'type' && k !== kind) fail(errs, `${path}.${k}`, 'unknown_field');
	if (!isUuid(v[kind])) fail(errs, `${path}.${kind}`, 'invalid_uuid');
	return { type: kind, [kind]: String(v[kind]).toLowerCase() };
}

/**
 * Content object of one type, in read shape. With `partial` only the given fields are returned (for updates).
 * @param {string} type @param {unknown} value @param {string} path @param {ErrorDetail[]} errs @param {boolean} [partial]
 * @returns {Record<string, unknown>}
 */
function checkContent(type, value, path, errs, partial = false) {
	const fields = FIELDS[type];
	const extra = type === 'image' || type === 'file' ? ['type', 'external', 'file'] : type === 'link_to_page' ? ['type', 'page_id', 'database_id'] : [];
	if (!isObject(value)) {
		fail(errs, path, 'invalid_type', { expected: 'object' });
		return {};
	}
	if (type === 'link_to_page') return checkLinkToPage(value, path, errs) ?? {};
	/** @type {Record<string, unknown>} */
	const out = {};
	for (const key of Object.keys(value)) {
		if (!(key in fields) && !extra.includes(key)) fail(errs, `${path}.${key}`, 'unknown_field');
	}
	for (const [key, [check, dflt]] of Object.entries(fields)) {
		if (value[key] !== undefined) out[key] = check(value[key], `${path}.${key}`, errs);
		else if (partial || dflt === OPTIONAL) continue;
		else if (dflt === undefined) fail(errs, `${path}.${key}`, 'required');
		else out[key] = structuredClone(dflt);
	}
	if (type === 'image' || type === 'file') Object.assign(out, checkFileSource(value, path, errs, partial));
	if ('text_color' in out || 'color' in out) out.color ??= out.text_color;
	return out;
}

/**
 * One BlockInput `{ object?: 'block', type?, "<type>": content, children? }`; the type may be given only as the key.
 * @param {unknown} v @param {string} path @param {ErrorDetail[]} errs @returns {BlockInput | undefined}
 */
function checkBlockInput(v, path, errs) {
	if (!isObject(v)) return fail(errs, path, 'invalid_type', { expected: 'object' });
	if (v.object !== undefined && v.object !== 'block') fail(errs, `${path}.object`, 'invalid_value', { expected: 'block' });
	const contentKeys = Object.keys(v).filter((k) => !['object', 'type', 'children'].includes(k));
	const type = v.type ?? (contentKeys.length === 1 ? contentKeys[0] : undefined);
	if (typeof type !== 'string') return fail(errs, `${path}.type`, 'required');
	if (!WRITABLE_TYPES.includes(type)) return fail(errs, `${path}.type`, 'unsupported_block_type', { type, allowed: WRITABLE_TYPES });
	for (const k of contentKeys) if (k !== type) fail(errs, `${path}.${k}`, WRITABLE_TYPES.includes(k) ? 'type_mismatch' : 'unknown_field');
	const content = checkContent(type, v[type] ?? (type === 'divider' ? {} : undefined), `${path}.${type}`, errs);
	const children = v.children === undefined ? [] : checkBlockInputs(v.children, `${path}.children`, errs, { allowEmpty: true }) ?? [];
	return { type, content, children };
}

/**
 * A `children` array: 1..100 items (`allowEmpty` where it is optional; `limit` for Markdown imports, which have none).
 * @param {unknown} v @param {string} path @param {ErrorDetail[]} errs
 * @param {{ allowEmpty?: boolean, limit?: number }} [opts]
 * @returns {BlockInput[] | undefined}
 */
function checkBlockInputs(v, path, errs, opts = {}) {
	const limit = opts.limit ?? MAX_CHILDREN;
	if (!Array.isArray(v)) return fail(errs, path, 'invalid_type', { expected: 'array' });
	if (v.length > limit) return fail(errs, path, 'too_many_items', { limit, actual: v.length });
	if (v.length === 0 && !opts.allowEmpty) return fail(errs, path, 'too_few_items', { limit: 1, actual: 0 });
	const out = v.map((item, i) => checkBlockInput(item, `${path}[${i}]`, errs));
	return /** @type {BlockInput[]} */ (out.filter(Boolean));
}

module.exports = { WRITABLE_TYPES, MAX_CHILDREN, checkBlockInputs, checkContent };
