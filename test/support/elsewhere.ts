// A second server, on another loopback port: where a redirect from the sandbox can point, or an HTTP Request node can
// be sent, to see whether the token follows.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Elsewhere {
	url: string;
	/** The Authorization header of every request it received, in order. */
	authorizations: Array<string | undefined>;
	/** Every request it received, in order, with all its headers. */
	requests: Array<{ method: string; path: string; headers: http.IncomingHttpHeaders }>;
	close(): Promise<void>;
}

export async function startElsewhere(): Promise<Elsewhere> {
	const authorizations: Array<string | undefined> = [];
	const requests: Elsewhere['requests'] = [];
	const server = http.createServer((req, res) => {
		authorizations.push(req.headers.authorization);
		requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
		res.setHeader('content-type', 'application/json');
		res.end('{}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		authorizations,
		requests,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
