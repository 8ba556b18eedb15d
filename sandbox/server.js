// @ts-check
'use strict';

const http = require('node:http');
const { ApiError, errorBody, newRequestId, validationError } = require('./errors');
const { isUuid } = require('./validate');

/**
 * @typedef {import('./store').Store} Store
 * @typedef {import('./store').TokenInfo} TokenInfo
 * @typedef {{ method: string, path: string, query: Record<string, string>, headers: Record<string, string | string[] | undefined>,
 *   body: unknown, fault: string | undefined, status: number | undefined, receivedAt: number,
 *   answeredAfterMs: number | undefined, arrivedSeq: number, answeredSeq: number | undefined, held?: boolean }} RecordedRequest
 * @typedef {{ etagOnGet: boolean, etagOnPatch: boolean, downloadTtlSeconds: number, fileKeyOnRead: boolean }} Options
 * @typedef {{ params: Record<string, string>, query: Record<string, string>, headers: RecordedRequest['headers'],
 *   body: unknown, token: TokenInfo, store: Store, options: Options }} HandlerContext
 * @typedef {{ status?: number, body: unknown, headers?: Record<string, string> }} Answer
 * @typedef {{ method: string, path: string, scope: string | string[] | null,
 *   handler: (ctx: HandlerContext) => Answer }} Route
 * @typedef {{ method?: string, path?: string | RegExp, times?: number, status?: number, code?: string,
 *   retryAfter?: number | string, location?: string, drop?: boolean, latencyMs?: number, afterApp?: boolean,
 *   body?: string, contentType?: string }} Fault
 *   `afterApp`: the request reaches the app (a write lands) and then the fault answers instead, as a gateway that
 *   times out after the write; `body` (with `contentType`, default text/html): the answer is this raw text, with
 *   `status` (default 200), as a captive portal or a broken proxy would send it.
 * @typedef {{ method?: string, path?: string | RegExp, times?: number,
 *   releaseWhen: (requests: RecordedRequest[]) => boolean, maxMs?: number }} Hold
 *   Matching requests wait before anything else happens to them (faults, latency, the app), each until `releaseWhen`
 *   holds for the requests recorded so far (asked at every arrival and every answer) or `maxMs` (default 5000) passed.
 * @typedef {Hold & { left: number, waiting: Array<() => void> }} ActiveHold
 * @typedef {{ requests: RecordedRequest[], faults: Array<Fault & { left: number }>, holds: ActiveHold[], latencyMs: number,
 *   rateLimit: { perSecond: number, retryAfter?: number | string } | null, hits: number[], options: Options,
 *   timers: Set<NodeJS.Timeout>, seq: number, onRequest?: (request: RecordedRequest) => void }} State
 */

/** @param {http.IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** @param {string} raw */
function parseBody(raw) {
	if (raw === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

/** @param {Fault} f @param {RecordedRequest} r */
function faultMatches(f, r) {
	if (f.method && f.method.toUpperCase() !== r.method) return false;
	if (f.path instanceof RegExp) {
		f.path.lastIndex = 0; // a /g regexp would otherwise alternate between match and miss
		return f.path.test(r.path);
	}
	return f.path === undefined || f.path === r.path;
}

/**
 * Finds the first matching fault and consumes one use of it.
 * @param {State} state @param {RecordedRequest} r
 */
function takeFault(state, r) {
	const i = state.faults.findIndex((f) => faultMatches(f, r));
	if (i < 0) return undefined;
	const fault = state.faults[i];
	fault.left -= 1;
	if (fault.left <= 0) state.faults.splice(i, 1);
	return fault;
}

/** Releases the held requests whose hold's condition is now met. @param {State} state */
function releaseHolds(state) {
	for (const hold of state.holds) {
		if (hold.waiting.length > 0 && hold.releaseWhen(state.requests)) hold.waiting.splice(0).forEach((release) => release());
	}
}

/**
 * Waits while a hold matches the request (one use of it), until its condition holds or its time is up.
 * @param {State} state @param {RecordedRequest} r
 */
async function waitForHold(state, r) {
	const hold = state.holds.find((h) => h.left > 0 && faultMatches(h, r));
	if (!hold) return;
	hold.left -= 1;
	r.held = true;
	if (hold.releaseWhen(state.requests)) return;
	await new Promise((resolve) => {
		const timer = setTimeout(() => {
			state.timers.delete(timer);
			hold.waiting.splice(hold.waiting.indexOf(release), 1);
			resolve(undefined);
		}, hold.maxMs ?? 5000);
		const release = () => {
			clearTimeout(timer);
			state.timers.delete(timer);
			resolve(undefined);
		};
		state.timers.add(timer);
		hold.waiting.push(release);
	});
}

/**
 * Sliding one-second window over the requests the limiter let through.
 * @param {State} state
 */
function overRateLimit(state) {
	if (!state.rateLimit) return false;
	const now = Date.now();
	state.hits = state.hits.filter((t) => now - t < 1000);
	if (state.hits.length >= state.rateLimit.perSecond) return true;
	state.hits.push(now);
	return false;
}

/** @param {string} pattern @param {string} path */
function matchPath(pattern, path) {
	const want = pattern.split('/');
	const got = path.split('/');
	if (want.length !== got.length) return undefined;
	/** @type {Record<string, string>} */
	const params = {};
	for (let i = 0; i < want.length; i += 1) {
		if (want[i].startsWith(':')) {
			if (got[i] === '') return undefined;
			params[want[i].slice(1)] = safeDecode(got[i]);
		} else if (want[i] !== got[i]) {
			return undefined;
		}
	}
	return params;
}

/** @param {string} s */
function safeDecode(s) {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** @param {Store} store @param {string | string[] | undefined} header */
function authenticate(store, header) {
	const m = typeof header === 'string' ? /^Bearer +(\S+) *$/i.exec(header) : null;
	const info = m ? store.findToken(m[1]) : undefined;
	if (!info) throw new ApiError(401, 'unauthorized', m ? 'The token is not valid' : 'Missing or malformed Authorization header; expected "Bearer <token>"');
	return info;
}

/**
 * Order matters and mirrors the real stack: authentication, route, scope, path ids, handler.
 * @param {Route[]} routes @param {Store} store @param {Options} options @param {RecordedRequest} r
 * @returns {Answer}
 */
function dispatch(routes, store, options, r) {
	const token = authenticate(store, r.headers.authorization);
	let route;
	/** @type {Record<string, string> | undefined} */
	let params;
	for (const candidate of routes) {
		params = candidate.method === r.method ? matchPath(candidate.path, r.path) : undefined;
		if (params) {
			route = candidate;
			break;
		}
	}
	if (!route || !params) throw new ApiError(404, 'not_found', `No route for ${r.method} ${r.path}`);
	const scopes = route.scope === null ? [] : [route.scope].flat();
	const missing = scopes.filter((s) => !token.scopes.includes(s));
	if (missing.length) {
		throw new ApiError(403, 'forbidden', `The integration lacks the ${missing.join(' and ')} capability`);
	}
	const badIds = Object.keys(params).filter((k) => k.endsWith('_id') && !isUuid(params?.[k]));
	if (badIds.length) throw validationError(badIds.map((k) => ({ path: k, reason: 'invalid_uuid' })), 'The id in the path is not a valid UUID');
	return route.handler({ params, query: r.query, headers: r.headers, body: r.body, token, store, options });
}

/**
 * Waits until `deadline` (a performance.now() reading), so the latency is timed from the request's arrival, reading
 * its body included. Node's timers run on the event loop's clock, which lags behind under load, so a timer can fire
 * early: then it waits again for what is left, unless that is under half a millisecond, since a timer waits at least
 * one and would make the answer later than it is now early. Answers leave within half a millisecond of their time
 * or after it.
 * @param {State} state @param {number} deadline
 */
function sleepUntil(state, deadline) {
	return new Promise((resolve) => {
		const wait = () => {
			const ms = deadline - performance.now();
			if (!(ms >= 0.5)) return resolve(undefined);
			const t = setTimeout(() => {
				state.timers.delete(t);
				wait();
			}, ms);
			state.timers.add(t);
		};
		wait();
	});
}

/**
 * @param {State} state @param {http.ServerResponse} res @param {RecordedRequest} r @param {Answer} answer
 * @param {number} arrived performance.now() when the request arrived
 * @param {number} nowMs the sandbox clock's time, sent as the Date header
 */
function send(state, res, r, answer, arrived, nowMs) {
	const requestId = newRequestId();
	const status = answer.status ?? 200;
	const body = answer.body instanceof ApiError ? errorBody(answer.body, requestId) : answer.body;
	r.status = status;
	const date = new Date(nowMs).toUTCString();
	res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': requestId, date, ...answer.headers });
	res.end(JSON.stringify(body));
	r.answeredAfterMs = performance.now() - arrived;
	r.answeredSeq = ++state.seq;
	releaseHolds(state);
}

/**
 * @param {ApiError} err @param {number | string | undefined} retryAfter @param {string} [location]
 * @returns {Answer}
 */
function errorAnswer(err, retryAfter, location) {
	/** @type {Record<string, string>} */
	const headers = {};
	if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
	if (location !== undefined) headers.location = location;
	return { status: err.status, body: err, headers };
}

/** @param {Fault | undefined} fault */
function describeFault(fault) {
	if (!fault) return undefined;
	const after = fault.afterApp ? ':after-app' : '';
	if (fault.drop) return `drop${after}`;
	if (fault.body !== undefined) return `body:${fault.status ?? 200}${after}`;
	return fault.status ? `status:${fault.status}${after}` : `latency:${fault.latencyMs ?? 0}`;
}

/**
 * Whether a fault replaces the app's answer (a status, a raw body or a dropped connection), not only delays it.
 * @param {Fault | undefined} fault
 */
function replacesAnswer(fault) {
	return Boolean(fault && (fault.drop || fault.status || fault.body !== undefined));
}

/**
 * The app's answer: authentication, routing, the handler (which may write).
 * @param {{ routes: Route[], store: Store, state: State }} app @param {RecordedRequest} r
 * @returns {Answer}
 */
function appAnswer({ routes, store, state }, r) {
	try {
		return dispatch(routes, store, state.options, r);
	} catch (err) {
		return errorAnswer(err instanceof ApiError ? err : new ApiError(500, 'internal_error', String(err)), undefined);
	}
}

/**
 * @param {{ routes: Route[], store: Store, state: State }} app
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res
 */
async function handle({ routes, store, state }, req, res) {
	const arrived = performance.now();
	const raw = await readBody(req);
	const url = new URL(req.url ?? '/', 'http://sandbox');
	/** @type {RecordedRequest} */
	const r = {
		method: req.method ?? 'GET',
		path: url.pathname,
		query: Object.fromEntries(url.searchParams),
		headers: { ...req.headers },
		body: parseBody(raw),
		fault: undefined,
		status: undefined,
		// When the request (body included) arrived, as Date.now(): tests measure the rate the server sees.
		receivedAt: Date.now(),
		// How long after it arrived the answer was written, latency included: the benchmark shows what it really was.
		answeredAfterMs: undefined,
		// Places in one count of arrivals and answers: which requests were in flight together, without a clock.
		arrivedSeq: ++state.seq,
		answeredSeq: undefined,
	};
	state.requests.push(r);
	// A test's hook: what happens in Buildin while a client is between two requests (e.g. an edit during a scan).
	state.onRequest?.(r);
	releaseHolds(state);
	await waitForHold(state, r);

	// Faults and the rate limit stand in for a proxy or limiter in front of the app: they decide on arrival,
	// before authentication and routing.
	const fault = takeFault(state, r);
	const limited = !replacesAnswer(fault) && overRateLimit(state);
	r.fault = limited ? 'rate_limit' : describeFault(fault);
	await sleepUntil(state, arrived + state.latencyMs + (fault?.latencyMs ?? 0));

	// A fault after the app lets the request do its work first; the app's answer is then lost.
	const processed = limited || (replacesAnswer(fault) && !fault?.afterApp) ? undefined : appAnswer({ routes, store, state }, r);
	if (fault?.drop) {
		req.socket.destroy();
		return;
	}
	if (fault?.body !== undefined) {
		r.status = fault.status ?? 200;
		res.writeHead(r.status, { 'content-type': fault.contentType ?? 'text/html; charset=utf-8' });
		res.end(fault.body);
		r.answeredAfterMs = performance.now() - arrived;
		r.answeredSeq = ++state.seq;
		releaseHolds(state);
		return;
	}
	/** @type {Answer} */
	let answer;
	if (fault?.status) {
		answer = errorAnswer(new ApiError(fault.status, fault.code), fault.retryAfter, fault.location);
	} else if (limited) {
		const retryAfter = state.rateLimit?.retryAfter ?? 1;
		answer = errorAnswer(new ApiError(429, 'rate_limited', 'Rate limit exceeded; retry later'), retryAfter);
	} else {
		answer = /** @type {Answer} */ (processed);
	}
	send(state, res, r, answer, arrived, store.data.clock.now());
}

/** @param {{ routes: Route[], store: Store, state: State }} app */
function createServer(app) {
	return http.createServer((req, res) => {
		// A client that aborts mid-body must not crash the sandbox.
		handle(app, req, res).catch(() => req.socket.destroy());
	});
}

module.exports = { createServer };
