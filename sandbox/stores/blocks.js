// @ts-check
'use strict';

const { randomUUID } = require('node:crypto');
const { checkBlockInputs } = require('../blockInput');

/**
 * Blocks (https://buildin.ai/developer-api/v2/reference/object-models) and the ordered children of every page and
 * block. A parent's children are its content blocks plus its sub-pages and inline databases, which read as `child_page`
 * / `child_database` blocks.
 * @typedef {import('../blockInput').BlockInput} BlockInput
 * @typedef {{ blocks: Map<string, Record<string, any>>, children: Map<string, string[]>,
 *   pages: Map<string, { page: Record<string, any> }>, databases: Map<string, { db: Record<string, any> }>,
 *   readFile: (file: Record<string, any>) => Record<string, any>,
 *   clock: import('../time').Clock }} BlockData
 * @typedef {{ after?: string, before?: string }} Position
 */

/** @param {Array<{ plain_text?: string }> | undefined} richText */
function plainText(richText) {
	return (richText ?? []).map((t) => t.plain_text ?? '').join('');
}

/** @param {Record<string, any>} page */
function pageTitle(page) {
	return plainText(/** @type {any} */ (Object.values(page.properties).find((p) => p.type === 'title'))?.title);
}

/** @param {BlockData} data */
function createBlocks(data) {
	/** @param {string} id */
	const key = (id) => id.toLowerCase();

	/** @param {string} id */
	function childIds(id) {
		return [...(data.children.get(key(id)) ?? [])];
	}

	/** @param {string} id */
	function isTrashed(id) {
		return Boolean(data.blocks.get(id)?.in_trash ?? data.pages.get(id)?.page.in_trash ?? data.databases.get(id)?.db.in_trash);
	}

	/** @param {string} id */
	function hasChildren(id) {
		return childIds(id).some((c) => !isTrashed(c));
	}

	/**
	 * Inserts `childId` into the order of `parentId`: after or before a sibling, else at the end.
	 * @param {string} parentId @param {string} childId @param {Position} [position]
	 */
	function registerChild(parentId, childId, position = {}) {
		const list = data.children.get(key(parentId)) ?? [];
		data.children.set(key(parentId), list);
		const anchor = position.after ?? position.before;
		const at = anchor === undefined ? -1 : list.indexOf(key(anchor));
		if (at < 0) list.push(childId);
		else list.splice(position.after !== undefined ? at + 1 : at, 0, childId);
	}

	/**
	 * A block, page or database as a block object (read shape), or undefined for an unknown id.
	 * @param {string} id
	 */
	function blockView(id) {
		const k = key(id);
		const block = data.blocks.get(k);
		if (block) {
			const { type, in_trash: inTrash, [block.type]: content, ...head } = structuredClone(block);
			// An uploaded file reads as a temporary link; what was written (oss_name, size) stays in the store.
			if ((type === 'image' || type === 'file') && content.type === 'file') content.file = data.readFile(content.file);
			return { ...head, has_children: hasChildren(k), in_trash: inTrash, type, [type]: content };
		}
		const page = data.pages.get(k)?.page;
		const db = data.databases.get(k)?.db;
		const source = page ?? db;
		if (!source) return undefined;
		const type = page ? 'child_page' : 'child_database';
		return {
			object: 'block', id: k, parent: structuredClone(source.parent),
			created_time: source.created_time, created_by: { ...source.created_by },
			last_edited_time: source.last_edited_time, last_edited_by: { ...source.last_edited_by },
			has_children: page ? hasChildren(k) : false, in_trash: source.in_trash,
			type, [type]: { title: page ? pageTitle(page) : plainText(db?.title) },
		};
	}

	/**
	 * The page whose content holds `id` (the page itself for a page id).
	 * @param {string} id
	 */
	function ownerPageId(id) {
		let current = key(id);
		for (let i = 0; i < 10_000 && current; i += 1) {
			if (data.pages.has(current)) return current;
			const parent = data.blocks.get(current)?.parent;
			current = parent?.block_id ?? parent?.page_id;
		}
		return undefined;
	}

	/**
	 * Content edits count as edits of the page: its last_edited_time (its version) moves on.
	 * @param {string} id @param {string} editorId
	 */
	function touchOwner(id, editorId) {
		const pageId = ownerPageId(id);
		const page = pageId && data.pages.get(pageId)?.page;
		if (!page) return undefined;
		page.last_edited_time = data.clock.stamp(page.last_edited_time);
		page.last_edited_by = { object: 'user', id: editorId };
		data.clock.wrote(page.id);
		return page;
	}

	/**
	 * Creates checked inputs (and their nested children) under a page or block; returns the top-level ids in order.
	 * @param {string} parentId @param {BlockInput[]} inputs @param {string} editorId @param {Position} [position]
	 */
	function insertBlocks(parentId, inputs, editorId, position = {}) {
		const parentKey = key(parentId);
		const parent = data.pages.has(parentKey) ? { type: 'page_id', page_id: parentKey } : { type: 'block_id', block_id: parentKey };
		/** @type {string[]} */
		const ids = [];
		let previous = position.after;
		for (const input of inputs) {
			const id = randomUUID();
			const now = data.clock.stamp();
			const by = { object: 'user', id: editorId };
			data.blocks.set(id, {
				object: 'block', id, parent: { ...parent }, created_time: now, created_by: by, last_edited_time: now,
				last_edited_by: { ...by }, in_trash: false, type: input.type, [input.type]: structuredClone(input.content),
			});
			// Keeps the inputs in order at the spot: each one goes after the previous one, or before the anchor.
			registerChild(parentKey, id, previous !== undefined ? { after: previous } : position);
			previous = id;
			if (input.children.length) insertBlocks(id, input.children, editorId);
			ids.push(id);
		}
		return ids;
	}

	/**
	 * Test/seed helper: creates blocks from BlockInput objects; throws on bad input.
	 * @param {string} parentId @param {unknown[]} inputs
	 */
	function addBlocks(parentId, inputs) {
		const parentKey = key(parentId);
		if (!data.pages.has(parentKey) && !data.blocks.has(parentKey)) throw new Error(`sandbox: no page or block ${parentId}`);
		/** @type {import('../errors').ErrorDetail[]} */
		const errs = [];
		const checked = checkBlockInputs(inputs, 'children', errs);
		if (errs.length || !checked) throw new Error(`sandbox: invalid blocks: ${JSON.stringify(errs)}`);
		const owner = data.pages.get(ownerPageId(parentKey) ?? '')?.page.created_by.id ?? randomUUID();
		return insertBlocks(parentKey, checked, owner).map((id) => /** @type {Record<string, any>} */ (blockView(id)));
	}

	/** @param {string} id */
	function getBlock(id) {
		return data.blocks.has(key(id)) ? blockView(id) : undefined;
	}

	/**
	 * Direct children in order, as blocks; trashed ones only when asked.
	 * @param {string} parentId @param {{ includeTrashed?: boolean }} [opts]
	 */
	function childrenOf(parentId, opts = {}) {
		return childIds(parentId)
			.filter((id) => opts.includeTrashed || !isTrashed(id))
			.map((id) => /** @type {Record<string, any>} */ (blockView(id)));
	}

	/**
	 * @param {string} id @param {{ content?: Record<string, unknown>, in_trash?: boolean }} changes @param {string} editorId
	 */
	function updateBlock(id, changes, editorId) {
		const block = /** @type {Record<string, any>} */ (data.blocks.get(key(id)));
		if (changes.content?.type !== undefined) {
			// A file block switching between an external URL and an upload drops the other source.
			delete block[block.type].external;
			delete block[block.type].file;
		}
		if (changes.content) Object.assign(block[block.type], structuredClone(changes.content));
		if (changes.in_trash !== undefined) block.in_trash = changes.in_trash;
		block.last_edited_time = data.clock.stamp(block.last_edited_time);
		block.last_edited_by = { object: 'user', id: editorId };
		touchOwner(block.id, editorId);
		return blockView(block.id);
	}

	/**
	 * Replaces a page's content blocks (sub-pages and inline databases stay); the old blocks go to the trash.
	 * @param {string} pageId @param {BlockInput[]} inputs @param {string} editorId
	 */
	function replaceContent(pageId, inputs, editorId) {
		const k = key(pageId);
		for (const id of childIds(k)) {
			const block = data.blocks.get(id);
			if (block && !block.in_trash) block.in_trash = true;
		}
		data.children.set(k, childIds(k).filter((id) => !data.blocks.has(id)));
		insertBlocks(k, inputs, editorId);
		return touchOwner(k, editorId);
	}

	return {
		registerChild, childIds, isTrashed, blockView, ownerPageId, touchOwner, insertBlocks, updateBlock, replaceContent,
		addBlocks, getBlock, childrenOf,
	};
}

module.exports = { createBlocks, plainText, pageTitle };
