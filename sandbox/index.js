// @ts-check
'use strict';

const { createServer } = require('./server');
const { createStore } = require('./store');
const { startObjectStore } = require('./objectStore');

/**
 * New route modules are added here.
 * @type {import('./server').Route[]}
 */
const ROUTES = [
	...require('./routes/users'),
	...require('./routes/pages'),
	...require('./routes/markdown'),
	...require('./routes/search'),
	...require('./routes/databases'),
	...require('./routes/blocks'),
	...require('./routes/files'),
	...require('./routes/move'),
	...require('./routes/mutations'),
];

/**
 * Starts a local imitation of the Buildin Developer API V2 (see /work/shared/buildin-api.md), with the object store
 * its file links point at on a port of its own. `keepFileBytes: false` keeps only the size and hash of uploads.
 * @param {{ port?: number, host?: string, keepFileBytes?: boolean }} [opts]
 */
async function startSandbox(opts = {}) {
	const host = opts.host ?? '127.0.0.1';
	const store = createStore();
	const objectStore = await startObjectStore({ host, keepBytes: opts.keepFileBytes });
	store.data.objectStore = objectStore;
	/** @type {import('./server').State} */
	const state = {
		requests: [],
		faults: [],
		holds: [],
		latencyMs: 0,
		rateLimit: null,
		hits: [],
		options: { etagOnGet: true, etagOnPatch: true, downloadTtlSeconds: 300, fileKeyOnRead: true },
		timers: new Set(),
		seq: 0,
	};
	// A block's uploaded file reads as a link to the object store, valid for an hour, with its key unless switched off.
	store.data.readFile = (file) => {
		const link = objectStore.downloadLink(file.oss_name, 3_600_000);
		return {
			url: link.url,
			expiry_time: new Date(link.expiresAt).toISOString(),
			...(state.options.fileKeyOnRead ? { oss_name: file.oss_name } : {}),
		};
	};
	const server = createServer({ routes: ROUTES, store, state });
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, host, () => resolve(undefined));
	});
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

	return {
		url: `http://${urlHost}:${port}`,
		port,
		/** Recorded requests in arrival order; reset() empties this same array. */
		requests: state.requests,
		/**
		 * Mutable switches; tests turn the ETag headers off to exercise clients that derive the version, set the
		 * lifetime of download links, or leave the key (`oss_name`) out of file blocks as read.
		 */
		options: state.options,
		/** The object store upload and download links point at: its requests, objects, faults and clock. */
		objectStore,
		/** `(token, scopes, { sharedPages?: 'all' | ids, botId?, name? })`; shared ids cover everything under them. */
		addToken: store.addToken,
		/** A page, or a database record when `parent` is `{ type: 'database_id', database_id }` of an existing database. */
		addPage: store.addPage,
		/** `(id, { title?, properties? })`: an edit by a person (write shape) -> the page; last_edited_time moves on. */
		updatePage: store.updatePage,
		getPage: store.getPage,
		/** `({ id?, name, email?, avatarUrl? })` -> the user as GET /v2/users/:id shows it with users.email.read. */
		addUser: store.addUser,
		/** `({ id?, title?, description?, parent?, icon?, cover?, properties, isInline?, inTrash? })` -> the database. */
		addDatabase: store.addDatabase,
		getDatabase: store.getDatabase,
		/** `(databaseId)` -> the database's records (pages), trashed ones included, in creation order. */
		recordsOf: (/** @type {string} */ id) => store.recordsOf(id).map((record) => record.page),
		/** `(parentId, blockInputs)` under a page or block, appended at the end -> the created top-level blocks. */
		addBlocks: store.addBlocks,
		getBlock: store.getBlock,
		/** `(parentId, { includeTrashed? })` -> direct children in order; sub-pages read as child_page blocks. */
		childrenOf: store.childrenOf,
		/** @param {import('./server').Fault} fault */
		injectFault(fault) {
			state.faults.push({ ...fault, left: fault.times ?? 1 });
		},
		/**
		 * Holds the next matching request(s) before the app sees them (a write lands only once released), each until
		 * `releaseWhen(requests)` is true for the requests recorded so far or `maxMs` (default 5000) passed: a test
		 * makes answers arrive in another order than the requests were sent, as on any real network.
		 * @param {import('./server').Hold} hold
		 */
		holdRequests(hold) {
			state.holds.push({ ...hold, left: hold.times ?? 1, waiting: [] });
		},
		/**
		 * Calls `hook` with each request as it arrives, before it is answered: a test's stand-in for what people do
		 * in Buildin while a client works. Cleared by reset().
		 * @param {((request: import('./server').RecordedRequest) => void) | undefined} hook
		 */
		onRequest(hook) {
			state.onRequest = hook;
		},
		/** @param {number} ms */
		setLatency(ms) {
			state.latencyMs = ms;
		},
		/** @param {{ perSecond: number, retryAfter?: number | string } | null} limit */
		setRateLimit(limit) {
			state.rateLimit = limit && { ...limit };
			state.hits = [];
		},
		/**
		 * The sandbox's clock (sandbox/time.js): `set(isoOrMs)` stops it at a time and `advance(ms)` moves it;
		 * `setPrecision('minute')` gives whole-minute timestamps; `setVisibilityLag(ms)` keeps pages written from
		 * then on out of queries and searches for that long; `now()` reads it.
		 */
		clock: store.data.clock,
		/**
		 * Clears requests, faults, latency, rate limit and the request hook, and puts the clock back to real time
		 * (millisecond precision, no lag), the object store's requests, faults and clock too; keeps the data (pages,
		 * databases, blocks, users, files), tokens and options.
		 */
		reset() {
			objectStore.reset();
			state.requests.length = 0;
			state.faults.length = 0;
			for (const hold of state.holds.splice(0)) hold.waiting.splice(0).forEach((release) => release());
			state.latencyMs = 0;
			state.rateLimit = null;
			state.hits = [];
			state.onRequest = undefined;
			store.data.clock.reset();
		},
		async close() {
			for (const t of state.timers) clearTimeout(t);
			state.timers.clear();
			server.closeAllConnections();
			await Promise.all([new Promise((resolve) => server.close(() => resolve(undefined))), objectStore.close()]);
		},
	};
}

/** @typedef {Awaited<ReturnType<typeof startSandbox>>} Sandbox */

module.exports = { startSandbox };
