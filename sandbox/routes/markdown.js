// @ts-check
'use strict';

const { throwIfAny } = require('../errors');
const { checkBlockInputs } = require('../blockInput');
const { renderMarkdown, parseMarkdown } = require('../markdown');
const { visiblePage, bodyObject, checkKnownKeys } = require('./access');

/** @typedef {import('../server').HandlerContext} HandlerContext */

/** @param {HandlerContext} ctx */
function getMarkdown(ctx) {
	const { page } = visiblePage(ctx);
	const markdown = renderMarkdown(ctx.store.childrenOf(page.id), (id) => ctx.store.childrenOf(id));
	return { body: { object: 'markdown', page_id: page.id, markdown, updated_time: page.last_edited_time } };
}

/** Replaces the whole page body with blocks parsed from the Markdown; properties stay. @param {HandlerContext} ctx */
function putMarkdown(ctx) {
	const rec = visiblePage(ctx);
	const body = bodyObject(ctx);
	/** @type {import('../errors').ErrorDetail[]} */
	const errs = [];
	checkKnownKeys(body, ['markdown'], errs);
	if (typeof body.markdown !== 'string') errs.push({ path: 'markdown', reason: body.markdown === undefined ? 'required' : 'invalid_type', expected: 'string' });
	throwIfAny(errs);
	const blocks = checkBlockInputs(parseMarkdown(body.markdown), 'markdown', errs, { allowEmpty: true, limit: Infinity }) ?? [];
	throwIfAny(errs);
	ctx.store.replaceContent(rec.page.id, blocks, ctx.token.bot.id);
	return { body: { object: 'page', id: rec.page.id, updated_time: rec.page.last_edited_time } };
}

/** @type {import('../server').Route[]} */
module.exports = [
	{ method: 'GET', path: '/v2/pages/:page_id/content/markdown', scope: ['pages.read', 'blocks.read'], handler: getMarkdown },
	{ method: 'PUT', path: '/v2/pages/:page_id/content/markdown', scope: ['pages.write', 'blocks.write'], handler: putMarkdown },
];
