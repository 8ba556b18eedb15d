import type { IBinaryData, IDataObject, IExecuteFunctions, IHttpRequestOptions, JsonObject, NodeApiError } from 'n8n-workflow';

import { apiError } from './errors';
import { requestTimeoutMs } from './index';

/**
 * Transfers to and from the object storage behind Buildin's file links
 * (https://buildin.ai/developer-api/v2/advanced/file-upload; the download link is in
 * https://api.buildin.ai/v2/openapi.json only). Those links are presigned and point at another host, so they go through
 * n8n's plain request helper: the Buildin token is never attached. Redirects are not followed either (a presigned link
 * has no reason to redirect, and a streamed body could not be sent twice anyway).
 */

/** What a presigned upload needs: the link, its method and exactly the headers Buildin returned with it. */
export interface UploadTarget {
	url: string;
	method: 'PUT';
	headers: Record<string, string>;
}

/** A file body: the binary's stream when it is on disk, its bytes otherwise, with its exact length. */
export interface FileBody {
	data: unknown;
	length: number;
}

/** A downloaded file: n8n's binary data, written from the response stream. */
export interface DownloadedFile {
	binary: IBinaryData;
	mimeType?: string;
}

const ERROR_BODY_LIMIT = 2048;

/** The start of an error body (object stores answer XML), read from a response stream or taken as it came. */
async function errorText(body: unknown): Promise<string> {
	if (typeof body === 'string') return body.slice(0, ERROR_BODY_LIMIT);
	if (body && typeof body === 'object' && Symbol.asyncIterator in body) {
		let text = '';
		for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
			text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
			if (text.length >= ERROR_BODY_LIMIT) break;
		}
		return text.slice(0, ERROR_BODY_LIMIT);
	}
	return '';
}

/** The object store's `<Code>` and `<Message>`, when its error body is the usual XML. */
function storageError(text: string): { code?: string; message?: string } {
	const pick = (tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(text)?.[1];
	return { code: pick('Code'), message: pick('Message') };
}

/** The host a link points at, for messages: the signed query is a secret for as long as the link is valid. */
function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return 'the storage';
	}
}

/** A failed transfer as a NodeApiError naming the storage's status and words, never the signed link. */
async function transferError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	what: string,
	url: string,
	failure: { statusCode?: number; body?: unknown; error?: unknown },
	description: string,
): Promise<NodeApiError> {
	if (failure.statusCode === undefined) {
		const reason = failure.error instanceof Error ? failure.error.message : 'the connection failed';
		const message = `${what} ${hostOf(url)} failed: ${reason}`;
		return apiError(ctx.getNode(), { message, description, itemIndex, response: { message: reason }, n8nWording: true });
	}
	const { code, message } = storageError(await errorText(failure.body));
	const words = [code, message].filter(Boolean).join(': ') || 'no error details';
	return apiError(ctx.getNode(), {
		message: `${what} ${hostOf(url)} failed with ${failure.statusCode} (${words})`,
		description,
		httpCode: String(failure.statusCode),
		itemIndex,
		response: { status: failure.statusCode, code, message } as JsonObject,
		context: { apiCode: code, apiMessage: message },
	});
}

/** Lets go of a file stream the request did not read to its end (a failed upload), so its file handle closes. */
function closeStream(data: unknown): void {
	const stream = data as { destroy?: () => void };
	if (typeof stream?.destroy === 'function') stream.destroy();
}

function isRedirectOrError(statusCode: number): boolean {
	return statusCode < 200 || statusCode >= 300;
}

/**
 * PUTs the file to a presigned upload link with exactly the headers Buildin gave, plus Content-Length (the
 * file's exact size, so a stream is not sent chunked, which object stores refuse). Only a 2xx is a success.
 */
export async function putToUploadLink(
	this: IExecuteFunctions,
	itemIndex: number,
	target: UploadTarget,
	file: FileBody,
): Promise<void> {
	const options: IHttpRequestOptions = {
		method: target.method,
		url: target.url,
		headers: { ...target.headers, 'Content-Length': file.length },
		body: file.data as IHttpRequestOptions['body'],
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		timeout: requestTimeoutMs(this, itemIndex),
	};
	const description =
		'The file was not stored, and no block was added to the page. Run the item again: it asks Buildin for a new upload link.';
	let response: { statusCode: number; body: unknown };
	try {
		response = (await this.helpers.httpRequest(options)) as { statusCode: number; body: unknown };
	} catch (error) {
		closeStream(file.data);
		throw await transferError(this, itemIndex, 'Uploading the file to', target.url, { error }, description);
	}
	if (isRedirectOrError(response.statusCode)) {
		closeStream(file.data);
		throw await transferError(this, itemIndex, 'Uploading the file to', target.url, response, description);
	}
}

/**
 * GETs a file (a temporary Buildin link, or an external file's URL) as a stream and hands it to n8n's binary data
 * helper, which writes it to n8n's binary storage as it arrives. `followRedirects` only for external URLs: they
 * carry nothing secret, and sites often redirect to a CDN.
 */
export async function downloadFile(
	this: IExecuteFunctions,
	itemIndex: number,
	url: string,
	fileName: string | undefined,
	options: { followRedirects: boolean; linkDescription: string },
): Promise<DownloadedFile> {
	const request: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: !options.followRedirects,
		timeout: requestTimeoutMs(this, itemIndex),
	};
	let response: { statusCode: number; body: unknown; headers: IDataObject };
	try {
		response = (await this.helpers.httpRequest(request)) as typeof response;
	} catch (error) {
		throw await transferError(this, itemIndex, 'Downloading the file from', url, { error }, options.linkDescription);
	}
	if (isRedirectOrError(response.statusCode)) {
		throw await transferError(this, itemIndex, 'Downloading the file from', url, response, options.linkDescription);
	}
	const header = response.headers['content-type'];
	const mimeType = typeof header === 'string' && header.trim() !== '' ? header.split(';')[0].trim() : undefined;
	const binary = await this.helpers.prepareBinaryData(
		response.body as Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0],
		fileName,
		mimeType,
	);
	return { binary, mimeType };
}
