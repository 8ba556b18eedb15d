// @ts-check
'use strict';

const { validationError } = require('./errors');

/**
 * Cursor pagination (https://buildin.ai/developer-api/v2/reference/conventions): `start_cursor` is opaque (base64url of
 * an offset), `page_size` defaults to 20 and may not exceed 100. Values come from a JSON body or, as strings, from a
 * query string.
 * @typedef {{ offset: number, size: number }} Paging
 */

/** @param {number} offset */
function encodeCursor(offset) {
	return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

/** @param {unknown} cursor @returns {number | undefined} */
function decodeCursor(cursor) {
	if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
	try {
		const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		return Number.isInteger(o) && o >= 0 ? o : undefined;
	} catch {
		return undefined;
	}
}

/**
 * @param {Record<string, unknown>} source body or query
 * @param {{ fromQuery?: boolean, defaultSize?: number, maxSize?: number }} [opts]
 * @returns {Paging}
 */
function readPaging(source, opts = {}) {
	const { fromQuery = false, defaultSize = 20, maxSize = 100 } = opts;
	/** @type {import('./errors').ErrorDetail[]} */
	const errs = [];
	let size = defaultSize;
	const rawSize = source.page_size;
	if (rawSize !== undefined && rawSize !== null) {
		const n = fromQuery && typeof rawSize === 'string' && /^-?\d+$/.test(rawSize) ? Number(rawSize) : rawSize;
		if (typeof n !== 'number' || !Number.isInteger(n)) errs.push({ path: 'page_size', reason: 'invalid_type', expected: 'integer' });
		else if (n < 1) errs.push({ path: 'page_size', reason: 'too_small', limit: 1, actual: n });
		else if (n > maxSize) errs.push({ path: 'page_size', reason: 'too_large', limit: maxSize, actual: n });
		else size = n;
	}
	let offset = 0;
	const cursor = source.start_cursor;
	if (cursor !== undefined && cursor !== null && !(fromQuery && cursor === '')) {
		const o = decodeCursor(cursor);
		if (o === undefined) errs.push({ path: 'start_cursor', reason: 'invalid_cursor' });
		else offset = o;
	}
	if (errs.length) throw validationError(errs);
	return { offset, size };
}

/**
 * One page of `items`, in the list wrapper.
 * @template T @param {T[]} items @param {Paging} paging
 */
function pageOf(items, paging) {
	const results = items.slice(paging.offset, paging.offset + paging.size);
	const end = paging.offset + results.length;
	const hasMore = end < items.length;
	return { object: 'list', results, next_cursor: hasMore ? encodeCursor(end) : null, has_more: hasMore };
}

module.exports = { readPaging, pageOf, encodeCursor };
