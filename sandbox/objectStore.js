// @ts-check
'use strict';

const http = require('node:http');
const { createHash, createHmac, randomBytes, timingSafeEqual } = require('node:crypto');

/**
 * The object storage Buildin's presigned links point at (https://buildin.ai/developer-api/v2/advanced/file-upload), on
 * a port of its own, as another host would be: PUT to an upload link, GET from a download link. Links are signed and
 * expire; like S3 or OSS it refuses a request that also carries an Authorization header (one auth mechanism per
 * request), a PUT without Content-Length or whose Content-Type or length differs from what the link was issued for. It
 * records every request, whether it carried an Authorization header, and how many bytes it received.
 * @typedef {{ method: string, path: string, key: string, headers: Record<string, string | string[] | undefined>,
 *   authorization: boolean, bytesReceived: number, status: number | undefined, fault: string | undefined }} ObjectRequest
 * @typedef {{ key: string, contentType: string, contentLength: number, filename: string, expiresAt: number }} UploadTicket
 * @typedef {{ key: string, contentType: string, size: number, sha256: string, bytes: Buffer | undefined,
 *   filename: string }} StoredObject
 * @typedef {{ method?: string, status?: number, drop?: boolean, times?: number }} ObjectFault
 */

/** @param {http.ServerResponse} res @param {number} status @param {string} code @param {string} message */
function xmlError(res, status, code, message) {
	const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
	res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
	res.end(body);
	return status;
}

/**
 * @param {{ host?: string, keepBytes?: boolean }} [opts] keepBytes: false keeps only size and hash (the benchmark's
 *   100 MB uploads)
 */
async function startObjectStore(opts = {}) {
	const host = opts.host ?? '127.0.0.1';
	const secret = randomBytes(16);
	/** @type {ObjectRequest[]} */
	const requests = [];
	/** @type {Map<string, UploadTicket>} */
	const tickets = new Map();
	/** @type {Map<string, StoredObject>} */
	const objects = new Map();
	/** @type {Array<ObjectFault & { left: number }>} */
	const faults = [];
	const clock = { offsetMs: 0 };
	const now = () => Date.now() + clock.offsetMs;
	let baseUrl = '';

	/** @param {string} method @param {string} key @param {number} expires */
	const signature = (method, key, expires) => createHmac('sha256', secret).update(`${method}\n${key}\n${expires}`).digest('hex');

	/** @param {string} method @param {string} key @param {number} ttlMs */
	function link(method, key, ttlMs) {
		const expires = now() + ttlMs;
		const url = `${baseUrl}/oss/${encodeURIComponent(key)}?expires=${expires}&signature=${signature(method, key, expires)}`;
		return { url, expiresAt: expires };
	}

	/**
	 * An upload link for a new key, valid for `ttlMs`: the PUT must carry exactly this Content-Type and length.
	 * @param {{ filename: string, contentType: string, contentLength: number, ttlMs?: number }} o
	 */
	function issueUpload(o) {
		const safeName = o.filename.replace(/[^\w.-]+/g, '_').slice(-80) || 'file';
		const key = `uploads/${randomBytes(8).toString('hex')}/${safeName}`;
		const { url, expiresAt } = link('PUT', key, o.ttlMs ?? 3_600_000);
		tickets.set(key, { key, contentType: o.contentType, contentLength: o.contentLength, filename: o.filename, expiresAt });
		return { key, url, expiresAt };
	}

	/** A download link for a key, valid for `ttlMs`. @param {string} key @param {number} ttlMs */
	function downloadLink(key, ttlMs) {
		return link('GET', key, ttlMs);
	}

	/** @param {ObjectRequest} r */
	function takeFault(r) {
		const i = faults.findIndex((f) => !f.method || f.method.toUpperCase() === r.method);
		if (i < 0) return undefined;
		const fault = faults[i];
		fault.left -= 1;
		if (fault.left <= 0) faults.splice(i, 1);
		return fault;
	}

	/**
	 * Whether the signed query is valid for `method` on `key`; answers the error itself when not.
	 * @param {http.ServerResponse} res @param {URL} url @param {string} method @param {string} key
	 */
	function checkSignature(res, url, method, key) {
		const expires = Number(url.searchParams.get('expires'));
		const given = Buffer.from(url.searchParams.get('signature') ?? '', 'hex');
		const wanted = Buffer.from(signature(method, key, expires), 'hex');
		if (!Number.isFinite(expires) || given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
			return xmlError(res, 403, 'SignatureDoesNotMatch', 'The request signature does not match');
		}
		if (now() > expires) return xmlError(res, 403, 'AccessDenied', 'Request has expired');
		return 0;
	}

	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {ObjectRequest} r @param {URL} url */
	async function put(req, res, r, url) {
		const refused = checkSignature(res, url, 'PUT', r.key);
		if (refused) return refused;
		const ticket = tickets.get(r.key);
		if (!ticket) return xmlError(res, 403, 'AccessDenied', 'No upload was issued for this key');
		const length = req.headers['content-length'];
		if (length === undefined) return xmlError(res, 411, 'MissingContentLength', 'You must provide the Content-Length HTTP header');
		if (Number(length) !== ticket.contentLength) {
			return xmlError(res, 400, 'InvalidContentLength', `Content-Length ${length} differs from the ${ticket.contentLength} bytes the upload was issued for`);
		}
		if (req.headers['content-type'] !== ticket.contentType) {
			return xmlError(res, 403, 'SignatureDoesNotMatch', `Content-Type ${String(req.headers['content-type'])} differs from the signed ${ticket.contentType}`);
		}
		const hash = createHash('sha256');
		/** @type {Buffer[]} */
		const chunks = [];
		for await (const chunk of req) {
			r.bytesReceived += chunk.length;
			hash.update(chunk);
			if (opts.keepBytes !== false) chunks.push(chunk);
		}
		if (r.bytesReceived !== ticket.contentLength) return xmlError(res, 400, 'IncompleteBody', 'The body is shorter than Content-Length');
		const sha256 = hash.digest('hex');
		objects.set(r.key, {
			key: r.key, contentType: ticket.contentType, size: r.bytesReceived, sha256,
			bytes: opts.keepBytes === false ? undefined : Buffer.concat(chunks), filename: ticket.filename,
		});
		tickets.delete(r.key);
		res.writeHead(200, { etag: `"${sha256.slice(0, 32)}"`, 'content-length': 0 });
		res.end();
		return 200;
	}

	/** @param {http.ServerResponse} res @param {ObjectRequest} r @param {URL} url */
	function get(res, r, url) {
		const refused = checkSignature(res, url, 'GET', r.key);
		if (refused) return refused;
		const object = objects.get(r.key);
		if (!object?.bytes) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist');
		res.writeHead(200, {
			'content-type': object.contentType,
			'content-length': object.size,
			'content-disposition': `attachment; filename="${object.filename.replace(/["\\\r\n]/g, '_')}"`,
		});
		res.end(object.bytes);
		return 200;
	}

	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
	async function handle(req, res) {
		const url = new URL(req.url ?? '/', 'http://object-store');
		const match = /^\/oss\/([^/]+)$/.exec(url.pathname);
		/** @type {ObjectRequest} */
		const r = {
			method: req.method ?? 'GET', path: url.pathname, key: match ? decodeURIComponent(match[1]) : '', headers: { ...req.headers },
			authorization: req.headers.authorization !== undefined, bytesReceived: 0, status: undefined, fault: undefined,
		};
		requests.push(r);
		const fault = takeFault(r);
		if (fault?.drop) {
			r.fault = 'drop';
			req.socket.destroy();
			return;
		}
		if (fault?.status) {
			r.fault = `status:${fault.status}`;
			req.resume();
			r.status = xmlError(res, fault.status, 'InternalError', 'Injected failure');
			return;
		}
		if (r.authorization) {
			req.resume();
			r.status = xmlError(res, 400, 'InvalidArgument', 'Only one auth mechanism allowed; the request carries an Authorization header');
			return;
		}
		if (!match) r.status = xmlError(res, 404, 'NoSuchKey', 'Not an object path');
		else if (r.method === 'PUT') r.status = await put(req, res, r, url);
		else if (r.method === 'GET') r.status = get(res, r, url);
		else r.status = xmlError(res, 405, 'MethodNotAllowed', `${r.method} is not allowed`);
		req.resume();
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch(() => req.socket.destroy());
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, host, () => resolve(undefined));
	});
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

	return {
		get url() {
			return baseUrl;
		},
		/** Every request in arrival order: method, key, whether it carried Authorization, bytes received, status. */
		requests,
		/** Uploaded objects by key: content type, size, SHA-256 and (unless keepBytes is off) the bytes. */
		objects,
		issueUpload,
		downloadLink,
		/** Whether an upload link was issued for `key` and not used yet. @param {string} key */
		isPending: (key) => tickets.has(key),
		/** The next request(s) (of a method, if given) fail with a status or a dropped connection. @param {ObjectFault} fault */
		injectFault(fault) {
			faults.push({ ...fault, left: fault.times ?? 1 });
		},
		/** Moves the store's clock on, to expire links. @param {number} ms */
		advanceClock(ms) {
			clock.offsetMs += ms;
		},
		/** Clears requests, faults and the clock offset; keeps the objects. */
		reset() {
			requests.length = 0;
			faults.length = 0;
			clock.offsetMs = 0;
		},
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
		},
	};
}

/** @typedef {Awaited<ReturnType<typeof startObjectStore>>} ObjectStore */

module.exports = { startObjectStore };
