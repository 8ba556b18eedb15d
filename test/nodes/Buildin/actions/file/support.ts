// Shared by the File engine tests: files as input items, the File operations' parameters, reading downloaded bytes,
// and a plain web server standing in for an external file host.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IBinaryData, INodeParameters } from 'n8n-workflow';

import { byId, type InputFile } from '../../../../support/workflow';

const { binaryBytes } = require('../../../../../harness/engine');

export type Json = Record<string, any>;

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A file of `size` random bytes as an input item, with its bytes. */
export function randomFile(fileName: string, mimeType: string, size = 2048): { file: InputFile; bytes: Buffer } {
	const bytes = randomBytes(size);
	return { file: { fileName, mimeType, base64: bytes.toString('base64') }, bytes };
}

/** Parameters of File → Upload to a page. */
export function uploadTo(pageId: string, parameters: INodeParameters = {}): INodeParameters {
	return { resource: 'file', operation: 'upload', pageId: byId(pageId), ...parameters };
}

/** Parameters of File → Download of a block. */
export function downloadOf(block: INodeParameters | string, parameters: INodeParameters = {}): INodeParameters {
	return { resource: 'file', operation: 'download', blockId: typeof block === 'string' ? byId(block) : block, ...parameters };
}

/** The bytes of binary data a node output. */
export async function bytesOf(binary: IBinaryData | undefined): Promise<Buffer> {
	if (!binary) throw new Error('no binary data in the output');
	return (await binaryBytes(binary)) as Buffer;
}

export interface FileHost {
	url: string;
	/** The Authorization header of every request it received, in order. */
	authorizations: Array<string | undefined>;
	close(): Promise<void>;
}

/** Serves `bytes` at /files/<name> with a content type, and /moved/<name> redirecting there. */
export async function startFileHost(name: string, bytes: Buffer, contentType: string): Promise<FileHost> {
	const authorizations: Array<string | undefined> = [];
	const server = http.createServer((req, res) => {
		authorizations.push(req.headers.authorization);
		if (req.url === `/moved/${name}`) {
			res.writeHead(302, { location: `/files/${name}` });
			res.end();
		} else if (req.url === `/files/${name}`) {
			res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
			res.end(bytes);
		} else {
			res.writeHead(404);
			res.end('not here');
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		authorizations,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
