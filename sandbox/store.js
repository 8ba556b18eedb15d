// @ts-check
'use strict';

const { randomUUID } = require('node:crypto');
const { checkPropertyValue, checkIcon, checkCover, emptyValue, isUuid, KNOWN_TYPES } = require('./validate');

/** The nine capability keys of a bot_user (fact sheet §1.1). */
const SCOPES = ['pages.read', 'pages.write', 'blocks.read', 'blocks.write', 'databases.read', 'databases.write',
	'users.read', 'users.email.read', 'search.read'];

/**
 * @typedef {{ id: string, type: string, options?: Map<string, {id: string, name: string, color: string}> }} SchemaProp
 * @typedef {Record<string, SchemaProp>} Schema
 * @typedef {{ token: string, scopes: string[], sharedPages: 'all' | Set<string>, bot: Record<string, any> }} TokenInfo
 * @typedef {{ page: Record<string, any>, schema: Schema }} PageRecord
 * @typedef {{ properties?: Record<string, unknown>, icon?: unknown, cover?: unknown, in_trash?: boolean }} PageChanges
 */

/** @param {string} type */
function propertyId(type) {
	return type === 'title' ? 'title' : randomUUID();
}

/** @param {Record<string, string>} types @returns {Schema} */
function buildSchema(types) {
	/** @type {Schema} */
	const schema = {};
	for (const [name, type] of Object.entries(types)) {
		if (!KNOWN_TYPES.includes(type)) throw new Error(`sandbox: unknown property type ${type} for ${name}`);
		schema[name] = { id: propertyId(type), type };
	}
	if (Object.values(schema).filter((p) => p.type === 'title').length !== 1) {
		throw new Error('sandbox: a schema needs exactly one title property');
	}
	return schema;
}

/**
 * Strictly later than `previous`, even when called twice within one millisecond.
 * @param {string} [previous]
 */
function nextTimestamp(previous) {
	const floor = previous ? Date.parse(previous) + 1 : 0;
	return new Date(Math.max(Date.now(), floor)).toISOString();
}

function createStore() {
	const workspace = { id: randomUUID(), name: 'Sandbox Workspace', ownerId: randomUUID() };
	/** @type {Map<string, TokenInfo>} */
	const tokens = new Map();
	/** @type {Map<string, PageRecord>} */
	const pages = new Map();

	/**
	 * @param {string} token @param {string[]} scopes
	 * @param {{ sharedPages?: 'all' | string[], botId?: string, name?: string }} [opts]
	 */
	function addToken(token, scopes, opts = {}) {
		const unknown = scopes.filter((s) => !SCOPES.includes(s));
		if (unknown.length) throw new Error(`sandbox: unknown scopes ${unknown.join(', ')}`);
		const shared = opts.sharedPages ?? 'all';
		const bot = {
			object: 'bot_user',
			id: opts.botId ?? randomUUID(),
			name: opts.name ?? 'Sandbox Integration',
			workspace_id: workspace.id,
			workspace_name: workspace.name,
			owner: { object: 'user', id: workspace.ownerId },
			capabilities: Object.fromEntries(SCOPES.map((s) => [s, scopes.includes(s)])),
			type: 'integration',
			integration_id: randomUUID(),
		};
		tokens.set(token, {
			token,
			scopes: [...scopes],
			sharedPages: shared === 'all' ? 'all' : new Set(shared.map((id) => id.toLowerCase())),
			bot,
		});
		return structuredClone(bot);
	}

	/** @param {string} token */
	function findToken(token) {
		return tokens.get(token);
	}

	/** @param {string} id */
	function findPage(id) {
		return pages.get(id.toLowerCase());
	}

	/**
	 * A page is shared when it, or one of its ancestors (page or database), was shared with the token,
	 * as sharing a page in Buildin shares its sub-pages.
	 * @param {TokenInfo} info @param {string} id
	 */
	function isShared(info, id) {
		if (info.sharedPages === 'all') return true;
		/** @type {string | undefined} */
		let current = id.toLowerCase();
		const seen = new Set();
		while (current && !seen.has(current)) {
			if (info.sharedPages.has(current)) return true;
			seen.add(current);
			/** @type {Record<string, string> | undefined} */
			const parent = pages.get(current)?.page.parent;
			current = (parent?.page_id ?? parent?.database_id)?.toLowerCase();
		}
		return false;
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

	/** @param {SchemaProp} prop @param {unknown} value */
	function readValue(prop, value) {
		const v = /** @type {any} */ (structuredClone(value));
		if (prop.type === 'select' && v) return resolveOption(prop, v);
		if (prop.type === 'multi_select') return v.map((/** @type {any} */ o) => resolveOption(prop, o));
		return v;
	}

	/** @param {PageRecord} rec @param {PageChanges} changes @param {string} editorId */
	function applyChanges(rec, changes, editorId) {
		const { page, schema } = rec;
		for (const [name, value] of Object.entries(changes.properties ?? {})) {
			const prop = schema[name];
			page.properties[name] = { id: prop.id, type: prop.type, [prop.type]: readValue(prop, value) };
		}
		if (changes.icon !== undefined) page.icon = structuredClone(changes.icon);
		if (changes.cover !== undefined) page.cover = structuredClone(changes.cover);
		if (changes.in_trash !== undefined) page.in_trash = changes.in_trash;
		page.last_edited_time = nextTimestamp(page.last_edited_time);
		page.last_edited_by = { object: 'user', id: editorId };
	}

	/**
	 * Test/seed helper; throws a plain Error on bad input since a test wrote it, not a client.
	 * @param {{ id?: string, title?: string, parent?: Record<string, any>, icon?: unknown, cover?: unknown,
	 *   inTrash?: boolean, schema?: Record<string, string>, properties?: Record<string, unknown>,
	 *   pageType?: 'page' | 'folder' | 'mind_map', createdTime?: string, lastEditedTime?: string }} [opts]
	 */
	function addPage(opts = {}) {
		const id = (opts.id ?? randomUUID()).toLowerCase();
		if (!isUuid(id)) throw new Error(`sandbox: page id ${id} is not a dashed uuid`);
		if (pages.has(id)) throw new Error(`sandbox: page ${id} exists already`);
		const schema = buildSchema(opts.schema ?? { title: 'title' });
		const titleName = /** @type {string} */ (Object.keys(schema).find((n) => schema[n].type === 'title'));
		/** @type {import('./errors').ErrorDetail[]} */
		const errs = [];
		/** @type {Record<string, unknown>} */
		const given = { ...opts.properties };
		if (opts.title !== undefined) given[titleName] = { title: [{ type: 'text', text: { content: opts.title } }] };
		/** @type {Record<string, unknown>} */
		const values = {};
		for (const [name, value] of Object.entries(given)) {
			if (!schema[name]) throw new Error(`sandbox: property ${name} is not in the schema`);
			values[name] = checkPropertyValue(value, schema[name].type, `properties.${name}`, errs);
		}
		const icon = checkIcon(opts.icon ?? null, 'icon', errs);
		const cover = checkCover(opts.cover ?? null, 'cover', errs);
		if (errs.length) throw new Error(`sandbox: invalid page: ${JSON.stringify(errs)}`);

		const created = opts.createdTime ?? nextTimestamp();
		const owner = { object: 'user', id: workspace.ownerId };
		const page = {
			object: 'page',
			id,
			page_type: opts.pageType ?? 'page',
			created_time: created,
			last_edited_time: opts.lastEditedTime ?? created,
			created_by: owner,
			last_edited_by: { ...owner },
			parent: opts.parent ?? { type: 'workspace', workspace: true },
			in_trash: opts.inTrash ?? false,
			icon,
			cover,
			/** @type {Record<string, any>} */
			properties: {},
			url: `https://buildin.ai/docs/${id}`,
		};
		for (const [name, prop] of Object.entries(schema)) {
			page.properties[name] = { id: prop.id, type: prop.type, [prop.type]: readValue(prop, values[name] ?? emptyValue(prop.type)) };
		}
		pages.set(id, { page, schema });
		return structuredClone(page);
	}

	/** @param {string} id */
	function getPage(id) {
		const rec = findPage(id);
		return rec && structuredClone(rec.page);
	}

	/**
	 * The page version is a weak ETag over last_edited_time (fact sheet §2.4).
	 * @param {Record<string, any>} page
	 */
	function versionOf(page) {
		return `W/"${page.last_edited_time}"`;
	}

	/**
	 * True when any entry of an If-Match list names the current version, weak or strong, or is `*`.
	 * @param {Record<string, any>} page @param {string} ifMatch
	 */
	function matchesVersion(page, ifMatch) {
		const strong = `"${page.last_edited_time}"`;
		return ifMatch.split(',').map((t) => t.trim()).some((t) => t === '*' || t === strong || t === `W/${strong}`);
	}

	return {
		workspace,
		addToken,
		findToken,
		findPage,
		isShared,
		applyChanges,
		addPage,
		getPage,
		versionOf,
		matchesVersion,
	};
}

/** @typedef {ReturnType<typeof createStore>} Store */

module.exports = { createStore, SCOPES };
