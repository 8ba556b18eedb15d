// @ts-check
'use strict';

const { randomUUID } = require('node:crypto');
const { checkPropertyValue, checkIcon, checkCover, emptyValue, isUuid } = require('./validate');
const { buildSchema, readValue, refreshComputed, titleName } = require('./schema');
const { createClock } = require('./time');
const { createUsers } = require('./stores/users');
const { createBlocks } = require('./stores/blocks');
const { createDatabases } = require('./stores/databases');

/** The nine capability keys of a bot_user (https://buildin.ai/developer-api/v2/reference/object-models). */
const SCOPES = ['pages.read', 'pages.write', 'blocks.read', 'blocks.write', 'databases.read', 'databases.write',
	'users.read', 'users.email.read', 'search.read'];

/**
 * @typedef {import('./schema').SchemaProp} SchemaProp
 * @typedef {import('./schema').Schema} Schema
 * @typedef {{ token: string, scopes: string[], sharedPages: 'all' | Set<string>, bot: Record<string, any> }} TokenInfo
 * @typedef {{ page: Record<string, any>, schema: Schema }} PageRecord
 * @typedef {import('./stores/databases').DatabaseRecord} DatabaseRecord
 * @typedef {{ properties?: Record<string, unknown>, icon?: unknown, cover?: unknown, in_trash?: boolean }} PageChanges
 * @typedef {{ id?: string, parent: Record<string, any>, schema: Schema, values: Record<string, unknown>, icon: unknown,
 *   cover: unknown, creatorId: string, pageType?: string, inTrash?: boolean, createdTime?: string,
 *   lastEditedTime?: string }} NewPage
 */

function createStore() {
	const workspace = { id: randomUUID(), name: 'Sandbox Workspace', ownerId: randomUUID() };
	/** @type {Map<string, TokenInfo>} */
	const tokens = new Map();
	const data = {
		workspace,
		/** @type {Map<string, PageRecord>} */
		pages: new Map(),
		/** @type {Map<string, DatabaseRecord>} */
		databases: new Map(),
		/** @type {Map<string, Record<string, any>>} */
		blocks: new Map(),
		/** @type {Map<string, string[]>} */
		children: new Map(),
		/** @type {Map<string, import('./stores/users').UserRecord>} */
		users: new Map(),
		/** POST /v2/pages Idempotency-Key per token: the body it came with and the page it created. */
		/** @type {Map<string, { body: string, pageId: string }>} */
		idempotency: new Map(),
		/** The object store behind upload and download links (sandbox/objectStore.js), set by startSandbox. */
		/** @type {import('./objectStore').ObjectStore | undefined} */
		objectStore: undefined,
		/**
		 * How an uploaded file (`{ oss_name, size, content_type? }` as written) reads: a temporary link. The sandbox
		 * replaces this with links to its object store.
		 * @param {Record<string, any>} file
		 * @returns {Record<string, any>}
		 */
		readFile: (file) => ({
			url: `https://files.buildin.ai/sandbox/${encodeURIComponent(String(file.oss_name))}`,
			expiry_time: new Date(Date.now() + 3_600_000).toISOString(),
		}),
		/** Timestamps, and which pages queries and searches show yet. */
		clock: createClock(),
	};
	const { pages } = data;
	const userStore = createUsers(data);
	const blockStore = createBlocks(data);
	const databaseStore = createDatabases(data, blockStore);
	// The workspace owner creates the seeded pages, so created_by names a user that GET /v2/users/:id knows.
	userStore.addUser({ id: workspace.ownerId, name: 'Sandbox Owner', email: 'owner@example.com' });

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
			id: (opts.botId ?? randomUUID()).toLowerCase(),
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
	function findBot(id) {
		const wanted = id.toLowerCase();
		for (const info of tokens.values()) if (info.bot.id === wanted) return info.bot;
		return undefined;
	}

	/** @param {string} id */
	function findPage(id) {
		return pages.get(id.toLowerCase());
	}

	/**
	 * The page, database or block that holds `id`, if any.
	 * @param {string} id @returns {string | undefined}
	 */
	function parentIdOf(id) {
		/** @type {Record<string, any> | undefined} */
		const parent = pages.get(id)?.page.parent ?? data.databases.get(id)?.db.parent ?? data.blocks.get(id)?.parent;
		return (parent?.page_id ?? parent?.database_id ?? parent?.block_id)?.toLowerCase();
	}

	/**
	 * An object is shared when it, or one of its ancestors (page, database or block), was shared with the token, as
	 * sharing a page in Buildin shares everything under it.
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
			current = parentIdOf(current);
		}
		return false;
	}

	/**
	 * True when the object or one of its ancestors is in the trash.
	 * @param {string} id
	 */
	function isTrashedDeep(id) {
		/** @type {string | undefined} */
		let current = id.toLowerCase();
		const seen = new Set();
		while (current && !seen.has(current)) {
			if (blockStore.isTrashed(current)) return true;
			seen.add(current);
			current = parentIdOf(current);
		}
		return false;
	}

	/**
	 * Lets a token with a list of shared pages see what it created outside them (e.g. at the workspace root).
	 * @param {TokenInfo} info @param {string} id
	 */
	function shareWith(info, id) {
		if (info.sharedPages !== 'all' && !isShared(info, id)) info.sharedPages.add(id.toLowerCase());
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
		page.last_edited_time = data.clock.stamp(page.last_edited_time);
		page.last_edited_by = { object: 'user', id: editorId };
		data.clock.wrote(page.id);
		refreshComputed(page, schema);
	}

	/**
	 * Inserts a page from checked values; registers it as a child of its parent page or block.
	 * @param {NewPage} o @returns {PageRecord}
	 */
	function createPage(o) {
		const id = (o.id ?? randomUUID()).toLowerCase();
		const created = o.createdTime ?? data.clock.stamp();
		const by = { object: 'user', id: o.creatorId };
		const page = {
			object: 'page',
			id,
			page_type: o.pageType ?? 'page',
			created_time: created,
			last_edited_time: o.lastEditedTime ?? created,
			created_by: by,
			last_edited_by: { ...by },
			parent: o.parent,
			in_trash: o.inTrash ?? false,
			icon: o.icon,
			cover: o.cover,
			/** @type {Record<string, any>} */
			properties: {},
			url: `https://buildin.ai/docs/${id}`,
		};
		for (const [name, prop] of Object.entries(o.schema)) {
			page.properties[name] = { id: prop.id, type: prop.type, [prop.type]: readValue(prop, o.values[name] ?? emptyValue(prop.type)) };
		}
		refreshComputed(page, o.schema);
		/** @type {PageRecord} */
		const rec = { page, schema: o.schema };
		pages.set(id, rec);
		data.clock.wrote(id);
		const parentId = o.parent.page_id ?? o.parent.block_id;
		if (parentId) blockStore.registerChild(parentId, id);
		return rec;
	}

	/**
	 * Test/seed helper; throws a plain Error on bad input since a test wrote it, not a client. A record (parent
	 * `{ type: 'database_id', database_id }`) of a database that exists uses that database's schema; otherwise the
	 * `schema` option (`{ name: type }`, default `{ title: 'title' }`) gives the page its own.
	 * @param {{ id?: string, title?: string, parent?: Record<string, any>, icon?: unknown, cover?: unknown,
	 *   inTrash?: boolean, schema?: Record<string, string>, properties?: Record<string, unknown>,
	 *   pageType?: 'page' | 'folder' | 'mind_map', createdTime?: string, lastEditedTime?: string }} [opts]
	 */
	function addPage(opts = {}) {
		const id = (opts.id ?? randomUUID()).toLowerCase();
		if (!isUuid(id)) throw new Error(`sandbox: page id ${id} is not a dashed uuid`);
		if (pages.has(id) || data.databases.has(id)) throw new Error(`sandbox: page ${id} exists already`);
		const database = opts.parent?.database_id ? databaseStore.findDatabase(opts.parent.database_id) : undefined;
		const schema = database ? database.schema : buildSchema(opts.schema ?? { title: 'title' });
		/** @type {import('./errors').ErrorDetail[]} */
		const errs = [];
		const values = givenValues(schema, opts, errs);
		const icon = checkIcon(opts.icon ?? null, 'icon', errs);
		const cover = checkCover(opts.cover ?? null, 'cover', errs);
		if (errs.length) throw new Error(`sandbox: invalid page: ${JSON.stringify(errs)}`);
		const parent = structuredClone(opts.parent ?? { type: 'workspace', workspace: true });
		for (const k of ['page_id', 'database_id', 'block_id']) if (typeof parent[k] === 'string') parent[k] = parent[k].toLowerCase();
		const rec = createPage({
			id, parent, schema, values, icon, cover, creatorId: workspace.ownerId, pageType: opts.pageType,
			inTrash: opts.inTrash, createdTime: opts.createdTime, lastEditedTime: opts.lastEditedTime,
		});
		return structuredClone(rec.page);
	}

	/**
	 * Title and property values of a test/seed helper, checked against the schema (write shape).
	 * @param {Schema} schema @param {{ title?: string, properties?: Record<string, unknown> }} opts
	 * @param {import('./errors').ErrorDetail[]} errs
	 */
	function givenValues(schema, opts, errs) {
		/** @type {Record<string, unknown>} */
		const given = { ...opts.properties };
		if (opts.title !== undefined) given[titleName(schema)] = { title: [{ type: 'text', text: { content: opts.title } }] };
		/** @type {Record<string, unknown>} */
		const values = {};
		for (const [name, value] of Object.entries(given)) {
			if (!schema[name]) throw new Error(`sandbox: property ${name} is not in the schema`);
			values[name] = checkPropertyValue(value, schema[name].type, `properties.${name}`, errs);
		}
		return values;
	}

	/**
	 * Test helper: an edit as a person makes it in Buildin, by the workspace owner. Only the given title and
	 * properties (write shape) change, and last_edited_time moves on as with PATCH /v2/pages/:id. Throws a plain
	 * Error on bad input.
	 * @param {string} id @param {{ title?: string, properties?: Record<string, unknown> }} changes
	 */
	function updatePage(id, changes) {
		const rec = findPage(id);
		if (!rec) throw new Error(`sandbox: no page ${id}`);
		/** @type {import('./errors').ErrorDetail[]} */
		const errs = [];
		const values = givenValues(rec.schema, changes, errs);
		if (errs.length) throw new Error(`sandbox: invalid page: ${JSON.stringify(errs)}`);
		applyChanges(rec, { properties: values }, workspace.ownerId);
		return structuredClone(rec.page);
	}

	/** @param {string} id */
	function getPage(id) {
		const rec = findPage(id);
		return rec && structuredClone(rec.page);
	}

	/**
	 * The page version is a weak ETag over last_edited_time (https://buildin.ai/developer-api/v2/write/update-page).
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
		data,
		addToken,
		findToken,
		findBot,
		shareWith,
		findPage,
		parentIdOf,
		isShared,
		isTrashedDeep,
		applyChanges,
		createPage,
		addPage,
		updatePage,
		getPage,
		versionOf,
		matchesVersion,
		...userStore,
		...blockStore,
		...databaseStore,
	};
}

/** @typedef {ReturnType<typeof createStore>} Store */

module.exports = { createStore, SCOPES };
