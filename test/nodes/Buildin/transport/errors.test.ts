import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiError, elaborated, errorItemJson, requestError, type RequestFailure } from '../../../../nodes/Buildin/transport/errors';

const node: INode = {
	id: '1',
	name: 'Buildin',
	type: 'n8n-nodes-buildin.buildin',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const PAGE_PATH = '/v2/pages/3f2a9c1e-4b7d-4e8f-9a01-b2c3d4e5f607';

function failure(overrides: Partial<RequestFailure>): RequestFailure {
	return { method: 'PATCH', path: PAGE_PATH, attempts: 1, waitedMs: 0, baseUrl: 'https://api.buildin.ai', ...overrides };
}

function apiFailure(statusCode: number, body: unknown, overrides: Partial<RequestFailure> = {}): RequestFailure {
	return failure({ statusCode, body, ...overrides });
}

describe('requestError for an API error', () => {
	it('keeps status, API code and message in the message instead of n8n\'s generic text', () => {
		const error = requestError(
			node,
			apiFailure(400, { code: 'validation_error', message: 'Title is too long', request_id: 'req_1' }),
			0,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Buildin API error 400 (validation_error: Title is too long)');
		expect(error.message).not.toBe('Bad request - please check your parameters');
		expect(error.httpCode).toBe('400');
	});

	it('keeps apiCode, apiMessage, requestId and details in the context, and the item index', () => {
		const details = [{ field: 'properties.Due', issue: 'invalid date' }];
		const error = requestError(
			node,
			apiFailure(400, { code: 'validation_error', message: 'Invalid body', request_id: 'req_42', details }),
			3,
		);
		expect(error.context).toMatchObject({
			apiCode: 'validation_error',
			apiMessage: 'Invalid body',
			requestId: 'req_42',
			details,
			itemIndex: 3,
		});
	});

	it('advises fixing the fields for 400', () => {
		const error = requestError(node, apiFailure(400, { code: 'validation_error', message: 'bad' }), 0);
		expect(error.description).toMatch(/refused the request as invalid/);
	});

	it('advises a new token for 401', () => {
		const error = requestError(node, apiFailure(401, { code: 'unauthorized', message: 'Invalid token' }), 0);
		expect(error.message).toBe('Buildin API error 401 (unauthorized: Invalid token)');
		expect(error.message).not.toBe('Authorization failed - please check your credentials');
		expect(error.description).toMatch(/token is invalid, expired or revoked/);
		expect(error.httpCode).toBe('401');
	});

	it('names the missing capability for 403 when the scope is known', () => {
		const error = requestError(
			node,
			apiFailure(403, { code: 'restricted_resource', message: 'Missing capability' }, { scope: 'pages.write' }),
			0,
		);
		expect(error.message).toBe('Buildin API error 403 (restricted_resource: Missing capability)');
		expect(error.description).toContain('the pages.write capability');
		expect(error.description).toContain('share the page with the integration');
	});

	it('speaks of a capability in general for 403 without a scope', () => {
		const error = requestError(node, apiFailure(403, { code: 'restricted_resource' }), 0);
		expect(error.description).toContain('a capability this operation needs');
		expect(error.description).not.toContain('undefined');
	});

	it('names the resource for 404 from the path', () => {
		const error = requestError(node, apiFailure(404, { code: 'object_not_found', message: 'Not found' }), 0);
		expect(error.message).toBe('Buildin API error 404 (object_not_found: Not found)');
		expect(error.description).toMatch(/^No page with this ID is visible to the integration/);
	});

	it.each([
		['/v2/blocks/abc/children', 'block'],
		['/v2/databases/abc', 'database'],
		['/v2/users/abc', 'user'],
		['/v2/search', 'resource'],
	])('calls the resource of %s a %s', (path, noun) => {
		const error = requestError(node, apiFailure(404, { code: 'object_not_found' }, { path }), 0);
		expect(error.description).toMatch(new RegExp(`^No ${noun} with this ID`));
	});

	it('explains a 409 conflict as a changed version (If-Match)', () => {
		const error = requestError(node, apiFailure(409, { code: 'conflict', message: 'Version mismatch' }), 0);
		expect(error.message).toBe('Buildin API error 409 (conflict: Version mismatch)');
		expect(error.description).toContain('If-Match');
		expect(error.description).not.toContain('Idempotency-Key');
	});

	it('explains a 409 idempotency_conflict as a reused Idempotency-Key', () => {
		const error = requestError(
			node,
			apiFailure(409, { code: 'idempotency_conflict', message: 'Key reused' }, { method: 'POST', path: '/v2/pages' }),
			0,
		);
		expect(error.message).toBe('Buildin API error 409 (idempotency_conflict: Key reused)');
		expect(error.description).toContain('Idempotency-Key');
		expect(error.description).not.toContain('If-Match');
	});

	it('mentions the attempts and the time waited for 429', () => {
		const error = requestError(
			node,
			apiFailure(429, { code: 'rate_limited', message: 'Slow down' }, { attempts: 5, waitedMs: 12_400 }),
			0,
		);
		expect(error.message).toBe('Buildin API error 429 (rate_limited: Slow down)');
		expect(error.message).not.toBe('The service is receiving too many requests from you');
		expect(error.description).toContain('tried 5 times over 12 s');
		expect(error.description).toContain('Max Retries');
	});

	it('says nothing about retries for a 429 that was tried once', () => {
		const error = requestError(node, apiFailure(429, { code: 'rate_limited' }, { attempts: 1 }), 0);
		expect(error.description).not.toContain('tried');
	});

	it('advises trying later and quoting the request id for 500', () => {
		const error = requestError(node, apiFailure(500, { code: 'internal_error', message: 'Boom', request_id: 'req_9' }), 0);
		expect(error.message).toBe('Buildin API error 500 (internal_error: Boom)');
		expect(error.description).toMatch(/server error/);
		expect(error.description).toMatch(/request ID/);
		expect(error.context.requestId).toBe('req_9');
	});

	it('mentions the retries for 503', () => {
		const error = requestError(
			node,
			apiFailure(503, { code: 'service_unavailable', message: 'Maintenance' }, { attempts: 3, waitedMs: 3000 }),
			0,
		);
		expect(error.message).toBe('Buildin API error 503 (service_unavailable: Maintenance)');
		expect(error.description).toContain('tried 3 times over 3 s');
		expect(error.httpCode).toBe('503');
	});

	it('gives a clear message for a body that is not JSON, such as a proxy\'s HTML page', () => {
		const error = requestError(node, apiFailure(502, '<html><body><h1>502 Bad Gateway</h1></body></html>'), 0);
		expect(error.message).toBe('Buildin API error 502 (no error details in the response)');
		expect(error.httpCode).toBe('502');
		expect(error.context.apiCode).toBeUndefined();
		expect(error.context.requestId).toBeUndefined();
	});

	it('gives a clear message for an empty body', () => {
		const error = requestError(node, apiFailure(500, undefined), 0);
		expect(error.message).toBe('Buildin API error 500 (no error details in the response)');
	});

	it('uses only the parts of the body that are there', () => {
		expect(requestError(node, apiFailure(400, { message: 'Only a message' }), 0).message).toBe(
			'Buildin API error 400 (Only a message)',
		);
		expect(requestError(node, apiFailure(400, { code: 'only_code' }), 0).message).toBe('Buildin API error 400 (only_code)');
	});

	it('ignores body fields of the wrong type', () => {
		const error = requestError(node, apiFailure(400, { code: 7, message: { text: 'x' }, request_id: 1 }), 0);
		expect(error.message).toBe('Buildin API error 400 (no error details in the response)');
		expect(error.context.requestId).toBeUndefined();
	});

	// Regression: n8n's NodeApiError rewrites any message that contains a Node.js error code (EACCES, EPERM, ENOENT, ...)
	// as a substring, case-insensitively. An API message quoting a property named "FreeAccess" ("FREEACCESS"
	// contains "EACCES") turns into "Forbidden by access permissions, make sure you have the right permissions".
	it('keeps an API message that happens to contain a Node.js error code as a substring', () => {
		const error = requestError(
			node,
			apiFailure(400, { code: 'validation_error', message: 'Property "FreeAccess" does not exist' }),
			0,
		);
		expect(error.message).toBe('Buildin API error 400 (validation_error: Property "FreeAccess" does not exist)');
	});
});

describe('requestError for a network failure', () => {
	it.each([
		['ECONNREFUSED', 'the connection was refused'],
		['ETIMEDOUT', 'no answer came within the timeout'],
		['ENOTFOUND', 'the host name does not resolve'],
		['ECONNRESET', 'the connection was closed before an answer came'],
	])('explains %s', (networkCode, problem) => {
		const error = requestError(node, failure({ networkCode, baseUrl: 'https://api.buildin.ai' }), 2);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Could not reach Buildin at https://api.buildin.ai: ${problem}`);
		expect(error.httpCode).toBeNull();
		expect(error.context.networkCode).toBe(networkCode);
		expect(error.context.itemIndex).toBe(2);
		expect(error.description).toContain('Base URL');
	});

	it('falls back to a general problem for an unknown code', () => {
		const error = requestError(node, failure({ networkCode: 'EWEIRD', baseUrl: 'http://127.0.0.1:4010' }), 0);
		expect(error.message).toBe('Could not reach Buildin at http://127.0.0.1:4010: the network request failed');
		expect(error.httpCode).toBeNull();
	});

	it('falls back to a general problem without a code', () => {
		const error = requestError(node, failure({}), 0);
		expect(error.message).toBe('Could not reach Buildin at https://api.buildin.ai: the network request failed');
		expect(error.httpCode).toBeNull();
	});

	it('mentions the retries in the description', () => {
		const error = requestError(node, failure({ networkCode: 'ETIMEDOUT', attempts: 4, waitedMs: 7_000 }), 0);
		expect(error.description).toContain('tried 4 times over 7 s');
	});
});

describe('errorItemJson', () => {
	const nothing = { httpCode: null, code: null, apiMessage: null, requestId: null, mayHaveBeenApplied: false, fields: [], description: null };

	it('gives one key, error: the message and the API fields', () => {
		const fields = [{ path: 'title', reason: 'unknown_property' }];
		const error = requestError(
			node,
			apiFailure(404, { code: 'object_not_found', message: 'No such page', request_id: 'req_7', details: fields }),
			0,
		);
		expect(errorItemJson(error)).toEqual({
			error: {
				message: 'Buildin API error 404 (object_not_found: No such page)',
				httpCode: 404,
				code: 'object_not_found',
				apiMessage: 'No such page',
				requestId: 'req_7',
				mayHaveBeenApplied: false,
				fields,
				description: error.description,
			},
		});
	});

	it('fills missing API fields with null and fields with []', () => {
		const error = requestError(node, apiFailure(502, '<html>Bad Gateway</html>'), 0);
		expect(errorItemJson(error).error).toMatchObject({ httpCode: 502, code: null, apiMessage: null, requestId: null, fields: [] });
	});

	it('gives the network code and a null httpCode for a network failure', () => {
		const error = requestError(node, failure({ networkCode: 'ECONNREFUSED' }), 0);
		expect(errorItemJson(error)).toEqual({
			error: {
				...nothing,
				message: 'Could not reach Buildin at https://api.buildin.ai: the connection was refused',
				code: 'ECONNREFUSED',
				description: error.description,
			},
		});
	});

	it('says when a write may have been applied: by the failing request, or by an earlier request of the item', () => {
		const error = requestError(node, failure({ networkCode: 'ECONNRESET', method: 'PATCH', path: '/v2/blocks/x/children', mayHaveLanded: true }), 0);
		expect(error.message).toBe('No answer from Buildin at https://api.buildin.ai: the connection was closed before an answer came; the request may have been applied');
		expect(error.description).toContain('Read the block before running this item again');
		expect(errorItemJson(error).error).toMatchObject({ mayHaveBeenApplied: true, code: 'ECONNRESET' });
		const gateway = requestError(node, { ...apiFailure(504, undefined), mayHaveLanded: true }, 0);
		expect(gateway.message).toBe('Buildin API error 504 (no error details in the response); the request may have been applied');
		expect(errorItemJson(gateway).error).toMatchObject({ mayHaveBeenApplied: true });
		const refused = requestError(node, apiFailure(400, { code: 'validation_error', message: 'Bad' }), 0);
		expect(errorItemJson(refused).error).toMatchObject({ mayHaveBeenApplied: false });
		expect(errorItemJson(refused, true).error).toMatchObject({ mayHaveBeenApplied: true });
	});

	it('gives the same fields for a NodeOperationError, null where they do not apply', () => {
		const error = new NodeOperationError(node, 'Property "Due" (Start): "tomorrow" is not a valid date', {
			description: 'Use an ISO 8601 date',
		});
		expect(errorItemJson(error)).toEqual({
			error: { ...nothing, message: 'Property "Due" (Start): "tomorrow" is not a valid date', description: 'Use an ISO 8601 date' },
		});
		expect(errorItemJson(new NodeOperationError(node, 'Something failed'))).toEqual({ error: { ...nothing, message: 'Something failed' } });
	});

	it('gives the message of a plain Error', () => {
		expect(errorItemJson(new Error('Oops'))).toEqual({ error: { ...nothing, message: 'Oops' } });
	});
});

describe('errors are built once, each with the whole of what it says', () => {
	it('elaborated: a new error of the same kind, the first as its cause and unchanged, its context carried over', () => {
		const first = requestError(node, apiFailure(409, { code: 'conflict', message: 'Version mismatch', request_id: 'req_9' }), 2);
		const before = { message: first.message, description: first.description, context: { ...first.context } };

		const next = elaborated(first, { message: `More: ${first.message}`, description: 'What to do now.', context: { appendedCount: 3 } });

		expect(next).not.toBe(first);
		expect(next).toBeInstanceOf(NodeApiError);
		expect(next).toMatchObject({ message: 'More: Buildin API error 409 (conflict: Version mismatch)', description: 'What to do now.', httpCode: '409' });
		expect(next.context).toMatchObject({ requestId: 'req_9', apiCode: 'conflict', itemIndex: 2, appendedCount: 3 });
		expect((next as Error & { cause?: unknown }).cause).toBe(first);
		expect({ message: first.message, description: first.description, context: first.context }).toEqual(before);
	});

	it('elaborated keeps a bad-input error a NodeOperationError, with its description even when it repeats the message', () => {
		const first = new NodeOperationError(node, 'Page in item 0: "x" is not a Buildin ID or URL', { itemIndex: 0 });
		const next = elaborated(first, { description: 'Page in item 0: "x" is not a Buildin ID or URL' });
		expect(next).toBeInstanceOf(NodeOperationError);
		expect(next.description).toBe(next.message);
		expect((next as Error & { cause?: unknown }).cause).toBe(first);
	});

	it('apiError says exactly its message, where n8n would put a Node.js error code in its own words', () => {
		const error = apiError(node, { message: 'Buildin API error 403 (restricted: FreeAccess ECONNREFUSED)', description: 'Advice', context: { apiCode: 'restricted' } });
		expect(error.message).toBe('Buildin API error 403 (restricted: FreeAccess ECONNREFUSED)');
		expect(error.context.apiCode).toBe('restricted');
		expect(apiError(node, { message: 'Uploading the file to s3 failed: connect ECONNREFUSED', n8nWording: true }).message).not.toContain('Uploading');
	});
});
