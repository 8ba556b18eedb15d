// @ts-check
'use strict';

const { ApiError, throwIfAny } = require('../errors');
const { isObject } = require('../validate');
const { readPaging, pageOf } = require('../paging');
const { plainText, pageTitle } = require('../stores/blocks');
const { databaseView } = require('../stores/databases');
const { bodyObject, checkKnownKeys } = require('./access');

/**
 * @typedef {import('../server').HandlerContext} HandlerContext
 * @typedef {import('../errors').ErrorDetail} ErrorDetail
 * @typedef {{ kind: 'page' | 'database', id: string, title: string, object: Record<string, any> }} Candidate
 */

const OBJECT_VALUES = ['page', 'database', 'folder', 'mind_map'];
const TIMESTAMPS = ['last_edited_time', 'created_time'];
const DIRECTIONS = ['ascending', 'descending'];

/**
 * Pages (records included) and databases the token may see, out of the trash (their own flag or an ancestor's) and
 * visible yet (see the clock's visibility lag).
 * @param {HandlerContext} ctx @returns {Candidate[]}
 */
function candidates(ctx) {
	const { store, token } = ctx;
	const visible = (/** @type {string} */ id) => store.isShared(token, id) && !store.isTrashedDeep(id) && store.data.clock.visible(id);
	/** @type {Candidate[]} */
	const out = [];
	for (const { page } of store.data.pages.values()) {
		if (visible(page.id)) out.push({ kind: 'page', id: page.id, title: pageTitle(page), object: page });
	}
	for (const rec of store.data.databases.values()) {
		if (visible(rec.db.id)) out.push({ kind: 'database', id: rec.db.id, title: plainText(rec.db.title), object: rec.db });
	}
	return out;
}

/** @param {unknown} v @param {ErrorDetail[]} errs */
function checkFilter(v, errs) {
	if (v === undefined || v === null) return undefined;
	if (!isObject(v)) return void errs.push({ path: 'filter', reason: 'invalid_type', expected: 'object' });
	checkKnownKeys(v, ['property', 'value'], errs);
	if (v.property !== 'object') errs.push({ path: 'filter.property', reason: 'invalid_value', allowed: ['object'] });
	if (!OBJECT_VALUES.includes(v.value)) return void errs.push({ path: 'filter.value', reason: 'invalid_value', allowed: OBJECT_VALUES });
	return /** @type {string} */ (v.value);
}

/** @param {unknown} v @param {ErrorDetail[]} errs */
function checkSort(v, errs) {
	const sort = { timestamp: 'last_edited_time', direction: 'descending' };
	if (v === undefined || v === null) return sort;
	if (!isObject(v)) return void errs.push({ path: 'sort', reason: 'invalid_type', expected: 'object' });
	checkKnownKeys(v, ['timestamp', 'direction'], errs);
	if (v.timestamp !== undefined && !TIMESTAMPS.includes(v.timestamp)) errs.push({ path: 'sort.timestamp', reason: 'invalid_value', allowed: TIMESTAMPS });
	if (v.direction !== undefined && !DIRECTIONS.includes(v.direction)) errs.push({ path: 'sort.direction', reason: 'invalid_value', allowed: DIRECTIONS });
	return { ...sort, ...v };
}

/** @param {Candidate} c @param {string | undefined} filter */
function matchesObjectFilter(c, filter) {
	if (filter === undefined) return true;
	if (filter === 'database') return c.kind === 'database';
	return c.kind === 'page' && c.object.page_type === filter;
}

/** POST /v2/search: title substring, object filter, timestamp sort. @param {HandlerContext} ctx */
function search(ctx) {
	const body = bodyObject(ctx, { optional: true });
	/** @type {ErrorDetail[]} */
	const errs = [];
	checkKnownKeys(body, ['query', 'filter', 'sort', 'start_cursor', 'page_size'], errs);
	if (body.query !== undefined && body.query !== null && typeof body.query !== 'string') errs.push({ path: 'query', reason: 'invalid_type', expected: 'string' });
	const filter = checkFilter(body.filter, errs);
	const sort = checkSort(body.sort, errs);
	throwIfAny(errs);
	const paging = readPaging(body);
	const query = String(body.query ?? '').toLowerCase();
	const sign = sort?.direction === 'ascending' ? 1 : -1;
	const key = /** @type {string} */ (sort?.timestamp);
	const found = candidates(ctx)
		.filter((c) => matchesObjectFilter(c, filter) && c.title.toLowerCase().includes(query))
		.sort((a, b) => sign * (Date.parse(a.object[key]) - Date.parse(b.object[key])));
	const list = pageOf(found, paging);
	const results = list.results.map((c) => (c.kind === 'page' ? structuredClone(c.object) : databaseView(/** @type {any} */ (ctx.store.findDatabase(c.id)))));
	return { body: { ...list, results } };
}

/** @param {string} s */
const words = (s) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * Texts to score: every visible page's title, then its blocks' texts (recursively, in document order).
 * @param {HandlerContext} ctx
 */
function passages(ctx) {
	/** @type {Array<{ page_id: string, block_id: string, text: string }>} */
	const out = [];
	/** @param {string} pageId @param {string} parentId */
	const walk = (pageId, parentId) => {
		for (const block of ctx.store.childrenOf(parentId)) {
			if (block.type === 'child_page' || block.type === 'child_database') continue;
			const c = block[block.type] ?? {};
			const text = c.rich_text ? plainText(c.rich_text) : c.expression ?? (c.cells ?? []).map(plainText).join(' ');
			if (typeof text === 'string' && text.trim() !== '') out.push({ page_id: pageId, block_id: block.id, text });
			if (block.has_children) walk(pageId, block.id);
		}
	};
	for (const c of candidates(ctx)) {
		if (c.kind !== 'page') continue;
		if (c.title.trim() !== '') out.push({ page_id: c.id, block_id: c.id, text: c.title });
		walk(c.id, c.id);
	}
	return out;
}

/**
 * POST /v2/search/semantic: a deterministic stand-in for embeddings, the share of the query's words found in a text.
 * @param {HandlerContext} ctx
 */
function semanticSearch(ctx) {
	const body = bodyObject(ctx, { optional: true });
	/** @type {ErrorDetail[]} */
	const errs = [];
	checkKnownKeys(body, ['query', 'page_size', 'start_cursor', 'score_threshold', 'space_id'], errs);
	if (typeof body.query !== 'string' || body.query.trim() === '') {
		errs.push({ path: 'query', reason: body.query === undefined ? 'required' : typeof body.query === 'string' ? 'empty' : 'invalid_type' });
	}
	const threshold = body.score_threshold ?? 0;
	if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) errs.push({ path: 'score_threshold', reason: 'invalid_value', expected: 'number 0..1' });
	if (body.space_id !== undefined && typeof body.space_id !== 'string') errs.push({ path: 'space_id', reason: 'invalid_type', expected: 'string' });
	throwIfAny(errs);
	const paging = readPaging(body, { defaultSize: 10 });
	if (body.space_id !== undefined && body.space_id !== ctx.store.workspace.id) {
		throw new ApiError(404, 'not_found', 'The space does not exist or is not visible to this integration');
	}
	const q = words(body.query);
	const scored = passages(ctx)
		.map((p) => {
			const t = words(p.text);
			const hits = [...q].filter((w) => t.has(w)).length;
			return { object: 'semantic_search_result', ...p, score: Math.round((hits / q.size) * 10000) / 10000 };
		})
		.filter((r) => r.score > 0 && r.score >= threshold)
		.sort((a, b) => b.score - a.score);
	return { body: pageOf(scored.map(({ object, page_id, block_id, score, text }) => ({ object, page_id, block_id, score, text })), paging) };
}

/** @type {import('../server').Route[]} */
module.exports = [
	{ method: 'POST', path: '/v2/search', scope: 'search.read', handler: search },
	{ method: 'POST', path: '/v2/search/semantic', scope: 'search.read', handler: semanticSearch },
];
