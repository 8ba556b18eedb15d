import type { IDataObject } from 'n8n-workflow';

import type { AnswerKind } from './endpoints';

function isJsonObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * What is wrong with a list answer, or undefined. Buildin's list wrapper is `results`, `has_more` and `next_cursor`
 * (https://buildin.ai/developer-api/v2/reference/conventions); a page that promises more but holds nothing would be
 * paged forever.
 */
export function listProblem(body: IDataObject): string | undefined {
	if (!Array.isArray(body.results)) return 'a list without a results array';
	if (!body.results.every(isJsonObject)) return 'a results list holding something other than objects';
	if (typeof body.has_more !== 'boolean') return 'a list without has_more';
	if (body.has_more && (typeof body.next_cursor !== 'string' || body.next_cursor === '')) {
		return 'has_more true and no next_cursor';
	}
	if (body.has_more && body.results.length === 0) return 'has_more true and an empty page of results';
	return undefined;
}

const isHttpUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\//i.test(value);

/**
 * What is wrong with a file link answer, or undefined: the spec's FileUploadObject (a PUT link and the `oss_name` a
 * block names the file by) and FileDownloadObject (a `file` with its `url`).
 */
function linkProblem(body: IDataObject, kind: 'upload_link' | 'download_link'): string | undefined {
	if (kind === 'download_link') {
		return isJsonObject(body.file) && isHttpUrl(body.file.url) ? undefined : 'a download link without file.url';
	}
	const method = String(body.method ?? 'PUT').toUpperCase();
	if (!isHttpUrl(body.upload_url) || method !== 'PUT') return 'an upload link without a PUT upload_url';
	return typeof body.oss_name === 'string' && body.oss_name !== '' ? undefined : 'an upload link without an oss_name';
}

/** What is wrong with a success's body, measured against what the endpoint documents; undefined when nothing is. */
export function answerProblem(body: unknown, kind: AnswerKind | undefined): string | undefined {
	if (!isJsonObject(body)) return 'something other than a JSON object';
	if (kind === undefined) return undefined;
	if (kind === 'list') return listProblem(body);
	if (kind === 'upload_link' || kind === 'download_link') return linkProblem(body, kind);
	return body.object === kind ? undefined : `an object whose "object" is ${JSON.stringify(body.object)}, not "${kind}"`;
}
