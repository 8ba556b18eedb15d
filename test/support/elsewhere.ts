// A second server, on another loopback port: where a redirect from the sandbox can point, to see whether the token
// follows it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Elsewhere {
	url: string;
	/** The Authorization header of every request it received, in order. */
	authorizations: Array<string | undefined>;
	close(): Promise<void>;
}

export async function startElsewhere(): Promise<Elsewhere> {
	const authorizations: Array<string | undefined> = [];
	const server = http.createServer((req, res) => {
		authorizations.push(req.headers.authorization);
		res.end('{}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		authorizations,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
