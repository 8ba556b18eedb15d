// @ts-check
'use strict';

const { createServer } = require('./server');
const { createStore } = require('./store');

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
];

/**
 * Starts a local imitation of the Buildin Developer API V2 (see /work/shared/buildin-api.md).
 * @param {{ port?: number, host?: string }} [opts]
 */
async function startSandbox(opts = {}) {
	const host = opts.host ?? '127.0.0.1';
	const store = createStore();
	/** @type {import('./server').State} */
	const state = {
		requests: [],
		faults: [],
		latencyMs: 0,
		rateLimit: null,
		hits: [],
		options: { etagOnGet: true, etagOnPatch: true },
		timers: new Set(),
		seq: 0,
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
		/** Mutable switches; tests turn the ETag headers off to exercise clients that derive the version. */
		options: state.options,
		/** `(token, scopes, { sharedPages?: 'all' | ids, botId?, name? })`; shared ids cover everything under them. */
		addToken: store.addToken,
		/** A page, or a database record when `parent` is `{ type: 'database_id', database_id }` of an existing database. */
		addPage: store.addPage,
		getPage: store.getPage,
		/** `({ id?, name, email?, avatarUrl? })` -> the user as GET /v2/users/:id shows it with users.email.read. */
		addUser: store.addUser,
		/** `({ id?, title?, description?, parent?, icon?, cover?, properties, isInline?, inTrash? })` -> the database. */
		addDatabase: store.addDatabase,
		getDatabase: store.getDatabase,
		/** `(parentId, blockInputs)` under a page or block, appended at the end -> the created top-level blocks. */
		addBlocks: store.addBlocks,
		getBlock: store.getBlock,
		/** `(parentId, { includeTrashed? })` -> direct children in order; sub-pages read as child_page blocks. */
		childrenOf: store.childrenOf,
		/** @param {import('./server').Fault} fault */
		injectFault(fault) {
			state.faults.push({ ...fault, left: fault.times ?? 1 });
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
		/** Clears requests, faults, latency and rate limit; keeps the data (pages, databases, blocks, users), tokens and options. */
		reset() {
			state.requests.length = 0;
			state.faults.length = 0;
			state.latencyMs = 0;
			state.rateLimit = null;
			state.hits = [];
		},
		async close() {
			for (const t of state.timers) clearTimeout(t);
			state.timers.clear();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
		},
	};
}

/** @typedef {Awaited<ReturnType<typeof startSandbox>>} Sandbox */

module.exports = { startSandbox };
